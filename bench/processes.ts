/**
 * The command line as a process: `touchbase touch` against a bare durable write run as a
 * process, `touchbase due` against a bare parse run as a process, and the peak memory of both.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Dataset } from './dataset'
import { pair, type Pair } from './measure'

export interface ProcessPaths {
  cli: string
  floors: string
  reportRss: string
}

export interface ProcessRun {
  touch: Pair & { peakRss: number }
  due: Pair & { peakRss: number }
}

interface Exit {
  ms: number
  peakRss: number
}

function runNode(paths: ProcessPaths, args: string[]): Exit {
  const dir = mkdtempSync(join(tmpdir(), 'touchbase-rss-'))
  const rssFile = join(dir, 'rss')
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, TOUCHBASE_PEAK_RSS_FILE: rssFile }
    delete env.TOUCHBASE_DATA_DIR
    const start = performance.now()
    const result = spawnSync(process.execPath, ['--import', paths.reportRss, ...args], { env, encoding: 'utf8' })
    const ms = performance.now() - start
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
    return { ms, peakRss: Number(readFileSync(rssFile, 'utf8')) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export class ProcessBench {
  private next = 0

  constructor(
    private readonly data: Dataset,
    private readonly paths: ProcessPaths
  ) {}

  async run(run: number): Promise<ProcessRun> {
    const cli = (...args: string[]) => runNode(this.paths, [this.paths.cli, ...args, '--data', this.data.dir])
    const floor = (...args: string[]) => runNode(this.paths, [this.paths.floors, ...args])
    let touchRss = 0
    let dueRss = 0
    const touch = await pair(
      run,
      async () => floor('write', join(this.data.dir, 'floor.json'), String(statSync(this.data.file).size)).ms,
      async () => {
        const exit = cli('touch', this.data.ids[this.next++ % this.data.ids.length]!, '--channel', 'call', '--note', 'Left a voicemail')
        touchRss = Math.max(touchRss, exit.peakRss)
        return exit.ms
      }
    )
    const due = await pair(
      run,
      async () => floor('parse', this.data.file).ms,
      async () => {
        const exit = cli('due')
        dueRss = Math.max(dueRss, exit.peakRss)
        return exit.ms
      }
    )
    return { touch: { ...touch, peakRss: touchRss }, due: { ...due, peakRss: dueRss } }
  }
}

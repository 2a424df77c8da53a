/**
 * `npm run bench`: Touchbase against its floors. Every figure is a ratio to a floor measured in the
 * same run (a bare parse, a bare durable write, the same figure at a smaller size), the median of
 * several paired, interleaved runs. Writes a table to stdout, bench/results.json and the results
 * block of docs/performance.md. Flags: --runs N, --burst-runs N, --only core,processes,renderer,
 * --no-write. Needs `npm run build` first (npm run bench does it).
 */
import { Command, InvalidArgumentError } from 'commander'
import { join, resolve } from 'node:path'
import { CoreBench, type CoreRun } from './core'
import { makeDataset, type Dataset } from './dataset'
import { computeFigures, type Measurements } from './figures'
import { interleaved } from './measure'
import { ProcessBench, type ProcessRun } from './processes'
import { runRendererBench } from './renderer-run'
import { describeMachine, table, writeOutputs, type Results } from './report'

const ROOT = resolve(import.meta.dirname, '../..')
const SIZES = { tiny: 100, small: 1_000, large: 10_000 }
const PARTS = ['core', 'processes', 'renderer'] as const
type Part = (typeof PARTS)[number]

const count = (text: string) => {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number, at least 1')
  return n
}
const parts = (text: string) => {
  const list = text.split(',').map((p) => p.trim())
  const unknown = list.filter((p) => !(PARTS as readonly string[]).includes(p))
  if (unknown.length) throw new InvalidArgumentError(`unknown part ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`)
  return list as Part[]
}

const options = new Command('bench')
  .description('Touchbase against its floors: paired, interleaved runs at 100, 1,000 and 10,000 generated contacts')
  .option('--runs <n>', 'paired runs per figure (after one warm-up run)', count, 5)
  .option('--burst-runs <n>', 'runs of the 100-touch burst (the slowest part)', count, 3)
  .option('--only <parts>', `some of ${PARTS.join(',')}`, parts, [...PARTS])
  .option('--no-write', 'print the table only; leave bench/results.json and docs/performance.md alone')
  .parse()
  .opts<{ runs: number; burstRuns: number; only: Part[]; write: boolean }>()

const log = (line: string) => process.stderr.write(`${line}\n`)
const now = new Date()
const machine = describeMachine()

const measurements: Measurements = {
  core: { small: [], large: [] },
  processes: { small: [], large: [] },
  renderer: { small: [], large: [] },
  fileBytes: { tiny: 0, small: 0, large: 0 },
  rendererHeapBytes: 0,
  sizes: SIZES
}
let chromium: string | undefined
let failed = false

/** Runs one part; a failure is reported and the other parts' figures still come out. */
async function part(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    failed = true
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
}

const datasets: Dataset[] = []
try {
  if (options.only.includes('core') || options.only.includes('processes')) {
    log('generating 1,000 and 10,000 contacts')
    const small = await makeDataset(SIZES.small, now)
    const large = await makeDataset(SIZES.large, now)
    datasets.push(small, large)
    measurements.fileBytes.small = await small.bytes()
    measurements.fileBytes.large = await large.bytes()

    if (options.only.includes('core')) {
      await part('core', async () => {
        const benches = { small: new CoreBench(small), large: new CoreBench(large) }
        try {
          measurements.core = await interleaved<CoreBench, CoreRun>('core', options.runs, benches, (bench, run) => bench.run(run, run >= 0 && run < options.burstRuns))
        } finally {
          await benches.small.close()
          await benches.large.close()
        }
      })
    }
    if (options.only.includes('processes')) {
      await part('processes', async () => {
        const paths = { cli: join(ROOT, 'out/cli/touchbase.js'), floors: join(ROOT, 'out/bench/floors.js'), reportRss: join(ROOT, 'scripts/peak-rss.mjs') }
        const benches = { small: new ProcessBench(small, paths), large: new ProcessBench(large, paths) }
        measurements.processes = await interleaved<ProcessBench, ProcessRun>('processes', options.runs, benches, (bench, run) => bench.run(run))
      })
    }
  }

  if (options.only.includes('renderer')) {
    await part('renderer', async () => {
      const report = runRendererBench({ runs: options.runs, now })
      measurements.renderer = report.runs
      measurements.rendererHeapBytes = report.heapBytes
      measurements.fileBytes.tiny = report.fileBytes.tiny
      measurements.fileBytes.large ||= report.fileBytes.large
      chromium = report.chromium
    })
  }
} finally {
  for (const data of datasets) await data.remove()
}

const results: Results = {
  date: now.toISOString(),
  machine: { ...machine, ...(chromium ? { chromium } : {}) },
  runs: { paired: options.runs, burst: Math.min(options.burstRuns, options.runs) },
  contacts: SIZES,
  fileBytes: measurements.fileBytes,
  figures: computeFigures(measurements)
}
console.log(table(results))
if (failed) {
  log('some parts failed (above): bench/results.json and docs/performance.md left as they were')
  process.exitCode = 1
} else if (options.write) {
  await writeOutputs(results, join(ROOT, 'bench/results.json'), join(ROOT, 'docs/performance.md'))
  log('wrote bench/results.json and docs/performance.md')
}

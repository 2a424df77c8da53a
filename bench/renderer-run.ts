/**
 * The renderer figures run inside vitest (tests/e2e/renderer-bench.test.ts), where the browser
 * harness lives: this spawns that file and reads what it measured.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Sized } from './measure'
import type { RendererRun } from './renderer'

export interface RendererReport {
  runs: Sized<RendererRun>
  heapBytes: number
  fileBytes: { tiny: number; large: number }
  chromium: string
}

export const RENDERER_BENCH_ENV = 'TOUCHBASE_BENCH_RENDERER'

export function runRendererBench(options: { runs: number; now: Date }): RendererReport {
  const root = resolve(import.meta.dirname, '../..')
  const dir = mkdtempSync(join(tmpdir(), 'touchbase-bench-renderer-'))
  const out = join(dir, 'renderer.json')
  try {
    const result = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e', 'tests/e2e/renderer-bench.test.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, [RENDERER_BENCH_ENV]: JSON.stringify({ out, runs: options.runs, now: options.now.toISOString() }) }
    })
    if (result.status !== 0) throw new Error(`the renderer benchmark (vitest) exited with ${result.status}`)
    // JSON has no NaN: a card that never came into sight was written as null.
    return JSON.parse(readFileSync(out, 'utf8'), (key, value) => (value === null && (key === 'enterMs' || key === 'dragMs') ? Number.NaN : value)) as RendererReport
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

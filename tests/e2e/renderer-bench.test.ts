/**
 * The renderer part of `npm run bench` (not a test: it only runs when the benchmark starts it,
 * see bench/renderer-run.ts). 100 and 10,000 generated contacts in Chromium, paired runs.
 */
import { writeFileSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { describe, it } from 'vitest'
import { interleaved } from '../../bench/measure'
import { RendererBench } from '../../bench/renderer'
import { RENDERER_BENCH_ENV, type RendererReport } from '../../bench/renderer-run'
import { launchChromium } from './harness'

const request = process.env[RENDERER_BENCH_ENV]

describe.runIf(request)('renderer benchmark', () => {
  it('100 and 10,000 contacts, paired runs', { timeout: 3_600_000 }, async () => {
    const { out, runs, now } = JSON.parse(request!) as { out: string; runs: number; now: string }
    const browser = await launchChromium()
    const open: RendererBench[] = []
    try {
      const tiny = await RendererBench.open(browser, 100, new Date(now))
      open.push(tiny)
      const large = await RendererBench.open(browser, 10_000, new Date(now))
      open.push(large)
      const report: RendererReport = {
        runs: await interleaved('renderer', runs, { small: tiny, large }, (bench) => bench.run()),
        heapBytes: await large.heapAfterLoad(),
        fileBytes: { tiny: (await stat(tiny.dataFile)).size, large: (await stat(large.dataFile)).size },
        chromium: browser.version()
      }
      writeFileSync(out, JSON.stringify(report))
    } finally {
      for (const bench of open) await bench.close()
      await browser.close()
    }
  })
})

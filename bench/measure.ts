/** Timing helpers: every figure is the median of several paired, interleaved runs. */
import { performance } from 'node:perf_hooks'

/** The median; NaN (something that never happened) counts as larger than any number. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = values.map((v) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v)).sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Milliseconds `run` takes. */
export async function time(run: () => unknown): Promise<number> {
  collectGarbage()
  const start = performance.now()
  await run()
  return performance.now() - start
}

/** Between measurements, so one's garbage is not collected on the next one's clock (needs --expose-gc). */
export function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

export interface Pair {
  floorMs: number
  subjectMs: number
}

/** Attempts of floor and subject within one pair; the fastest of each counts. */
const ATTEMPTS = 3

/**
 * Floor and subject measured back to back, alternating (F S F S F S, or S F S F S F from run to
 * run), keeping the fastest attempt of each: on a shared machine the fastest is the one least
 * disturbed by other work, and both sides get the same chances.
 */
export async function pair(run: number, floor: () => Promise<number>, subject: () => Promise<number>, attempts = ATTEMPTS): Promise<Pair> {
  let floorMs = Number.POSITIVE_INFINITY
  let subjectMs = Number.POSITIVE_INFINITY
  for (let i = 0; i < attempts; i++) {
    if (run % 2 === 0) {
      floorMs = Math.min(floorMs, await floor())
      subjectMs = Math.min(subjectMs, await subject())
    } else {
      subjectMs = Math.min(subjectMs, await subject())
      floorMs = Math.min(floorMs, await floor())
    }
  }
  return { floorMs, subjectMs }
}

export type Sized<R> = Record<'small' | 'large', R[]>

/**
 * A warm-up run of each size, then `runs` runs of both sizes, alternating which goes first, so
 * a slow moment of the machine falls on both sides of a pair.
 */
export async function interleaved<B, R>(
  label: string,
  runs: number,
  benches: Record<'small' | 'large', B>,
  runOne: (bench: B, run: number) => Promise<R>,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)
): Promise<Sized<R>> {
  const out: Sized<R> = { small: [], large: [] }
  log(`${label}: warm-up`)
  await runOne(benches.small, -1)
  await runOne(benches.large, -1)
  for (let run = 0; run < runs; run++) {
    log(`${label}: run ${run + 1} of ${runs}`)
    for (const size of run % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const)) out[size].push(await runOne(benches[size], run))
  }
  return out
}

/**
 * Hybrid logical clocks (Kulkarni et al., 2014): wall-clock milliseconds plus a counter, so
 * that a change made after seeing another change always gets a later clock, even when the
 * machines' clocks disagree. Encoded as a fixed-width string whose text order is clock order.
 */
export interface Hlc {
  /** Milliseconds since the epoch: the largest wall time seen so far. */
  wall: number
  /** Orders events within one `wall` millisecond. */
  counter: number
}

export const HLC_ZERO: Hlc = { wall: 0, counter: 0 }

const WALL_DIGITS = 15
const COUNTER_DIGITS = 6
const CLOCK_PATTERN = /^(\d{15})\.(\d{6})$/

/** "001767225600000.000003": sorts as text in clock order. */
export function encodeHlc(hlc: Hlc): string {
  return `${String(hlc.wall).padStart(WALL_DIGITS, '0')}.${String(hlc.counter).padStart(COUNTER_DIGITS, '0')}`
}

export function decodeHlc(text: string): Hlc {
  const m = CLOCK_PATTERN.exec(text)
  if (!m) throw new Error(`not a hybrid logical clock: ${JSON.stringify(text)}`)
  return { wall: Number(m[1]), counter: Number(m[2]) }
}

export function isHlc(text: unknown): text is string {
  return typeof text === 'string' && CLOCK_PATTERN.test(text)
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.counter - b.counter
}

const later = (a: Hlc, b: Hlc): Hlc => (compareHlc(a, b) >= 0 ? a : b)

/** A local event (an edit) at physical time `nowMs`: strictly after everything seen before. */
export function tickHlc(state: Hlc, nowMs: number): Hlc {
  if (nowMs > state.wall) return { wall: nowMs, counter: 0 }
  return { wall: state.wall, counter: state.counter + 1 }
}

/**
 * Having seen `remote` (another device's clock): the next local event comes after it. Unlike a
 * send, receiving does not count as an event, so this only moves the clock forward.
 */
export function receiveHlc(state: Hlc, remote: Hlc): Hlc {
  return later(state, remote)
}

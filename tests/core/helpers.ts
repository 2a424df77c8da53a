import { DateTime } from 'luxon'
import { DEFAULT_SETTINGS, type Contact, type Touch } from '../../src/core/model'

/** An instant given as local wall-clock time in `zone`, e.g. local('Europe/Berlin', '2026-03-29T09:00'). */
export function local(zone: string, wallClock: string): string {
  const dt = DateTime.fromISO(wallClock, { zone })
  if (!dt.isValid) throw new Error(`bad wall clock ${wallClock}`)
  return dt.toUTC().toISO()!
}

/** The wall clock of an instant in `zone`, as "YYYY-MM-DDTHH:mm". */
export function wall(zone: string, instant: string | null): string | null {
  return instant === null ? null : DateTime.fromISO(instant).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm")
}

let seq = 0
export function touch(at: string, extra: Partial<Touch> = {}): Touch {
  return { id: `t${++seq}`, at, channel: 'email', ...extra }
}

export function contact(fields: Partial<Contact> & { createdAt: string }): Contact {
  return {
    id: `c${++seq}`,
    name: 'Ada Lovelace',
    kind: 'vendor',
    tags: [],
    status: 'active',
    updatedAt: fields.createdAt,
    touches: [],
    ...fields
  }
}

export const settings = DEFAULT_SETTINGS
export const ZONES = ['America/New_York', 'Europe/Berlin'] as const

/**
 * The fastest of five runs of each function, in milliseconds, taken in turns so that a busy
 * machine slows them alike. For ratio assertions only: never compare the result with a fixed time.
 */
export function fastestOf(...runs: (() => unknown)[]): number[] {
  const best = runs.map(() => Infinity)
  for (let round = 0; round < 5; round++) {
    runs.forEach((run, i) => {
      const started = performance.now()
      run()
      best[i] = Math.min(best[i]!, performance.now() - started)
    })
  }
  return best
}

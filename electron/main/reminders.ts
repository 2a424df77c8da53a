import { powerMonitor } from 'electron'

const CHECK_EVERY_MS = 60_000

/**
 * Checks the wall clock every minute and when the machine wakes or unlocks, instead of one
 * long timer that sleep, clock changes and DST would throw off. reminder-schedule decides;
 * the datastore remembers what fired, so checks may come as often as they like.
 */
export function setupReminders(runner: { check(): Promise<unknown> }): () => void {
  const check = () => void runner.check().catch(() => undefined)
  const timer = setInterval(check, CHECK_EVERY_MS)
  powerMonitor.on('resume', check)
  powerMonitor.on('unlock-screen', check)
  check() // occurrences missed while the app was closed
  return () => {
    clearInterval(timer)
    powerMonitor.off('resume', check)
    powerMonitor.off('unlock-screen', check)
  }
}

import { powerMonitor } from 'electron'

const CHECK_EVERY_MS = 60_000

/**
 * Checks the wall clock every minute and when the machine wakes or unlocks, instead of one
 * long timer that sleep, clock changes and DST would throw off. core/reminder-schedule decides;
 * the datastore remembers what fired, so checks may come as often as they like.
 */
export function setupReminders(runner: { check(): Promise<unknown> }): () => Promise<void> {
  let checking: Promise<unknown> = Promise.resolve()
  const check = () => {
    checking = runner.check().catch(() => undefined)
  }
  const timer = setInterval(check, CHECK_EVERY_MS)
  powerMonitor.on('resume', check)
  powerMonitor.on('unlock-screen', check)
  check() // occurrences missed while the app was closed
  /** Stops checking; resolves once the check under way (if any) is done, so the store can close. */
  return async () => {
    clearInterval(timer)
    powerMonitor.off('resume', check)
    powerMonitor.off('unlock-screen', check)
    await checking
  }
}

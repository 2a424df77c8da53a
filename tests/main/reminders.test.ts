import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setupReminders } from '../../electron/main/reminders'
import { powerMonitor, resetElectron } from './electron-double'

beforeEach(() => {
  resetElectron()
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
})
afterEach(() => vi.useRealTimers())

describe('the reminder clock', () => {
  it('checks at once, every minute, and when the machine wakes or unlocks', async () => {
    const check = vi.fn(async () => undefined)
    const stop = setupReminders({ check })
    expect(check).toHaveBeenCalledTimes(1) // a reminder missed while the app was closed
    await vi.advanceTimersByTimeAsync(60_000)
    expect(check).toHaveBeenCalledTimes(2)
    powerMonitor.emit('resume')
    powerMonitor.emit('unlock-screen')
    expect(check).toHaveBeenCalledTimes(4)

    await stop()
    await vi.advanceTimersByTimeAsync(180_000)
    powerMonitor.emit('resume')
    expect(check).toHaveBeenCalledTimes(4)
    expect(powerMonitor.listenerCount('resume') + powerMonitor.listenerCount('unlock-screen')).toBe(0)
  })

  it('stops only once the check under way is done, so the data file can close after it', async () => {
    let finish!: () => void
    const stop = setupReminders({ check: () => new Promise<void>((done) => (finish = done)) })
    let stopped = false
    const stopping = stop().then(() => (stopped = true))
    await Promise.resolve()
    expect(stopped).toBe(false)
    finish()
    await stopping
    expect(stopped).toBe(true)
  })

  it('keeps checking after a check failed', async () => {
    const check = vi.fn().mockRejectedValueOnce(new Error('disk busy')).mockResolvedValue(undefined)
    const stop = setupReminders({ check })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(check).toHaveBeenCalledTimes(2)
    await stop()
  })
})

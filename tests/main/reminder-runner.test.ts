import { afterEach, describe, expect, it, vi } from 'vitest'
import { DateTime } from 'luxon'
import { createReminderRunner } from '../../electron/main/reminder-runner'
import { realService, recordingNotifier } from './helpers'

const ZONES = ['America/New_York', 'Europe/Berlin'] as const
const local = (wallClock: string, zone: string) => DateTime.fromISO(wallClock, { zone }).toJSDate()

describe.each(ZONES)('reminder runner over a real service (%s)', (zone) => {
  let env: Awaited<ReturnType<typeof realService>> | undefined
  afterEach(async () => {
    await env?.close()
    env = undefined
  })

  async function setup(now: Date) {
    env = await realService({ now, timeZone: zone })
    const notes = recordingNotifier()
    const onOpenDue = vi.fn()
    const runner = createReminderRunner({ service: env.service, notifier: notes.notifier, language: () => 'en', onOpenDue })
    return { env, notes, onOpenDue, runner }
  }

  it('marks an occurrence handled without a notification when nothing is due', async () => {
    const { env, notes, runner } = await setup(local('2026-11-24T09:00:30', zone))
    const result = await runner.check()
    expect(result).toMatchObject({ decision: { fire: true, reason: 'occurrence' }, notified: 0 })
    expect(notes.shown).toEqual([])
    expect(await env.service.reminderState()).toEqual({ lastFiredOccurrence: local('2026-11-24T09:00', zone).toISOString() })
  })

  it('notifies once with the count and names, records it, and opens the due list on click', async () => {
    const { env, notes, onOpenDue, runner } = await setup(local('2026-11-20T10:00', zone))
    await env.service.addContact({ name: 'Ada Lovelace', kind: 'vendor' }) // default cadence: due after 2 days
    await env.service.addContact({ name: 'Grace Hopper', kind: 'customer' })
    await env.service.updateReminderState({ lastFiredOccurrence: local('2026-11-23T09:00', zone).toISOString() })

    env.setNow(local('2026-11-24T10:30', zone)) // asleep over 09:00
    const first = await runner.check()
    expect(first?.notified).toBe(2)
    expect(notes.shown.map((n) => n.message)).toEqual([
      { title: '2 follow-ups due today', body: 'Ada Lovelace (vendor, touch 1), Grace Hopper (customer, touch 1)', count: 2 }
    ])
    expect((await env.service.reminderState()).lastFiredOccurrence).toBe(local('2026-11-24T09:00', zone).toISOString())

    env.setNow(local('2026-11-24T10:31', zone))
    await runner.check()
    expect(notes.shown).toHaveLength(1)

    notes.click(0)
    expect(onOpenDue).toHaveBeenCalledOnce()
  })

  it('snoozes for an hour and fires again then, once', async () => {
    const { env, notes, runner } = await setup(local('2026-11-20T10:00', zone))
    await env.service.addContact({ name: 'Ada Lovelace', kind: 'vendor' })
    env.setNow(local('2026-11-24T09:00', zone))
    await runner.check()
    expect(notes.shown).toHaveLength(1)

    env.setNow(local('2026-11-24T09:10', zone))
    expect(await runner.snoozeOneHour()).toBe(local('2026-11-24T10:10', zone).toISOString())

    for (const t of ['09:30', '10:09', '10:10', '10:11', '11:00']) {
      env.setNow(local(`2026-11-24T${t}`, zone))
      await runner.check()
    }
    expect(notes.shown).toHaveLength(2)
    expect(await env.service.reminderState()).toEqual({ lastFiredOccurrence: local('2026-11-24T09:00', zone).toISOString() })
  })

  it('runs overlapping checks one after another, so a tick and a resume fire once', async () => {
    const { env, notes, runner } = await setup(local('2026-11-20T10:00', zone))
    await env.service.addContact({ name: 'Ada Lovelace' })
    env.setNow(local('2026-11-24T09:00', zone))
    await Promise.all([runner.check(), runner.check(), runner.check()])
    expect(notes.shown).toHaveLength(1)
  })

  it('reports a failing check through onError and keeps going', async () => {
    const { env } = await setup(local('2026-11-24T09:00', zone))
    const onError = vi.fn()
    let fail = true
    const runner = createReminderRunner({
      service: {
        settings: () => (fail ? Promise.reject(new Error('disk gone')) : env.service.settings()),
        reminderState: () => env.service.reminderState(),
        updateReminderState: (patch) => env.service.updateReminderState(patch),
        due: () => env.service.due(),
        now: env.service.now,
        timeZone: env.service.timeZone
      },
      notifier: recordingNotifier().notifier,
      language: () => 'en',
      onOpenDue: () => undefined,
      onError
    })
    expect(await runner.check()).toBeNull()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk gone' }))
    fail = false
    expect(await runner.check()).toMatchObject({ decision: { reason: 'occurrence' } })
  })
})

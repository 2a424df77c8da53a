import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/store'
import { TouchbaseService } from '../../src/service/service'
import { createApiHandlers, dispatch } from '../../src/service/api'
import { ServiceError } from '../../src/service/errors'
import { reminderMessage } from '../../src/service/reminder-message'

let dir: string
let store: Store
let clock: Date
let service: TouchbaseService

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchbase-service-'))
  clock = new Date('2026-11-27T10:00:00Z')
  store = await openStore(dir, { now: () => clock })
  service = new TouchbaseService(store, { now: () => clock, timeZone: () => 'Europe/Berlin' })
})
afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

const onDisk = async () => JSON.parse(await readFile(join(dir, 'touchbase.json'), 'utf8'))

describe('TouchbaseService', () => {
  it('adds, edits and resets a contact cadence, validating every field', async () => {
    const ada = await service.addContact({ name: '  Ada  ', kind: 'vendor', email: 'ada@example.com' })
    expect(ada.name).toBe('Ada')
    const edited = await service.editContact(ada.id, { cadence: 'FREQ=WEEKLY;BYDAY=TU', org: 'Acme' })
    expect(edited).toMatchObject({ cadence: 'FREQ=WEEKLY;BYDAY=TU', org: 'Acme' })
    const reset = await service.editContact(ada.id, { cadence: null, org: '' })
    expect(reset.cadence).toBeUndefined()
    expect(reset.org).toBeUndefined()
    await expect(service.addContact({ name: '', email: 'not-an-email' })).rejects.toThrow(/name: must not be empty; email: is not a valid email address/)
    expect((await onDisk()).contacts).toHaveLength(1)
  })

  it('logs several touches for a multi-column drag and undoes them', async () => {
    const c = await service.addContact({ name: 'Grace' })
    const three = await service.logTouch(c.id, { channel: 'call', note: 'voicemail' }, 3)
    expect(three.touchCount).toBe(3)
    expect((await onDisk()).contacts[0].touches).toHaveLength(3)
    const one = await service.undoTouch(c.id, 2)
    expect(one.touchCount).toBe(1)
    await service.undoTouch(c.id)
    await expect(service.undoTouch(c.id)).rejects.toThrow(/no touch to undo/)
  })

  it('refuses touches in the future', async () => {
    const c = await service.addContact({ name: 'Grace' })
    await expect(service.logTouch(c.id, { at: '2027-01-01T00:00:00Z' })).rejects.toThrow(/must not be in the future/)
  })

  it('edits and deletes single touches', async () => {
    const c = await service.addContact({ name: 'Grace' })
    const v = await service.logTouch(c.id, { channel: 'email', note: 'first' })
    const touchId = v.touches[0]!.id
    const edited = await service.editTouch(c.id, touchId, { channel: 'meeting', outcome: 'positive', note: 'coffee' })
    expect(edited.touches[0]).toMatchObject({ channel: 'meeting', outcome: 'positive', note: 'coffee' })
    const deleted = await service.deleteTouch(c.id, touchId)
    expect(deleted.touchCount).toBe(0)
  })

  it('clears a snooze when the next touch restarts the cadence', async () => {
    const c = await service.addContact({ name: 'Snoozy' })
    const snoozed = await service.snooze(c.id, '2026-12-24')
    expect(snoozed.nextDueAt).toBe('2026-12-23T23:00:00.000Z')
    const touched = await service.logTouch(c.id, {})
    expect(touched.snoozedUntil).toBeUndefined()
    expect(touched.nextDueAt).toBe('2026-11-30T10:00:00.000Z')
  })

  it('restores a deleted contact exactly (undo)', async () => {
    const c = await service.addContact({ name: 'Undo Me', tags: ['x'] })
    await service.logTouch(c.id, { note: 'hi' })
    const removed = await service.deleteContact(c.id)
    expect(await service.list()).toHaveLength(0)
    const back = await service.restoreContact(removed)
    expect(back.touchCount).toBe(1)
    expect((await onDisk()).contacts[0]).toEqual(removed)
  })

  it('finds contacts by a unique id prefix and explains ambiguity', async () => {
    let n = 0
    const ids = ['abc111', 'abc222']
    const s = new TouchbaseService(store, { now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => ids[n++] ?? `z${n}` })
    await s.addContact({ name: 'One' })
    await s.addContact({ name: 'Two' })
    expect((await s.get('abc1')).name).toBe('One')
    await expect(s.get('abc')).rejects.toThrow(/matches 2 contacts/)
    await expect(s.get('zzz')).rejects.toBeInstanceOf(ServiceError)
  })

  it('composes the reminder text with count, names, kind and touch number', async () => {
    for (const name of ['Ada', 'Grace', 'Linus', 'Ken']) await service.addContact({ name, kind: 'vendor' })
    clock = new Date('2026-12-01T10:00:00Z')
    const due = await service.due()
    expect(reminderMessage(due, 'en')).toEqual({ title: '4 follow-ups due today', body: 'Ada (vendor, touch 1), Grace (vendor, touch 1), Ken (vendor, touch 1), and 1 more', count: 4 })
    expect(reminderMessage(due.slice(0, 1), 'zh-CN')?.title).toBe('今天有 1 个跟进')
    expect(reminderMessage([], 'en')).toBeNull()
  })
})

describe('the IPC dispatch over the real service', () => {
  it('validates arguments with the shared schemas and returns errors as data', async () => {
    const handlers = createApiHandlers(service, () => ({ version: 'test', dataFile: store.filePath, platform: 'linux', timeZone: 'Europe/Berlin' }))
    expect(await dispatch(handlers, 'nope:nope', [])).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    const bad = await dispatch(handlers, 'contacts:add', [{ name: 'X', cadence: 'every tuesday' }])
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(JSON.stringify(bad)).toContain('cadence: is not a valid iCalendar RRULE')
    const ok = await dispatch(handlers, 'contacts:add', [{ name: 'Ada', kind: 'vendor' }])
    expect(ok).toMatchObject({ ok: true, value: { name: 'Ada', touchCount: 0 } })
    const missing = await dispatch(handlers, 'contacts:get', ['missing'])
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

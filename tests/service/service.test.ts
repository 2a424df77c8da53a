import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/store'
import { TouchbaseService } from '../../src/service/service'
import { createApiHandlers, dispatch } from '../../src/service/api'
import { ServiceError } from '../../src/service/errors'
import { reminderMessage } from '../../src/service/reminder-message'
import { createImportHost } from '../../electron/main/import-host'
import type { ContactSummary } from '../../src/core/contact-view'
import { createSyncHost } from '../../electron/main/sync-host'
import { createOpenDialogDouble } from '../main/open-dialog-double'
import { createPasswordKeeper } from '../../electron/main/sync-password'
import { fakeSafeStorage } from '../main/helpers'
import type { PickedImport } from '../../src/shared/ipc'

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
    const { contact: edited, before } = await service.editContact(ada.id, { cadence: 'FREQ=WEEKLY;BYDAY=TU', org: 'Acme' })
    expect(before).toMatchObject({ id: ada.id, name: 'Ada' })
    expect(before).not.toHaveProperty('cadence')
    expect(before).not.toHaveProperty('touchCount')
    expect(edited).toMatchObject({ cadence: 'FREQ=WEEKLY;BYDAY=TU', org: 'Acme' })
    const { contact: reset } = await service.editContact(ada.id, { cadence: null, org: '' })
    expect(reset.cadence).toBeUndefined()
    expect(reset.org).toBeUndefined()
    await expect(service.addContact({ name: '', email: 'not-an-email' })).rejects.toThrow(/name: must not be empty; email: is not a valid email address/)
    expect((await onDisk()).contacts).toHaveLength(1)
  })

  it('logs several touches for a multi-column drag and undoes them', async () => {
    const c = await service.addContact({ name: 'Grace' })
    const { contact: three } = await service.logTouch(c.id, { channel: 'call', note: 'voicemail' }, 3)
    expect(three.touchCount).toBe(3)
    expect((await onDisk()).contacts[0].touches).toHaveLength(3)
    const { contact: one } = await service.undoTouch(c.id, 2)
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
    const { contact: v } = await service.logTouch(c.id, { channel: 'email', note: 'first' })
    const touchId = v.touches[0]!.id
    const { contact: edited } = await service.editTouch(c.id, touchId, { channel: 'meeting', outcome: 'positive', note: 'coffee' })
    expect(edited.touches[0]).toMatchObject({ channel: 'meeting', outcome: 'positive', note: 'coffee' })
    // A touch is written once (sync relies on it): the edit is a new touch with a new id.
    expect(edited.touches[0]!.id).not.toBe(touchId)
    await expect(service.deleteTouch(c.id, touchId)).rejects.toMatchObject({ reason: 'touch-not-found' })
    const { contact: deleted } = await service.deleteTouch(c.id, edited.touches[0]!.id)
    expect(deleted.touchCount).toBe(0)
  })

  it('refuses a touch before 1970 or before the contact was added unless forced, when logged or edited', async () => {
    const c = await service.addContact({ name: 'Grace', email: 'grace@example.com' })
    const reason = (p: Promise<unknown>) => p.then(() => 'accepted', (e: ServiceError) => e.reason)
    expect(await reason(service.logTouch(c.id, { at: '0001-01-01T00:00:00Z' }))).toBe('touch-before-1970')
    expect(await reason(service.logTouch(c.id, { at: '2026-11-27T09:59:00Z' }))).toBe('touch-before-created')
    expect((await onDisk()).contacts[0].touches).toHaveLength(0)
    const { contact: forced } = await service.logTouch(c.id, { at: '2026-11-01T09:00:00Z', force: true })
    expect(forced.touches.map((t) => t.at)).toEqual(['2026-11-01T09:00:00Z'])

    const touchId = forced.touches[0]!.id
    expect(await reason(service.editTouch(c.id, touchId, { at: '1969-12-31T23:59:59Z', force: false }))).toBe('touch-before-1970')
    expect(await reason(service.editTouch(c.id, touchId, { at: '2026-10-01T09:00:00Z' }))).toBe('touch-before-created')
    expect(await reason(service.editTouch(c.id, touchId, { at: '2027-01-01T00:00:00Z' }))).toBe('future-touch')
    expect((await service.editTouch(c.id, touchId, { at: '1969-12-31T23:59:59Z', force: true })).contact.touches[0]!.at).toBe('1969-12-31T23:59:59Z')
    // Through the IPC contract the reason survives, so the UI can say it in the person's language.
    const handlers = createApiHandlers(service, { appInfo: () => ({ version: '0', dataFile: '', platform: 'linux', timeZone: 'UTC' }) })
    const response = await dispatch(handlers, 'touch:log', [c.id, { at: '2000-01-01T00:00:00Z' }])
    expect(response).toMatchObject({ ok: false, error: { reason: 'touch-before-created' } })
  })

  it('strips control characters from one-line fields; notes keep their line breaks', async () => {
    const c = await service.addContact({ name: 'Ada\u001b[2J\u009bLovelace', org: '\u0007', tags: ['x\ty'], subject: 'a\r\nb', notes: 'one\r\ntwo\u0000\tthree' })
    expect(c).toMatchObject({ name: 'Ada[2JLovelace', tags: ['x y'], subject: 'a b', notes: 'one\ntwo\tthree' })
    expect(c.org).toBeUndefined()
    await expect(service.addContact({ name: '\u001b\u0007' })).rejects.toThrow(/name: must not be empty/)
    await expect(service.addContact({ name: 'Ada', tags: ['\u001b'] })).rejects.toThrow(/tags\.0/)
    const { contact: edited } = await service.editContact(c.id, { name: 'Grace\u202e\u0085Hopper' })
    expect(edited.name).toBe('Grace\u202e Hopper')
  })

  it('clears a snooze when the next touch restarts the cadence', async () => {
    const c = await service.addContact({ name: 'Snoozy', email: 'snoozy@example.com' })
    const { contact: snoozed } = await service.snooze(c.id, '2026-12-24')
    expect(snoozed.nextDueAt).toBe('2026-12-23T23:00:00.000Z')
    const { contact: touched, before } = await service.logTouch(c.id, {})
    expect(before.snoozedUntil).toBe('2026-12-23T23:00:00.000Z')
    expect(touched.snoozedUntil).toBeUndefined()
    expect(touched.nextDueAt).toBe('2026-11-30T10:00:00.000Z')
  })

  it('restores a deleted contact exactly (undo)', async () => {
    const c = await service.addContact({ name: 'Undo Me', tags: ['x'] })
    await service.logTouch(c.id, { channel: 'call', note: 'hi' })
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

describe('team boards', () => {
  it('moves a contact to a board it syncs with its touches, filters by list and owner with the sync user as "mine"', async () => {
    await service.updateSettings({ sync: { server: 'https://couch.example.com', user: 'alice', boards: ['procurement'] } })
    const vendor = await service.addContact({ name: 'Vera', kind: 'vendor' })
    await service.logTouch(vendor.id, { channel: 'email' })
    await service.addContact({ name: 'Pat' })
    await expect(service.moveToBoard(vendor.id, 'legal')).rejects.toMatchObject({ code: 'not-found' })
    const { contact, before } = await service.moveToBoard(vendor.id, 'procurement')
    expect(contact).toMatchObject({ board: 'procurement', touchCount: 1 })
    expect(before.board).toBeUndefined()
    const names = async (q: Parameters<TouchbaseService['list']>[0]) => (await service.list(q)).map((c) => c.name)
    expect(await names({ board: 'procurement' })).toEqual(['Vera'])
    expect(await names({ board: null })).toEqual(['Pat'])
    expect(await names({ owner: 'unassigned' })).toEqual(['Vera'])
    await service.editContact(vendor.id, { owner: 'alice' })
    expect(await names({ owner: 'mine' })).toEqual(['Vera', 'Pat'])
    await service.editContact(vendor.id, { owner: 'bob' })
    expect(await names({ owner: 'mine' })).toEqual(['Pat'])
    expect(await names({ teammate: 'bob' })).toEqual(['Vera'])
    expect((await service.moveToBoard(vendor.id, null)).contact.board).toBeUndefined()
  })
})

describe('the IPC dispatch over the real service', () => {
  it('validates arguments in the service and returns errors as data', async () => {
    const handlers = createApiHandlers(service, { appInfo: () => ({ version: 'test', dataFile: store.filePath, platform: 'linux', timeZone: 'Europe/Berlin' }) })
    expect(await dispatch(handlers, 'nope:nope', [])).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    const bad = await dispatch(handlers, 'contacts:add', [{ name: 'X', cadence: 'every tuesday' }])
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(JSON.stringify(bad)).toContain('cadence: is not a valid iCalendar RRULE')
    const ok = await dispatch(handlers, 'contacts:add', [{ name: 'Ada', kind: 'vendor' }])
    expect(ok).toMatchObject({ ok: true, value: { name: 'Ada', touchCount: 0 } })
    const missing = await dispatch(handlers, 'contacts:reopen', ['missing'])
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it("gives the window's list without touch logs, and one contact's full view on request", async () => {
    const handlers = createApiHandlers(service, { appInfo: () => ({ version: 'test', dataFile: store.filePath, platform: 'linux', timeZone: 'Europe/Berlin' }) })
    const ada = await service.addContact({ name: 'Ada', kind: 'vendor' })
    await service.addContact({ name: 'Grace' })
    for (const note of ['one', 'two', 'three']) await service.logTouch(ada.id, { channel: 'email', note })
    await service.updateSettings({ sync: { server: 'https://couch.example.com', user: 'alice', boards: ['procurement'] } })
    await service.moveToBoard(ada.id, 'procurement')

    const listed = await dispatch(handlers, 'contacts:list', [])
    if (!listed.ok) throw new Error(listed.error.message)
    const summaries = listed.value as ContactSummary[]
    const full = await service.list()
    expect(summaries.map((c) => c.id)).toEqual(full.map((c) => c.id))
    for (const summary of summaries) expect(summary).not.toHaveProperty('touches')
    const adaSummary = summaries.find((c) => c.id === ada.id)!
    expect(adaSummary).toMatchObject({ name: 'Ada', touchCount: 3, board: 'procurement', touchedBy: [] })
    // A filter applies as to the full list.
    expect(((await dispatch(handlers, 'contacts:list', [{ kind: 'vendor' }])) as { value: { name: string }[] }).value.map((c) => c.name)).toEqual(['Ada'])

    const got = await dispatch(handlers, 'contacts:get', [ada.id])
    expect(got).toMatchObject({ ok: true, value: { id: ada.id, touchCount: 3 } })
    expect((got as { value: { touches: { note?: string }[] } }).value.touches.map((t) => t.note)).toEqual(['one', 'two', 'three'])
    expect(await dispatch(handlers, 'contacts:get', ['missing'])).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('sends the reason of a refused file or command along, so the UI can say it in its own language', async () => {
    const ids = ['abc1', 'abc2']
    const named = new TouchbaseService(store, { now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => ids.shift() ?? `t${Math.random()}` })
    const picker = createOpenDialogDouble()
    const imports = createImportHost({ service: named, showOpenDialog: picker.showOpenDialog, language: () => 'en', progress: () => {} })
    const handlers = createApiHandlers(named, { appInfo: () => ({ version: 'test', dataFile: store.filePath, platform: 'linux', timeZone: 'Europe/Berlin' }), imports })
    const failure = async (channel: string, ...args: unknown[]) => {
      const response = await dispatch(handlers, channel, args)
      if (response.ok) throw new Error(`${channel} should have failed`)
      return response.error
    }
    const pickFile = async (name: string, content: string | Buffer) => {
      await writeFile(join(dir, name), content)
      picker.answer(join(dir, name))
      const picked = await dispatch(handlers, 'import:pick', [])
      if (!picked.ok || !picked.value) throw new Error('nothing picked')
      return (picked.value as PickedImport).token
    }

    // A whole file refused: an ImportError, which used to arrive as an anonymous 'internal' error.
    expect(await failure('import:file', await pickFile('photo.csv', '\u0000\u0001PNG\u0000'))).toEqual({
      code: 'import',
      message: expect.stringContaining('photo.csv is not a text file'),
      issues: [],
      reason: 'binary'
    })
    expect(await failure('import:file', await pickFile('empty.csv', ''))).toMatchObject({ code: 'import', reason: 'empty' })
    expect(await failure('backup:restore', 'Name,Email')).toMatchObject({ code: 'import', reason: 'not-json' })

    await named.addContact({ name: 'Ada' })
    await named.addContact({ name: 'Grace' })
    expect(await failure('touch:undo', 'abc1')).toEqual({ code: 'conflict', message: 'Ada has no touch to undo.', issues: [], reason: 'no-touch-to-undo' })
    expect(await failure('contacts:edit', 'missing', {})).toMatchObject({ code: 'not-found', message: expect.stringContaining('No contact with id'), reason: 'not-found' })
    expect(await failure('contacts:reopen', 'abc')).toMatchObject({ code: 'conflict', reason: 'ambiguous-id' })
    expect(await failure('touch:delete', 'abc1', 'nope')).toMatchObject({ code: 'not-found', reason: 'touch-not-found' })
    expect(await failure('touch:log', 'abc1', { at: '2027-01-01T00:00:00Z' })).toMatchObject({ code: 'invalid-input', reason: 'future-touch' })

    // Parsed once, by the service: over IPC a not-now without a date carries the same reason as a direct call.
    expect(await failure('contacts:close', 'abc1', { as: 'not-now' })).toMatchObject({ code: 'invalid-input', reason: 'not-now-needs-date' })
    await expect(named.close('abc1', { as: 'not-now' })).rejects.toMatchObject({ code: 'invalid-input', reason: 'not-now-needs-date' })

    // Rows with problems are not errors: the report carries their codes.
    const report = await dispatch(handlers, 'import:file', [await pickFile('x.csv', 'Name,Email\nAda Two,not-an-email\n'), { dryRun: true }])
    expect(report).toMatchObject({ ok: true, value: { errors: [{ row: 2, message: 'email: is not a valid email address', issues: [{ field: 'email', code: 'invalid-email' }] }] } })

    // A data file that cannot be used: every change is refused with one reason, which points to the banner.
    await writeFile(store.filePath, '{ "schemaVersion": 1, "contacts": [')
    expect(await failure('contacts:add', { name: 'Lost' })).toMatchObject({ code: 'data-file', reason: 'data-file', message: expect.stringContaining(store.filePath) })
    expect(await failure('data:recreate')).toMatchObject({ code: 'conflict' }) // damaged is not missing: nothing is written over it
    await unlink(store.filePath)
  })
})

describe('every channel validates its arguments in the service', () => {
  // What a compromised or buggy renderer could send. Whatever a channel makes of each, it must
  // answer with a result or a refusal the UI can show: never an unvalidated crash ('internal').
  const junk: unknown[] = [undefined, null, 42, -1, true, '', 'x'.repeat(101), { name: 7 }, [1, 2], JSON.parse('{"__proto__":{"polluted":1}}'), 'FREQ=SECONDLY']

  it('answers junk on every channel with a result or a clear refusal', async () => {
    const ada = await service.addContact({ name: 'Ada' })
    await service.logTouch(ada.id, { channel: 'call' })
    // Sync's channels go to main's host (no server needed: junk never gets that far).
    const sync = createSyncHost({ service, keeper: createPasswordKeeper(fakeSafeStorage(), join(dir, 'pw.bin')), onPanel: () => {}, onSyncedChange: () => {} })
    await sync.start()
    // So are Import's: main's dialog picks a real file; junk tokens and choices are refused.
    const picker = createOpenDialogDouble()
    await writeFile(join(dir, 'people.csv'), 'Name,Email\nGrace,grace@example.com\n')
    for (let i = 0; i < 100; i++) picker.answer(join(dir, 'people.csv'))
    const imports = createImportHost({ service, showOpenDialog: picker.showOpenDialog, language: () => 'en', progress: () => {} })
    const handlers = createApiHandlers(service, { appInfo: () => ({ version: 'test', dataFile: store.filePath, platform: 'linux', timeZone: 'Europe/Berlin' }), sync, imports })
    const channels = Object.keys(handlers) as (keyof typeof handlers)[]
    expect(channels.length).toBeGreaterThanOrEqual(19)
    let refused = 0
    for (const channel of channels) {
      const arity = handlers[channel].length
      // One argument too many is refused before the service is called.
      expect(await dispatch(handlers, channel, [...Array(arity).fill(undefined), 'surprise']), channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      for (let position = 0; position < arity; position++) {
        for (const value of junk) {
          // Valid values before the junk, so each position is checked on its own.
          const args: unknown[] = [ada.id, 'no-such-touch', {}].slice(0, position)
          args.push(value)
          const response = await dispatch(handlers, channel, args)
          if (response.ok) continue
          refused++
          expect(['invalid-input', 'not-found', 'conflict', 'import'], `${channel}(${JSON.stringify(args)}): ${response.error.message}`).toContain(response.error.code)
        }
      }
    }
    await sync.stop()
    expect(refused).toBeGreaterThan(150)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Whatever junk got through as valid input left a valid file behind.
    await expect(store.read()).resolves.toMatchObject({ schemaVersion: 1 })
  })
})

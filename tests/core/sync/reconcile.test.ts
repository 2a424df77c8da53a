import { describe, expect, it } from 'vitest'
import { contactValues, parseDocId, touchDocId, touchFromDoc, touchToDoc, contactFromValues } from '../../../src/core/sync/docs'
import { planExport, planImport, type Projection, type ShadowContact } from '../../../src/core/sync/reconcile'
import { planFirstSync, mergeDuplicate } from '../../../src/core/sync/first-sync'
import { personalDatabase, replicaFolderName, databaseUrl } from '../../../src/core/sync/names'
import type { Contact } from '../../../src/core/model'
import { contact, touch } from '../helpers'

const at = '2026-03-01T10:00:00.000Z'
const ada = (extra: Partial<Contact> = {}) => contact({ id: 'ada', name: 'Ada', createdAt: at, ...extra })
const shadowOf = (c: Contact): ShadowContact => ({ values: contactValues(c), touches: c.touches.map((t) => t.id) })
const projection = (c: Contact | undefined, extra: Partial<Projection> = {}): Projection => ({
  contactId: 'ada',
  values: c ? contactValues(c) : undefined,
  touches: c?.touches ?? [],
  updatedAt: '2026-03-02T00:00:00.000Z',
  ...extra
})

describe('document ids', () => {
  it.each([
    ['contact:ab12', { kind: 'contact', contactId: 'ab12' }],
    ['touch:ab12:01HZX', { kind: 'touch', contactId: 'ab12', touchId: '01HZX' }],
    ['touch:odd:id:01HZX', { kind: 'touch', contactId: 'odd:id', touchId: '01HZX' }],
    ['_design/touchbase', undefined],
    ['touch:ab12', undefined],
    ['contact:', undefined]
  ])('%s', (id, expected) => expect(parseDocId(id)).toEqual(expected))

  it('a touch round-trips through its document, keeping who made it', () => {
    const t = touch(at, { note: 'hi', outcome: 'replied' })
    const docOf = touchToDoc('ada', t, { by: 'alice', device: 'd1' })
    expect(docOf._id).toBe(touchDocId('ada', t.id))
    expect(touchFromDoc(docOf)).toEqual({ ...t, by: 'alice', device: 'd1' })
    expect(touchFromDoc({ ...docOf, channel: 'pigeon' as never })).toBeUndefined()
    expect(touchFromDoc({ ...docOf, _deleted: true })).toBeUndefined()
  })

  it('a contact round-trips through its values; values that make no valid contact give undefined', () => {
    const c = ada({ org: 'Analytical', status: 'waiting', waitingUntil: at, board: 'procurement', owner: 'bob', tags: ['x'] })
    expect(contactFromValues(c.id, contactValues(c), c.touches, c.updatedAt)).toEqual(c)
    expect(contactFromValues('x', { ...contactValues(c), name: '' }, [], at)).toBeUndefined()
  })

  it('names databases the CouchDB way', () => {
    expect(personalDatabase('alice')).toBe('userdb-616c696365')
    expect(personalDatabase('陈')).toBe('userdb-e99988')
    expect(replicaFolderName('team/it$ops')).toBe('team~2fit~24ops')
    expect(databaseUrl('https://couch.example.com/', 'team/it')).toBe('https://couch.example.com/team%2Fit')
  })
})

describe('export: local edits since the last sync', () => {
  it.each<[string, Contact[], Map<string, ShadowContact>, string | null, unknown[]]>([
    ['nothing changed', [ada()], new Map([['ada', shadowOf(ada())]]), null, []],
    ['a changed field and a new touch', [ada({ org: 'New', touches: [touch(at, { id: 'n1' })] })], new Map([['ada', shadowOf(ada())]]), null, [{ contactId: 'ada', values: { org: 'New' }, addedTouches: [expect.objectContaining({ id: 'n1' })], removedTouches: [] }]],
    ['an untouch', [ada()], new Map([['ada', { ...shadowOf(ada()), touches: ['old'] }]]), null, [{ contactId: 'ada', values: {}, removedTouches: ['old'] }]],
    ['a deleted contact', [], new Map([['ada', shadowOf(ada())]]), null, [{ contactId: 'ada', values: { deleted: true }, shadow: null }]],
    ['moved to a board: the personal database learns where', [ada({ board: 'it' })], new Map([['ada', shadowOf(ada())]]), null, [{ contactId: 'ada', values: { board: 'it' }, shadow: null }]],
    ['another database\u2019s contact is none of this one\u2019s business', [ada({ board: 'it' })], new Map(), null, []]
  ])('%s', (_name, local, shadow, scope, expected) => {
    expect(planExport(local, shadow, scope)).toEqual(expected.map((e) => expect.objectContaining(e as object)))
  })

  it('a contact new to the database sends every value', () => {
    const [edit] = planExport([ada()], new Map(), null)
    expect(edit!.values).toEqual(contactValues(ada()))
  })
})

describe('import: the replica\u2019s version into the data file', () => {
  const remoteTouch = touch(at, { id: 'r1', by: 'bob' })
  it.each<[string, Contact | undefined, ShadowContact | undefined, Projection, string, Partial<Contact> | undefined]>([
    ['a new contact arrives', undefined, undefined, projection(ada({ touches: [remoteTouch] })), 'upsert', { name: 'Ada', touches: [remoteTouch] }],
    ['a remote edit on a clean contact applies', ada(), shadowOf(ada()), projection(ada({ org: 'Remote' })), 'upsert', { org: 'Remote' }],
    ['an unsent local edit is kept', ada({ org: 'Mine' }), shadowOf(ada()), projection(ada({ org: 'Remote', email: 'r@x' })), 'upsert', { org: 'Mine', email: 'r@x' }],
    ['a touch removed remotely goes', ada({ touches: [touch(at, { id: 'k' })] }), shadowOf(ada({ touches: [touch(at, { id: 'k' })] })), projection(ada()), 'upsert', { touches: [] }],
    ['a touch removed here stays removed', ada(), shadowOf(ada({ touches: [remoteTouch] })), projection(ada({ touches: [remoteTouch] })), 'unchanged', undefined],
    ['deleted remotely: removed here', ada(), shadowOf(ada()), projection(ada(), { values: { ...contactValues(ada()), deleted: true } }), 'remove', undefined],
    ['deleted here, not yet sent: stays deleted', undefined, shadowOf(ada()), projection(ada()), 'unchanged', undefined],
    ['moved to a board by another device', ada(), shadowOf(ada()), projection(ada({ board: 'it' })), 'upsert', { board: 'it' }],
    ['the contact document has not arrived yet', undefined, undefined, projection(undefined, { touches: [remoteTouch] }), 'unchanged', undefined],
    ['an invalid remote contact is left alone', undefined, undefined, projection(ada(), { values: { ...contactValues(ada()), kind: 'alien' } }), 'invalid', undefined]
  ])('%s', (_name, local, base, p, kind, expected) => {
    const outcome = planImport(local, base, p, null)
    expect(outcome.kind).toBe(kind)
    if (expected && outcome.kind === 'upsert') expect(outcome.contact).toMatchObject(expected)
  })

  it('fills in who made a touch that was logged here before sync was set up', () => {
    const mine = touch(at, { id: 'm1' })
    const outcome = planImport(ada({ touches: [mine] }), shadowOf(ada({ touches: [mine] })), projection(ada({ touches: [{ ...mine, by: 'alice', device: 'd' }] })), null)
    expect(outcome.kind === 'upsert' && outcome.contact.touches[0]).toMatchObject({ id: 'm1', by: 'alice', device: 'd' })
  })

  it('applying the same version twice changes nothing the second time', () => {
    const p = projection(ada({ org: 'Remote' }))
    const first = planImport(ada(), shadowOf(ada()), p, null)
    if (first.kind !== 'upsert') throw new Error('expected an upsert')
    expect(planImport(first.contact, first.shadow ?? undefined, p, null).kind).toBe('unchanged')
  })
})

describe('first sync with data on both sides', () => {
  const here = [
    contact({ id: 'l1', name: 'Ada Lovelace', email: 'ADA@example.com', phone: '+44 20 1234 5678', createdAt: at, touches: [touch(at, { id: 'lt' })] }),
    contact({ id: 'l2', name: 'Grace', org: 'Navy', createdAt: at }),
    contact({ id: 'l3', name: 'Only Here', createdAt: at })
  ]
  const there = [
    contact({ id: 'r1', name: 'Ada L.', email: 'ada@example.com', tags: ['vip'], createdAt: at, touches: [touch(at, { id: 'rt' })] }),
    contact({ id: 'r2', name: 'grace', org: 'NAVY', createdAt: at }),
    contact({ id: 'r3', name: 'Only There', createdAt: at })
  ]

  it('matches by the import rules and counts what goes each way', () => {
    const plan = planFirstSync(here, there)
    expect(plan.merge).toEqual([
      { localId: 'l1', remoteId: 'r1', name: 'Ada Lovelace', matchedBy: 'email' },
      { localId: 'l2', remoteId: 'r2', name: 'Grace', matchedBy: 'name and organisation' }
    ])
    expect(plan).toMatchObject({ upload: 1, download: 1 })
  })

  it('a merge keeps the server\u2019s contact, fills its empty fields and keeps every touch', () => {
    const merged = mergeDuplicate(here[0]!, there[0]!, new Date(at))
    expect(merged).toMatchObject({ id: 'r1', name: 'Ada L.', email: 'ada@example.com', phone: '+44 20 1234 5678', tags: ['vip'] })
    expect(merged.touches.map((t) => t.id).sort()).toEqual(['lt', 'rt'])
  })
})

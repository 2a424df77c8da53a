import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser } from '../../src/sync'
import { startSyncServer, type SyncServer } from './server'
import { Instance } from './instance'

let server: SyncServer
const open: Instance[] = []
const instance = async (name: string, password = 'alice-pw') => {
  const i = await Instance.open(name, { server: server.url, user: 'alice', password })
  open.push(i)
  return i
}

beforeAll(async () => {
  server = await startSyncServer()
  await addUser(server.url, server.admin, 'alice', 'alice-pw')
})
afterAll(async () => {
  for (const i of open) await i.close()
  await server?.stop()
})

const touchIds = (c: { touches: { id: string }[] }) => c.touches.map((t) => t.id).sort()

describe('one person on two devices', () => {
  let laptop: Instance
  let desktop: Instance
  let adaId: string

  beforeAll(async () => {
    laptop = await instance('laptop')
    desktop = await instance('desktop')
  })

  it('sends a new contact and its touch, and the other device receives them', async () => {
    const ada = await laptop.service.addContact({ name: 'Ada Lovelace', org: 'Analytical Ltd', kind: 'vendor' })
    adaId = ada.id
    await laptop.service.logTouch(ada.id, { channel: 'call', note: 'left a voicemail' })
    const sent = await laptop.sync()
    expect(sent.pushed).toBe(2)
    const received = await desktop.sync()
    expect(received.pulled).toBe(2)
    const there = await desktop.contact(ada.id)
    expect(there).toMatchObject({ name: 'Ada Lovelace', org: 'Analytical Ltd', kind: 'vendor' })
    expect(there.touches).toHaveLength(1)
    expect(there.touches[0]).toMatchObject({ channel: 'call', note: 'left a voicemail', by: 'alice' })
  })

  it('both offline, both log touches to the same contact: after syncing every touch is everywhere', async () => {
    await laptop.service.logTouch(adaId, { channel: 'email', note: 'laptop 1' })
    await laptop.service.logTouch(adaId, { channel: 'email', note: 'laptop 2' })
    for (const note of ['desk 1', 'desk 2', 'desk 3']) await desktop.service.logTouch(adaId, { channel: 'message', note })
    await laptop.sync()
    await desktop.sync()
    await laptop.sync()
    const a = await laptop.contact(adaId)
    const b = await desktop.contact(adaId)
    expect(a.touches).toHaveLength(6)
    expect(touchIds(a)).toEqual(touchIds(b))
    expect(a.touches.map((t) => t.note).sort()).toEqual(['desk 1', 'desk 2', 'desk 3', 'laptop 1', 'laptop 2', 'left a voicemail'])
  })

  it('an untouch on one device removes the touch everywhere', async () => {
    await desktop.service.undoTouch(adaId)
    await desktop.sync()
    await laptop.sync()
    expect(touchIds(await laptop.contact(adaId))).toEqual(touchIds(await desktop.contact(adaId)))
    expect((await laptop.contact(adaId)).touches).toHaveLength(5)
  })

  it('concurrent edits of one contact converge field by field to the same values everywhere', async () => {
    await laptop.service.editContact(adaId, { org: 'Laptop Org', email: 'ada@laptop.example' })
    await new Promise((r) => setTimeout(r, 5))
    await desktop.service.editContact(adaId, { org: 'Desktop Org', phone: '+44 20 7946 0000' })
    await desktop.sync()
    await laptop.sync()
    await desktop.sync()
    const a = await laptop.contact(adaId)
    const b = await desktop.contact(adaId)
    // Different fields both survive; the same field goes to the later edit.
    expect(a).toMatchObject({ org: 'Desktop Org', email: 'ada@laptop.example', phone: '+44 20 7946 0000' })
    expect({ ...b, updatedAt: '' }).toEqual({ ...a, updatedAt: '' })
    // And nothing moves on a further sync: resolving again changes nothing.
    const again = await laptop.sync()
    expect(again).toMatchObject({ pushed: 0, pulled: 0, conflictsResolved: 0 })
  })

  it('deleting a contact deletes it everywhere; restoring it (Undo) brings it back everywhere', async () => {
    const removed = await laptop.service.deleteContact(adaId)
    await laptop.sync()
    await desktop.sync()
    expect((await desktop.contacts()).some((c) => c.id === adaId)).toBe(false)
    await laptop.service.restoreContact(removed)
    await laptop.sync()
    await desktop.sync()
    expect((await desktop.contact(adaId)).touches).toHaveLength(5)
  })
})

describe('three devices and real CouchDB conflicts', () => {
  it('concurrent syncs of concurrent edits converge everywhere, losing revisions removed', async () => {
    const [a, b, c] = [await instance('one'), await instance('two'), await instance('three')]
    const v = await a.service.addContact({ name: 'Linus', org: 'Start', kind: 'partner' })
    await a.sync()
    await b.sync()
    await c.sync()
    await a.service.editContact(v.id, { org: 'From one', subject: 'kernel' })
    await b.service.editContact(v.id, { org: 'From two', notes: 'two' })
    await c.service.editContact(v.id, { email: 'linus@three.example', tags: ['three'] })
    // All at once: their pushes race, so the server ends up with conflicting revisions.
    await Promise.all([a.sync(), b.sync(), c.sync()])
    for (let round = 0; round < 2; round++) for (const i of [a, b, c]) await i.sync()
    const [x, y, z] = [await a.contact(v.id), await b.contact(v.id), await c.contact(v.id)]
    const strip = (k: typeof x) => ({ ...k, updatedAt: '' })
    expect(strip(y)).toEqual(strip(x))
    expect(strip(z)).toEqual(strip(x))
    expect(x).toMatchObject({ subject: 'kernel', notes: 'two', email: 'linus@three.example', tags: ['three'], org: 'From two' })
    const onServer = await fetch(`${server.url}/userdb-616c696365/contact:${v.id}?conflicts=true`, { headers: { authorization: `Basic ${Buffer.from('alice:alice-pw').toString('base64')}` } })
    expect(((await onServer.json()) as { _conflicts?: string[] })._conflicts).toBeUndefined()
  })

  it('a conflicting revision from another replica is resolved field by field and removed', async () => {
    const [a, b] = [await instance('four'), await instance('five')]
    const v = await a.service.addContact({ name: 'Barbara', org: 'Before' })
    await a.sync()
    const auth = { authorization: `Basic ${Buffer.from('alice:alice-pw').toString('base64')}`, 'content-type': 'application/json' }
    const url = `${server.url}/userdb-616c696365/contact:${v.id}`
    const current = (await (await fetch(url, { headers: auth })).json()) as { _rev: string; fields: Record<string, unknown> }
    const [, hash] = String(current._rev).split('-')
    // A sibling of the current revision, as another device's offline edit would arrive.
    const later = '009999999999999.000000'
    const sibling = { ...current, _rev: '2-0000000000000000000000000000aaaa', _revisions: { start: 2, ids: ['0000000000000000000000000000aaaa', hash] }, fields: { ...current.fields, org: { v: 'Sibling', t: later, d: 'zz', by: 'alice' } } }
    const mine = { ...current, _rev: '2-ffff0000000000000000000000000000', _revisions: { start: 2, ids: ['ffff0000000000000000000000000000', hash] }, fields: { ...current.fields, email: { v: 'b@x.example', t: later, d: 'zz', by: 'alice' } } }
    await fetch(`${server.url}/userdb-616c696365/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ new_edits: false, docs: [sibling, mine] }) })
    expect(((await (await fetch(`${url}?conflicts=true`, { headers: auth })).json()) as { _conflicts?: string[] })._conflicts).toHaveLength(1)
    const report = await b.sync()
    expect(report.conflictsResolved).toBe(1)
    expect(await b.contact(v.id)).toMatchObject({ org: 'Sibling', email: 'b@x.example' })
    expect(((await (await fetch(`${url}?conflicts=true`, { headers: auth })).json()) as { _conflicts?: string[] })._conflicts).toBeUndefined()
    await a.sync()
    expect(await a.contact(v.id)).toMatchObject({ org: 'Sibling', email: 'b@x.example' })
  })
})

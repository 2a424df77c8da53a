import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, setUpBoard, SyncError } from '../../src/sync'
import { openRemote, serverRequest } from '../../src/sync/pouch'
import { personalDatabase } from '../../src/core/sync/names'
import { startSyncServer, type SyncServer } from './server'
import { Instance } from './instance'

let server: SyncServer
const open: Instance[] = []
const PASSWORDS: Record<string, string> = { alice: 'alice-pw', bob: 'bob-pw', eve: 'eve-pw' }
const instance = async (user: string, boards: string[] = ['procurement']) => {
  const i = await Instance.open(user, { server: server.url, user, password: PASSWORDS[user]!, boards })
  open.push(i)
  return i
}
const as = (user: string) => ({ user, password: PASSWORDS[user]! })

beforeAll(async () => {
  server = await startSyncServer()
  for (const user of Object.keys(PASSWORDS)) await addUser(server.url, server.admin, user, PASSWORDS[user]!)
  await setUpBoard(server.url, server.admin, 'procurement', ['alice', 'bob'])
})
afterAll(async () => {
  for (const i of open) await i.close()
  await server?.stop()
})

describe('a team board', () => {
  let alice: Instance
  let bob: Instance
  let vendorId: string

  beforeAll(async () => {
    alice = await instance('alice')
    bob = await instance('bob')
  })

  it('moving a contact to a board keeps its touches; teammates see who made each touch', async () => {
    const vendor = await alice.service.addContact({ name: 'Grace Hopper', org: 'Cobol Inc', kind: 'vendor' })
    vendorId = vendor.id
    await alice.service.logTouch(vendor.id, { channel: 'email', note: 'asked for a quote' })
    await alice.sync() // first in the personal list
    await alice.service.moveToBoard(vendor.id, 'procurement')
    await alice.sync()
    await bob.sync()
    const seen = await bob.contact(vendorId)
    expect(seen.board).toBe('procurement')
    expect(seen.touches).toEqual([expect.objectContaining({ note: 'asked for a quote', by: 'alice' })])

    await bob.service.logTouch(vendorId, { channel: 'call', note: 'chased by phone' })
    await bob.service.editContact(vendorId, { owner: 'bob' })
    await bob.sync()
    await alice.sync()
    const back = await alice.service.get(vendorId)
    expect(back.touches.map((t) => t.by)).toEqual(['alice', 'bob'])
    expect(back.lastTouchBy).toBe('bob')
    expect(back.owner).toBe('bob')
  })

  it("alice's other device learns of the move and joins the board by itself", async () => {
    const laptop = await instance('alice', [])
    await laptop.sync()
    expect((await laptop.service.settings()).sync?.boards).toEqual(['procurement'])
    expect((await laptop.contact(vendorId)).touches).toHaveLength(2)
  })

  it('refuses a non-member: nothing read, nothing written, and a clear status', async () => {
    const eve = await instance('eve')
    const failure = await eve.sync().catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(SyncError)
    expect((failure as SyncError).status).toMatchObject({ state: 'error', reason: 'not-member' })
    // Directly over HTTP too: no read, no write.
    const read = await serverRequest(server.url, `/procurement/contact:${vendorId}`, as('eve'))
    expect([401, 403]).toContain(read.status)
    const write = await serverRequest(server.url, '/procurement/touch:x:y', as('eve'), { method: 'PUT', body: { type: 'touch', at: '2026-01-01T00:00:00Z', channel: 'call', by: 'eve' } })
    expect([401, 403]).toContain(write.status)
    // Her own list still syncs: the error is about the board alone.
    expect((await eve.service.settings()).sync?.user).toBe('eve')
  })

  it('refuses a touch written in another member\u2019s name, by the app and over HTTP', async () => {
    const forged = { _id: `touch:${vendorId}:01FORGEDFORGEDFORGEDFORGED`, type: 'touch', contact: vendorId, at: '2026-01-02T10:00:00.000Z', channel: 'call', by: 'alice', device: 'x' }
    const direct = await serverRequest(server.url, `/procurement/${encodeURIComponent(forged._id)}`, as('bob'), { method: 'PUT', body: forged })
    expect(direct.status).toBe(403)
    expect(String(direct.body.reason)).toMatch(/by/)

    // Through replication (what a modified client would do): put in bob's replica, then sync.
    const remote = openRemote(server.url, 'procurement', as('bob'))
    const pushed = await remote.bulkDocs([{ ...forged, _id: `${forged._id}2` }])
    expect(pushed[0]).toMatchObject({ name: 'forbidden' })
    await remote.close()
    // Nobody ever sees it.
    await alice.sync()
    expect((await alice.contact(vendorId)).touches.map((t) => t.note)).not.toContain(undefined)
    expect((await alice.contact(vendorId)).touches).toHaveLength(2)
  })

  it('refuses changing a touch, and deleting one by anyone but its author', async () => {
    const remote = openRemote(server.url, 'procurement', as('bob'))
    const all = await remote.allDocs({ startkey: `touch:${vendorId}:`, endkey: `touch:${vendorId}:\uffff`, include_docs: true })
    const alices = all.rows.find((r) => r.doc?.by === 'alice')!.doc!
    const bobs = all.rows.find((r) => r.doc?.by === 'bob')!.doc!
    expect(await remote.bulkDocs([{ ...bobs, note: 'rewritten history' }])).toEqual([expect.objectContaining({ name: 'forbidden' })])
    expect(await remote.bulkDocs([{ _id: alices._id, _rev: alices._rev, _deleted: true }])).toEqual([expect.objectContaining({ name: 'forbidden' })])
    // Her own, she may delete (an untouch).
    expect(await remote.bulkDocs([{ _id: bobs._id, _rev: bobs._rev, _deleted: true }])).toEqual([expect.objectContaining({ ok: true })])
    await remote.close()
    await alice.sync()
    expect((await alice.contact(vendorId)).touches.map((t) => t.by)).toEqual(['alice'])
  })

  it('in the app, a teammate\u2019s touch cannot be edited or deleted; untouch removes only your own', async () => {
    await bob.sync()
    expect((await bob.contact(vendorId)).touches.map((t) => t.by)).toEqual(['alice'])
    await expect(bob.service.deleteTouch(vendorId, (await bob.contact(vendorId)).touches[0]!.id)).rejects.toMatchObject({ reason: 'not-your-touch' })
    await expect(bob.service.editTouch(vendorId, (await bob.contact(vendorId)).touches[0]!.id, { note: 'mine now' })).rejects.toMatchObject({ reason: 'not-your-touch' })
    await expect(bob.service.undoTouch(vendorId)).rejects.toMatchObject({ reason: 'no-touch-to-undo' })
    await bob.service.logTouch(vendorId, { channel: 'meeting' })
    await bob.service.undoTouch(vendorId)
    expect((await bob.contact(vendorId)).touches.map((t) => t.by)).toEqual(['alice'])
  })

  it('refuses writes by a member in another name (a contact revision must name its editor)', async () => {
    const remote = openRemote(server.url, 'procurement', as('bob'))
    const doc = await remote.get(`contact:${vendorId}`)
    expect(await remote.bulkDocs([{ ...doc, editor: 'alice' }])).toEqual([expect.objectContaining({ name: 'forbidden' })])
    await remote.close()
  })
})

describe('a wrong password', () => {
  it('gives a clear status, not a crash; the right one works again', async () => {
    const alice = await instance('alice', [])
    const failure = await alice.sync({ password: 'not-it' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(SyncError)
    expect((failure as SyncError).status).toMatchObject({ state: 'error', reason: 'wrong-password' })
    expect((failure as SyncError).message).toMatch(/password/)
    const { readSyncStatus } = await import('../../src/sync')
    expect(await readSyncStatus(alice.dir)).toMatchObject({ state: 'error', reason: 'wrong-password' })
    await alice.sync()
    expect(await readSyncStatus(alice.dir)).toMatchObject({ state: 'synced' })
  })

  it('an unreachable server is "offline", not an error', async () => {
    const alice = await instance('alice', [])
    await alice.service.updateSettings({ sync: { server: 'http://127.0.0.1:9', user: 'alice', boards: [] } })
    const failure = (await alice.sync().catch((e: unknown) => e)) as SyncError
    expect(failure.status).toMatchObject({ state: 'offline', reason: 'offline' })
  })

  it('the personal database is private to its owner', async () => {
    const read = await serverRequest(server.url, `/${personalDatabase('alice')}/_all_docs`, as('bob'))
    expect([401, 403]).toContain(read.status)
  })
})

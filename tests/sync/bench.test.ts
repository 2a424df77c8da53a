import { afterAll, beforeAll, expect, it } from 'vitest'
import { addUser } from '../../src/sync'
import { startSyncServer, type SyncServer } from './server'
import { Instance } from './instance'
import { generatedDocument } from './fixtures'

// The sync benchmark (node scripts/bench-sync.mjs): not a timed test, a report of figures.
const run = process.env.TOUCHBASE_BENCH_SYNC === '1'
const CONTACTS = Number(process.env.TOUCHBASE_BENCH_CONTACTS ?? 10_000)
const TOUCHES_EACH = 10

let server: SyncServer
const open: Instance[] = []
beforeAll(async () => {
  if (!run) return
  server = await startSyncServer()
  await addUser(server.url, server.admin, 'alice', 'pw')
})
afterAll(async () => {
  for (const i of open) await i.close()
  await server?.stop()
})

/** Wall time and the peak memory (RSS and heap) while `work` runs. */
async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  global.gc?.()
  const start = process.memoryUsage()
  let peakRss = start.rss
  let peakHeap = start.heapUsed
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 20)
  const t0 = performance.now()
  try {
    return await work()
  } finally {
    const ms = performance.now() - t0
    clearInterval(sampler)
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
    console.log(`${label.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(7)} s   peak RSS ${mb(peakRss)} (+${mb(peakRss - start.rss)})   peak heap ${mb(peakHeap)}`)
  }
}

it.runIf(run)(`first sync of ${CONTACTS} contacts and ${CONTACTS * TOUCHES_EACH} touches, then one touch`, async () => {
  const sender = await Instance.open('bench-a', { server: server.url, user: 'alice', password: 'pw' })
  const receiver = await Instance.open('bench-b', { server: server.url, user: 'alice', password: 'pw' })
  open.push(sender, receiver)
  const doc = generatedDocument(CONTACTS, TOUCHES_EACH)
  doc.settings = (await sender.store.read()).settings
  await sender.store.replace(doc)
  console.log(`\nsync benchmark: ${CONTACTS} contacts, ${CONTACTS * TOUCHES_EACH} touches; pouchdb-server in memory on 127.0.0.1; Node ${process.version}`)

  const up = await measure('first sync, sending device (all up)', () => sender.sync())
  expect(up.pushed).toBe(CONTACTS * (TOUCHES_EACH + 1))
  const down = await measure('first sync, receiving device (all down)', () => receiver.sync())
  expect(down.pulled).toBe(CONTACTS * (TOUCHES_EACH + 1))
  expect((await receiver.contacts()).length).toBe(CONTACTS)

  const id = doc.contacts[CONTACTS - 1]!.id
  await sender.service.logTouch(id, { channel: 'call', note: 'one more' })
  const one = await measure('incremental: one touch, sending device', () => sender.sync())
  expect(one.pushed).toBe(1)
  const got = await measure('incremental: one touch, receiving device', () => receiver.sync())
  expect(got.pulled).toBe(1)
  expect((await receiver.contact(id)).touches).toHaveLength(TOUCHES_EACH + 1)
  // The first sync after a big upload also reads the upload back from the server once (the pull
  // checkpoint is only ahead of what this device sent after the next pull); from then on:
  await sender.service.logTouch(id, { channel: 'email', note: 'and another' })
  await measure('incremental again: one touch, sending device', () => sender.sync())
  await measure('incremental again: one touch, receiving device', () => receiver.sync())
  await measure('nothing to do (both up to date)', () => receiver.sync())
}, 1_800_000)

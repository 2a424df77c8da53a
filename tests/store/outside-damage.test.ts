import { copyFile, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { editContact } from '../../src/core/model'
import { BACKUP_DIR_NAME, DATA_FILE_NAME, DataFileError, openStore, type Store, type StoreEvent } from '../../src/store'
import { TouchbaseService } from '../../src/service'
import { localDay } from '../../src/store/backups'
import { eventually, makeContact, sleep, tempDirs } from './helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

/** A running app's store: a contact written on day 1, changed on day 2 (so a day-2 backup exists), watched. */
async function runningApp() {
  const dir = await dirs.make()
  let clock = new Date(2026, 10, 20, 12)
  const store = await openStore(dir, { now: () => clock })
  const service = new TouchbaseService(store, { now: () => clock })
  await store.update((doc) => void doc.contacts.push(makeContact('a')))
  clock = new Date(2026, 10, 21, 12)
  await store.update((doc) => void editContact(doc, 0).tags.push('day-2'))
  const events: StoreEvent[] = []
  store.watch((event) => events.push(event))
  const states = () => events.flatMap((e) => (e.type === 'status' ? [e.status.state] : []))
  return { dir, store, service, events, states, backup: join(dir, BACKUP_DIR_NAME, `touchbase-${localDay(clock)}.json`) }
}

async function contactIdsOnDisk(store: Store): Promise<string[]> {
  return JSON.parse(await readFile(store.filePath, 'utf8')).contacts.map((c: { id: string }) => c.id)
}

describe('the data file deleted while Touchbase runs', () => {
  it('is reported (status event, a "missing" error offering the newest backup) instead of starting a new file', async () => {
    const { dir, store, service, states, backup } = await runningApp()
    await unlink(store.filePath)

    // The app hears about it without doing anything.
    await eventually(() => expect(states()).toEqual(['missing']))
    const error = (await store.update((doc) => void doc.contacts.push(makeContact('b'))).catch((e: unknown) => e)) as DataFileError
    expect(error).toBeInstanceOf(DataFileError)
    expect(error.code).toBe('missing')
    expect(error.latestBackup).toBe(backup)
    expect(error.message).toContain(`restore the newest backup, ${backup}`)
    await expect(store.read()).rejects.toBe(error)
    // Nothing was written: no one-contact file in its place.
    expect(await readdir(dir)).not.toContain(DATA_FILE_NAME)
    expect(await service.dataStatus()).toMatchObject({ state: 'missing', code: 'missing', latestBackup: backup, canRecreate: true })

    // Put back (moved back, or the drive came back): it is used again, no restart needed.
    await copyFile(backup, join(dir, 'moved-back.json'))
    await rename(join(dir, 'moved-back.json'), store.filePath)
    await eventually(() => expect(states()).toEqual(['missing', 'ok']))
    await store.update((doc) => void doc.contacts.push(makeContact('b')))
    expect(await contactIdsOnDisk(store)).toEqual(['a', 'b'])
    await store.close()
  })

  it('can be recreated from what Touchbase still holds, which is newer than any backup', async () => {
    const { store, service, states } = await runningApp()
    await store.update((doc) => void doc.contacts.push(makeContact('today')))
    await unlink(store.filePath)
    await eventually(() => expect(states()).toEqual(['missing']))
    expect(await service.recreateDataFile()).toEqual({ contacts: 2 })
    expect(await contactIdsOnDisk(store)).toEqual(['a', 'today'])
    expect(await service.dataStatus()).toEqual({ state: 'ok', filePath: store.filePath })
    await store.close()
  })

  it('is never recreated over a file that came back meanwhile', async () => {
    const { store, states, backup } = await runningApp()
    await store.update((doc) => void doc.contacts.push(makeContact('today')))
    const held = await readFile(store.filePath)
    await unlink(store.filePath)
    await eventually(() => expect(states()).toEqual(['missing']))
    const putBack = await readFile(backup)
    expect(putBack.equals(held)).toBe(false)
    // Put back just before the write: the watcher has not looked yet (it waits 100 ms for quiet),
    // but the write looks again under the lock.
    await copyFile(backup, store.filePath)
    await expect(store.restoreLastKnown()).rejects.toThrow(/exists again/)
    expect((await readFile(store.filePath)).equals(putBack)).toBe(true)
    await eventually(() => expect(store.status().state).toBe('ok'))
    await store.close()
  })

  it('can be replaced by the newest backup, keeping what Touchbase still holds as a backup too', async () => {
    const { store, service, states, backup } = await runningApp()
    await store.update((doc) => void doc.contacts.push(makeContact('today')))
    await unlink(store.filePath)
    await eventually(() => expect(states()).toEqual(['missing']))
    const result = await service.restoreLatestBackup()
    expect(result.restoredFrom).toBe(backup)
    expect(await contactIdsOnDisk(store)).toEqual(['a'])
    // Restoring yesterday's backup does not throw away today's data: it is in the before-restore backup.
    expect(JSON.parse(await readFile(result.backupPath, 'utf8')).contacts.map((c: { id: string }) => c.id)).toEqual(['a', 'today'])
    await eventually(() => expect(states()).toEqual(['missing', 'ok']))
    await store.close()
  })
})

describe('the data file damaged while Touchbase runs', () => {
  it('is reported as soon as it happens, and the store recovers by itself once the file is repaired', async () => {
    const { store, states } = await runningApp()
    const good = await readFile(store.filePath)
    await writeFile(store.filePath, good.subarray(0, good.length / 2))
    await eventually(() => expect(states()).toEqual(['damaged']))
    const status = store.status()
    expect(status.state === 'damaged' && status.error.code).toBe('corrupt')

    await writeFile(store.filePath, good)
    await eventually(() => expect(states()).toEqual(['damaged', 'ok']))
    expect((await store.read()).contacts[0]!.tags).toEqual(['day-2'])
    await store.close()
  })

  it('can be replaced by a backup (its exact bytes stay in the safe copy)', async () => {
    const { store, service, states, backup } = await runningApp()
    await writeFile(store.filePath, '{ "schemaVersion": 1, "contacts": [ { "id": ')
    await eventually(() => expect(states()).toEqual(['damaged']))
    const result = await service.restoreLatestBackup()
    expect(result.restoredFrom).toBe(backup)
    expect(await readFile(result.backupPath, 'utf8')).toBe('{ "schemaVersion": 1, "contacts": [ { "id": ')
    expect(await contactIdsOnDisk(store)).toEqual(['a'])
    await eventually(() => expect(states()).toEqual(['damaged', 'ok']))
    // Nothing further is announced once it settled.
    await sleep(300)
    expect(states()).toEqual(['damaged', 'ok'])
    await store.close()
  })
})

import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { editContact, type TouchbaseDocument } from '../../src/core/model'
import { localDay, labelSlug } from '../../src/store/backups'
import { BACKUP_DIR_NAME, DAILY_BACKUPS_KEPT, DATA_FILE_NAME, openStore } from '../../src/store'
import { makeContact, makeTouch, tempDirs, tempFilesIn } from './helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

/** Local noon on 2026-11-(20 + n), so the local day is the same in every time zone. */
const day = (n: number, hour = 12) => new Date(2026, 10, 20 + n, hour)

async function backupNames(dir: string): Promise<string[]> {
  return (await readdir(join(dir, BACKUP_DIR_NAME))).filter((n) => !n.endsWith('.tmp')).sort()
}

async function parse(path: string): Promise<TouchbaseDocument> {
  return JSON.parse(await readFile(path, 'utf8')) as TouchbaseDocument
}

describe('daily backups', () => {
  it('copy the file before the first write of each local day and keep the newest 7 over 10 days', async () => {
    const dir = await dirs.make()
    let clock = day(1)
    const store = await openStore(dir, { now: () => clock })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    for (let n = 1; n <= 10; n++) {
      for (const hour of [9, 13, 18]) {
        clock = day(n, hour)
        await store.update((doc) => void editContact(doc, 0).touches.push(makeTouch(`d${n}h${hour}`)))
      }
    }
    // Day 1 started with no file, so there was nothing to back up: days 2‥10 got one each,
    // and only the newest 7 remain.
    const expected = Array.from({ length: DAILY_BACKUPS_KEPT }, (_, i) => `touchbase-${localDay(day(4 + i))}.json`)
    expect(await backupNames(dir)).toEqual(expected)
    // Each backup holds the file as the previous day left it: 3 touches per earlier day.
    for (let n = 4; n <= 10; n++) {
      const backup = await parse(join(dir, BACKUP_DIR_NAME, `touchbase-${localDay(day(n))}.json`))
      expect(backup.contacts[0]!.touches).toHaveLength(3 * (n - 1))
    }
    expect(await tempFilesIn(join(dir, BACKUP_DIR_NAME))).toEqual([])
    await store.close()
  })

  it('are byte-exact copies of the file, and a day with only no-op updates makes none', async () => {
    const dir = await dirs.make()
    let clock = day(1)
    const store = await openStore(dir, { now: () => clock })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const dayOneBytes = await readFile(join(dir, DATA_FILE_NAME))
    clock = day(2)
    await store.update((doc) => doc.contacts.length)
    await expect(readdir(join(dir, BACKUP_DIR_NAME))).rejects.toMatchObject({ code: 'ENOENT' })
    await store.update((doc) => void doc.contacts.push(makeContact('b')))
    expect(await readFile(join(dir, BACKUP_DIR_NAME, `touchbase-${localDay(day(2))}.json`))).toEqual(dayOneBytes)
    await store.close()
  })

  it('leave labeled backups alone when pruning', async () => {
    const dir = await dirs.make()
    let clock = day(1)
    const store = await openStore(dir, { now: () => clock })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const labeled = await store.backupNow('before restore')
    for (let n = 2; n <= 12; n++) {
      clock = day(n)
      await store.update((doc) => void editContact(doc, 0).tags.push(`t${n}`))
    }
    const names = await backupNames(dir)
    expect(names).toContain(labeled.split(/[\\/]/).pop())
    expect(names.filter((n) => /^touchbase-\d{4}-\d{2}-\d{2}\.json$/.test(n))).toHaveLength(DAILY_BACKUPS_KEPT)
    await store.close()
  })
})

describe('backupNow', () => {
  it('writes backups/touchbase-<label>-<UTC timestamp>.json with the current bytes, never clashing', async () => {
    const dir = await dirs.make()
    const now = new Date('2026-11-27T09:00:00.123Z')
    const store = await openStore(dir, { now: () => now })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const first = await store.backupNow('Before restore!')
    const second = await store.backupNow('Before restore!')
    expect(first).toBe(join(dir, BACKUP_DIR_NAME, 'touchbase-before-restore-2026-11-27T09-00-00Z.json'))
    expect(second).toBe(join(dir, BACKUP_DIR_NAME, 'touchbase-before-restore-2026-11-27T09-00-00Z-2.json'))
    const current = await readFile(join(dir, DATA_FILE_NAME))
    expect(await readFile(first)).toEqual(current)
    await store.close()
  })

  it('backs up the empty document when there is no file yet', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir, { now: () => new Date('2026-11-27T09:00:00Z') })
    const path = await store.backupNow('before-import')
    expect((await parse(path)).contacts).toEqual([])
    await store.close()
  })

  it('slugs labels into safe file names', () => {
    expect(labelSlug('Before restore!')).toBe('before-restore')
    expect(labelSlug('../../etc/passwd')).toBe('etc-passwd')
    expect(labelSlug('???')).toBe('manual')
  })
})

import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { editContact, type TouchbaseDocument } from '../../src/core/model'
import { localDay, labelSlug } from '../../src/store/backups'
import { BACKUP_DIR_NAME, DAILY_BACKUPS_KEPT, DATA_FILE_NAME, openStore, type StoreEvent, type StoreWarning } from '../../src/store'
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

describe('a backup that cannot be made', () => {
  it('warns (once a day, to onWarning and to watchers) and never stops the save', async () => {
    const dir = await dirs.make()
    let clock = day(1)
    const warnings: StoreWarning[] = []
    const store = await openStore(dir, { now: () => clock, onWarning: (w) => warnings.push(w) })
    const events: StoreEvent[] = []
    store.watch((event) => events.push(event))
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    // Something that is not a folder where backups/ belongs: no backup can go there (a
    // read-only folder does the same for a user who is not root; see tests/cli).
    await writeFile(join(dir, BACKUP_DIR_NAME), 'in the way')
    clock = day(2)
    await store.update((doc) => void editContact(doc, 0).tags.push('saved'))
    await store.update((doc) => void editContact(doc, 0).tags.push('saved again'))
    expect((await parse(join(dir, DATA_FILE_NAME))).contacts[0]!.tags).toEqual(['saved', 'saved again'])

    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.code).toBe('backup-failed')
    expect(warnings[0]!.message).toContain(join(dir, BACKUP_DIR_NAME))
    expect(warnings[0]!.message).toMatch(/Your change was saved all the same/)
    expect(warnings[0]!.message).toMatch(/What to do: /)
    expect(events).toEqual([{ type: 'warning', warning: warnings[0] }])
    await store.close()
  })
})

import { execFile } from 'node:child_process'
import { lstat, mkdir, open, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { editContact } from '../../src/core/model'
import { BACKUP_DIR_NAME, DATA_FILE_NAME, DataFileError, MAX_DATA_FILE_BYTES, openStore } from '../../src/store'
import { localDay } from '../../src/store/backups'
import { toDataStatus } from '../../src/service/service'
import { docWith, makeContact, tempDirs } from './helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())
const unix = process.platform !== 'win32'

/** Fails the test instead of hanging it, for operations that used to block forever. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms).unref())])
}

async function openFailure(dir: string): Promise<DataFileError> {
  const error = await within(10_000, openStore(dir)).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DataFileError)
  return error as DataFileError
}

describe('a data file that is a symbolic link (e.g. into a synced folder)', () => {
  it('is written through: the link stays, its target gets every change, and backups keep the target', async () => {
    const dir = await dirs.make()
    const synced = await dirs.make('touchbase-synced-')
    const target = join(synced, 'touchbase.json')
    await writeFile(target, JSON.stringify(docWith(makeContact('a')), null, 2))
    const link = join(dir, DATA_FILE_NAME)
    await symlink(target, link)
    let clock = new Date(2026, 10, 20, 12)
    const store = await openStore(dir, { now: () => clock })
    await store.update((doc) => void doc.contacts.push(makeContact('b')))
    const afterFirst = await readFile(target)

    clock = new Date(2026, 10, 21, 12)
    await store.update((doc) => void editContact(doc, 0).tags.push('next-day'))

    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe(target)
    const onDisk = JSON.parse(await readFile(target, 'utf8'))
    expect(onDisk.contacts.map((c: { id: string }) => c.id)).toEqual(['a', 'b'])
    expect(onDisk.contacts[0].tags).toEqual(['next-day'])
    // The day's backup is the target as the day before left it, not the link.
    const backup = join(dir, BACKUP_DIR_NAME, `touchbase-${localDay(clock)}.json`)
    expect((await lstat(backup)).isFile()).toBe(true)
    expect(await readFile(backup)).toEqual(afterFirst)
    // Temp files went beside the target and are gone; nothing was left beside the link either.
    expect((await readdir(synced)).sort()).toEqual(['touchbase.json'])
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    await store.close()
  })

  it('that points to nothing is refused with a clear message, and the link is left as it is', async () => {
    const dir = await dirs.make()
    const synced = await dirs.make('touchbase-synced-')
    const target = join(synced, 'not-there-yet', 'touchbase.json')
    const link = join(dir, DATA_FILE_NAME)
    await symlink(target, link)

    const error = await openFailure(dir)
    expect(error.code).toBe('missing')
    expect(error.message).toContain(`is a link to ${target}, which does not exist`)
    expect(error.message).toMatch(/What to do: .*synced folder/)

    // Opened anyway (as the app does, to show the problem): writes are refused too.
    const store = await openStore(dir, { openDamaged: true })
    expect(store.status().state).toBe('missing')
    // A new file here would not be where the link points: the app does not offer one.
    expect(toDataStatus(store.status(), store.filePath)).toMatchObject({ state: 'missing', canRecreate: false })
    await expect(store.update((doc) => void doc.contacts.push(makeContact('x')))).rejects.toMatchObject({ code: 'missing' })
    expect(await readlink(link)).toBe(target)
    await expect(lstat(target)).rejects.toMatchObject({ code: 'ENOENT' })
    await store.close()
  })
})

describe.runIf(unix)('anything that is not a regular file is refused at once', () => {
  it('a named pipe (FIFO): no hang, nothing read or written', async () => {
    const dir = await dirs.make()
    await promisify(execFile)('mkfifo', [join(dir, DATA_FILE_NAME)])
    const error = await openFailure(dir)
    expect(error.code).toBe('not-a-file')
    expect(error.details).toEqual([`${join(dir, DATA_FILE_NAME)} is a named pipe (FIFO)`])
    expect(error.message).toMatch(/not a regular file[\s\S]*What to do/)
    expect((await lstat(join(dir, DATA_FILE_NAME))).isFIFO()).toBe(true)
    expect(await readdir(dir)).toEqual([DATA_FILE_NAME])
  })

  it('a link to /dev/zero: refused before reading a byte', async () => {
    const dir = await dirs.make()
    await symlink('/dev/zero', join(dir, DATA_FILE_NAME))
    const error = await openFailure(dir)
    expect(error.code).toBe('not-a-file')
    expect(error.details).toEqual([`${join(dir, DATA_FILE_NAME)} is a character device`])
  })
})

describe('the size limit', () => {
  it(`refuses a file over ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB at once, without reading or copying it`, async () => {
    const dir = await dirs.make()
    const filePath = join(dir, DATA_FILE_NAME)
    // Sparse: the size is real, the disk space is not used.
    const handle = await open(filePath, 'w')
    await handle.truncate(MAX_DATA_FILE_BYTES + 1)
    await handle.close()
    const error = await openFailure(dir)
    expect(error.code).toBe('too-large')
    expect(error.details).toEqual([`${filePath} is 100 MiB; Touchbase accepts data files up to 100 MiB`])
    expect(error.message).toMatch(/larger than Touchbase accepts[\s\S]*10,000 contacts with 100,000 touches/)
    expect(error.safeCopyPath).toBeUndefined()
    expect(await readdir(dir)).toEqual([DATA_FILE_NAME])
  })

  it('opens a real file right below the limit', async () => {
    const dir = await dirs.make()
    // Valid JSON padded with white space up to the limit: the limit is about bytes, not content.
    const text = JSON.stringify(docWith(makeContact('a')))
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, DATA_FILE_NAME), text + ' '.repeat(MAX_DATA_FILE_BYTES - Buffer.byteLength(text)))
    const store = await openStore(dir)
    expect((await store.read()).contacts.map((c) => c.id)).toEqual(['a'])
    await store.close()
  })
})

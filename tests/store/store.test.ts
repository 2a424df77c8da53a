import { mkdir, readFile, readdir, rmdir, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { editContact, emptyDocument, type TouchbaseDocument } from '../../src/core/model'
import { DATA_FILE_NAME, InvalidDocumentError, LockTimeoutError, StoreClosedError, openStore } from '../../src/store'
import { docWith, makeContact, makeTouch, tempDirs, tempFilesIn } from './helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

async function onDisk(dir: string): Promise<TouchbaseDocument> {
  return JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8')) as TouchbaseDocument
}

describe('openStore', () => {
  it('treats a missing file as an empty document and creates it only on the first write', async () => {
    const dir = await dirs.make()
    const store = await openStore(join(dir, 'nested', 'data'))
    expect(store.dataDir).toBe(join(dir, 'nested', 'data'))
    expect(store.filePath).toBe(join(dir, 'nested', 'data', DATA_FILE_NAME))
    expect(await store.read()).toEqual(emptyDocument())
    await expect(stat(store.filePath)).rejects.toMatchObject({ code: 'ENOENT' })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    expect((await onDisk(store.dataDir)).contacts.map((c) => c.id)).toEqual(['a'])
    await store.close()
  })

  it('loads an existing file', async () => {
    const dir = await dirs.make()
    await writeFile(join(dir, DATA_FILE_NAME), JSON.stringify(docWith(makeContact('x'))))
    const store = await openStore(dir)
    expect((await store.read()).contacts[0]?.id).toBe('x')
    await store.close()
  })
})

describe('update', () => {
  it('has the change on disk when it resolves, written atomically with no temp files left', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    const result = await store.update((doc) => {
      doc.contacts.push(makeContact('a', { touches: [makeTouch('t1')] }))
      return doc.contacts.length
    })
    expect(result).toBe(1)
    expect(await onDisk(dir)).toEqual(docWith(makeContact('a', { touches: [makeTouch('t1')] })))
    expect(await tempFilesIn(dir)).toEqual([])
    const mode = (await stat(join(dir, DATA_FILE_NAME))).mode & 0o777
    if (process.platform !== 'win32') expect(mode).toBe(0o600)
    await store.close()
  })

  it('coalesces a burst: 100 updates fired at once land in far fewer writes, all present', async () => {
    const dir = await dirs.make()
    let writes = 0
    const store = await openStore(dir, { onWrite: () => writes++ })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    writes = 0
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        store.update((doc) => {
          editContact(doc, 0).touches.push(makeTouch(`t${i}`))
          return i
        })
      )
    )
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(writes).toBeGreaterThanOrEqual(1)
    expect(writes).toBeLessThanOrEqual(3)
    expect((await onDisk(dir)).contacts[0]!.touches.map((t) => t.id)).toEqual(Array.from({ length: 100 }, (_, i) => `t${i}`))
    expect(await tempFilesIn(dir)).toEqual([])
    await store.close()
  })

  it('rejects only the change that throws; the rest of its batch lands', async () => {
    const dir = await dirs.make()
    let writes = 0
    const store = await openStore(dir, { onWrite: () => writes++ })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    writes = 0
    const first = store.update((doc) => void editContact(doc, 0).tags.push('first'))
    const queued = [
      store.update((doc) => void editContact(doc, 0).tags.push('before')),
      store.update((doc) => {
        editContact(doc, 0).tags.push('half-done')
        throw new Error('boom')
      }),
      store.update((doc) => void editContact(doc, 0).tags.push('after')),
      // Leaves the document invalid: rejected by validation, alone.
      store.update((doc) => void (editContact(doc, 0).name = '')),
      store.update((doc) => doc.contacts[0]!.tags.length)
    ]
    const settled = await Promise.allSettled([first, ...queued])
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled'])
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('boom'))
    const invalid = (settled[4] as PromiseRejectedResult).reason as InvalidDocumentError
    expect(invalid).toBeInstanceOf(InvalidDocumentError)
    expect(invalid.details).toEqual(['contacts.0.name: must not be empty'])
    expect((settled[5] as PromiseFulfilledResult<number>).value).toBe(3)
    // The batch is taken once the lock is held, so all six shared a single write.
    expect(writes).toBe(1)
    expect((await onDisk(dir)).contacts[0]!.tags).toEqual(['first', 'before', 'after'])
    expect((await store.read()).contacts[0]!.tags).toEqual(['first', 'before', 'after'])
    await store.close()
  })

  it('a lone throwing change changes nothing on disk or in memory', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const before = await readFile(join(dir, DATA_FILE_NAME))
    await expect(
      store.update((doc) => {
        editContact(doc, 0).name = 'Changed'
        doc.contacts.push(makeContact('b'))
        throw new Error('nope')
      })
    ).rejects.toThrow('nope')
    expect(await readFile(join(dir, DATA_FILE_NAME))).toEqual(before)
    expect((await store.read()).contacts).toEqual([makeContact('a')])
    await store.close()
  })

  it('normalizes through the schema (trims) and skips writing when nothing changed', async () => {
    const dir = await dirs.make()
    let writes = 0
    const store = await openStore(dir, { onWrite: () => writes++ })
    await store.update((doc) => void doc.contacts.push(makeContact('a', { name: '  Ada  ' })))
    expect((await onDisk(dir)).contacts[0]!.name).toBe('Ada')
    const ino = (await stat(join(dir, DATA_FILE_NAME))).ino
    expect(await store.update((doc) => doc.contacts.length)).toBe(1)
    expect(writes).toBe(1)
    expect((await stat(join(dir, DATA_FILE_NAME))).ino).toBe(ino)
    await store.close()
  })
})

describe('read', () => {
  it('returns a frozen snapshot, so an accidental edit throws instead of corrupting the store', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const doc = await store.read()
    expect(() => doc.contacts.push(makeContact('b'))).toThrow(TypeError)
    expect(() => {
      doc.contacts[0]!.name = 'x'
    }).toThrow(TypeError)
    expect((await store.read()).contacts).toEqual([makeContact('a')])
    await store.close()
  })

  it('picks up a file another process replaced, and does not re-parse an unchanged one', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const first = await store.read()
    expect(await store.read()).toBe(first)
    await writeFile(join(dir, 'other.json'), JSON.stringify(docWith(makeContact('z'))))
    const { rename } = await import('node:fs/promises')
    await rename(join(dir, 'other.json'), join(dir, DATA_FILE_NAME))
    expect((await store.read()).contacts.map((c) => c.id)).toEqual(['z'])
    // The next update starts from what the other process wrote.
    await store.update((doc) => void doc.contacts.push(makeContact('b')))
    expect((await onDisk(dir)).contacts.map((c) => c.id)).toEqual(['z', 'b'])
    await store.close()
  })

  it('does not quietly start over when the file it was using is removed (see outside-damage.test.ts)', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const { unlink } = await import('node:fs/promises')
    await unlink(join(dir, DATA_FILE_NAME))
    await expect(store.read()).rejects.toMatchObject({ name: 'DataFileError', code: 'missing' })
    await store.close()
  })
})

describe('replace', () => {
  it('swaps the whole document in one write', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    await store.replace(docWith(makeContact('r1'), makeContact('r2')))
    expect((await onDisk(dir)).contacts.map((c) => c.id)).toEqual(['r1', 'r2'])
    await store.close()
  })

  it('validates first and writes nothing when the document is invalid', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const before = await readFile(join(dir, DATA_FILE_NAME))
    const bad = docWith(makeContact('r1', { createdAt: 'last week' }))
    const error = await store.replace(bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidDocumentError)
    expect((error as InvalidDocumentError).details).toEqual([expect.stringMatching(/^contacts\.0\.createdAt: /)])
    expect(await readFile(join(dir, DATA_FILE_NAME))).toEqual(before)
    await store.close()
  })

  it('keeps its own copy: later edits to the argument do not leak in', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    const doc = docWith(makeContact('r1'))
    const done = store.replace(doc)
    doc.contacts.push(makeContact('sneaky'))
    await done
    expect((await onDisk(dir)).contacts.map((c) => c.id)).toEqual(['r1'])
    await store.close()
  })
})

describe('close', () => {
  it('lets queued writes finish, then refuses new work', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    const pending = store.update((doc) => void doc.contacts.push(makeContact('a')))
    await store.close()
    await pending
    expect((await onDisk(dir)).contacts).toHaveLength(1)
    await expect(store.update(() => undefined)).rejects.toBeInstanceOf(StoreClosedError)
    await expect(store.read()).rejects.toBeInstanceOf(StoreClosedError)
    expect(await readdir(dir)).toEqual([DATA_FILE_NAME])
  })
})

describe('misuse', () => {
  it('rejects an async change function instead of writing a half-edited draft', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await expect(store.update(async (doc) => void doc.contacts.push(makeContact('a')))).rejects.toThrow(/synchronous change/)
    expect((await store.read()).contacts).toEqual([])
    await store.close()
  })
})

describe('the file lock', () => {
  it('waits for a live holder and then gives up with LockTimeoutError, leaving the file alone', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir, { lockTimeoutMs: 300 })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const before = await readFile(join(dir, DATA_FILE_NAME))
    // Another process holds the lock (a fresh lock folder is a live holder to proper-lockfile).
    await mkdir(join(dir, `${DATA_FILE_NAME}.lock`))
    const started = Date.now()
    const error = await store.update((doc) => void doc.contacts.push(makeContact('b'))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockTimeoutError)
    expect((error as Error).message).toContain(`${DATA_FILE_NAME}.lock`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(await readFile(join(dir, DATA_FILE_NAME))).toEqual(before)

    // Once the holder is gone, the same store carries on.
    await rmdir(join(dir, `${DATA_FILE_NAME}.lock`))
    await store.update((doc) => void doc.contacts.push(makeContact('c')))
    expect((await onDisk(dir)).contacts.map((c) => c.id)).toEqual(['a', 'c'])
    await store.close()
  })

  it('takes over a lock left by a dead process once it is stale', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir, { lockStaleMs: 2_000 })
    const lockDir = join(dir, `${DATA_FILE_NAME}.lock`)
    await mkdir(lockDir)
    const longAgo = new Date(Date.now() - 10_000)
    await utimes(lockDir, longAgo, longAgo)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    expect((await onDisk(dir)).contacts.map((c) => c.id)).toEqual(['a'])
    await expect(stat(lockDir)).rejects.toMatchObject({ code: 'ENOENT' })
    await store.close()
  })
})

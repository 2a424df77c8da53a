import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../src/core/model'
import { DATA_FILE_NAME, DataFileError, openStore, type DataFileErrorCode } from '../../src/store'
import { docWith, makeContact, makeTouch, tempDirs } from './helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const NOW = new Date('2026-11-27T09:00:00Z')
const now = () => NOW

const goodBytes = () => Buffer.from(JSON.stringify(docWith(makeContact('a', { touches: [makeTouch('t1')] })), null, 2))

async function openFailure(dir: string): Promise<DataFileError> {
  const error = await openStore(dir, { now }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DataFileError)
  return error as DataFileError
}

const cases: Array<[string, DataFileErrorCode, () => Buffer, RegExp]> = [
  ['garbage bytes', 'corrupt', () => Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x80, 0x81, 0x0a]), /not valid JSON/],
  ['a truncated file', 'corrupt', () => goodBytes().subarray(0, 60), /not valid JSON \(it may be truncated/],
  ['an empty file', 'corrupt', () => Buffer.alloc(0), /not valid JSON/],
  [
    'a schema-invalid file',
    'invalid',
    () => Buffer.from(JSON.stringify(docWith(makeContact('a'), makeContact('b', { touches: [makeTouch('t1', 'tuesday')] })))),
    /do not match the Touchbase format[\s\S]*contacts\.1\.touches\.0\.at: must be an ISO-8601 date-time/
  ],
  [
    'duplicate contact ids',
    'invalid',
    () => Buffer.from(JSON.stringify(docWith(makeContact('a'), makeContact('b'), makeContact('a', { name: 'Another A' })))),
    /contacts\.2\.id: duplicate id "a" \(contacts\.0 has it too\)/
  ],
  [
    'duplicate touch ids in a contact',
    'invalid',
    () => Buffer.from(JSON.stringify(docWith(makeContact('a', { touches: [makeTouch('t1'), makeTouch('t1', '2026-11-03T09:00:00Z')] })))),
    /contacts\.0\.touches\.1\.id: duplicate touch id "t1"/
  ],
  [
    'a too-new schemaVersion',
    'too-new',
    () => Buffer.from(JSON.stringify({ ...docWith(makeContact('a')), schemaVersion: SCHEMA_VERSION + 1 })),
    /newer version of Touchbase[\s\S]*Update Touchbase/
  ]
]

describe('a data file that cannot be used', () => {
  it.each(cases)('%s: DataFileError(%s), file untouched, exact safe copy, writes refused', async (_name, code, bytes, message) => {
    const dir = await dirs.make()
    const filePath = join(dir, DATA_FILE_NAME)
    const original = bytes()
    await writeFile(filePath, original)

    const error = await openFailure(dir)
    expect(error.code).toBe(code)
    expect(error.filePath).toBe(filePath)
    expect(error.safeCopyPath).toBe(join(dir, `touchbase.${code}-2026-11-27T09-00-00Z.json`))
    expect(error.message).toMatch(message)
    expect(error.message).toContain(`File: ${filePath}`)
    expect(error.message).toContain(`copy was saved as: ${error.safeCopyPath}`)
    if (code !== 'too-new') expect(error.message).toContain(join(dir, 'backups'))
    expect(error.details.length).toBeGreaterThan(0)
    expect(await readFile(filePath)).toEqual(original)
    expect(await readFile(error.safeCopyPath!)).toEqual(original)

    // Opening again (e.g. the next launch) reuses the identical copy instead of piling up more.
    const again = await openFailure(dir)
    expect(again.safeCopyPath).toBe(error.safeCopyPath)
    expect((await readdir(dir)).sort()).toEqual([DATA_FILE_NAME, `touchbase.${code}-2026-11-27T09-00-00Z.json`].sort())
  })

  it('is noticed by an open store on its next change, which refuses writes until the file is repaired, then carries on', async () => {
    const dir = await dirs.make()
    const filePath = join(dir, DATA_FILE_NAME)
    const store = await openStore(dir, { now })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const statuses: string[] = []
    store.watch((event) => {
      if (event.type === 'status') statuses.push(event.status.state)
    })
    // Someone else damages the file (replaced by rename, as a careless sync tool might).
    const truncated = goodBytes().subarray(0, 40)
    await writeFile(join(dir, 'elsewhere'), truncated)
    await rename(join(dir, 'elsewhere'), filePath)

    const error = (await store.update((doc) => void doc.contacts.push(makeContact('b'))).catch((e: unknown) => e)) as DataFileError
    expect(error).toBeInstanceOf(DataFileError)
    expect(error.code).toBe('corrupt')
    expect(store.status()).toEqual({ state: 'damaged', error })
    expect(await readFile(filePath)).toEqual(truncated)
    expect(await readFile(error.safeCopyPath!)).toEqual(truncated)
    // While it stays damaged, everything but a restore is refused with the same error, and the file is left alone.
    await expect(store.update(() => undefined)).rejects.toBe(error)
    await expect(store.read()).rejects.toBe(error)
    // (A backup before a restore is the exact copy already made.)
    expect(await store.backupNow('before-restore')).toBe(error.safeCopyPath)
    expect(await readFile(filePath)).toEqual(truncated)

    // Repaired by hand: the same store, without a restart, reads it and writes again.
    await writeFile(filePath, goodBytes())
    expect((await store.read()).contacts.map((c) => c.id)).toEqual(['a'])
    expect(store.status()).toEqual({ state: 'ok' })
    await store.update((doc) => void doc.contacts.push(makeContact('c')))
    expect(JSON.parse(await readFile(filePath, 'utf8')).contacts.map((c: { id: string }) => c.id)).toEqual(['a', 'c'])
    expect(statuses).toEqual(['damaged', 'ok'])
    await store.close()
  })

  it('a schema-invalid file lists the first few problems and counts the rest', async () => {
    const dir = await dirs.make()
    const contacts = Array.from({ length: 8 }, (_, i) => makeContact(`c${i}`, { kind: 'alien' as 'lead' }))
    await writeFile(join(dir, DATA_FILE_NAME), JSON.stringify(docWith(...contacts)))
    const error = await openFailure(dir)
    expect(error.details).toHaveLength(8)
    expect(error.details[0]).toMatch(/^contacts\.0\.kind: /)
    expect(error.message).toContain('contacts.4.kind')
    expect(error.message).not.toContain('contacts.5.kind')
    expect(error.message).toContain('… and 3 more')
  })

  it('a folder where the file should be is "not-a-file" and left alone', async () => {
    const dir = await dirs.make()
    await mkdir(join(dir, DATA_FILE_NAME))
    const error = await openFailure(dir)
    expect(error.code).toBe('not-a-file')
    expect(error.safeCopyPath).toBeUndefined()
    expect(error.message).toContain('No copy could be made')
    expect(error.details).toEqual([`${join(dir, DATA_FILE_NAME)} is a folder`])
  })
})

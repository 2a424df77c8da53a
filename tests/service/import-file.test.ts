import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ImportError, MAX_IMPORT_BYTES } from '../../src/core/interop'
import { columnsFromDisk, importContacts, importFromDisk } from '../../src/service/interop'
import { openStore, type Store } from '../../src/store'

/** Issue 10, item 13: importing a file from disk, streamed, within a documented size. */

const NOW = new Date('2026-11-27T09:00:00Z')
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url))

let dir: string
let store: Store
let ids = 0
const deps = () => ({ now: NOW, newId: () => `c${++ids}` })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchbase-import-file-'))
  store = await openStore(dir, { now: () => NOW })
  ids = 0
})
afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

const refusal = (p: Promise<unknown>) => p.then(() => 'imported', (e: unknown) => (e instanceof ImportError ? e.reason : e))

describe('a file from disk, streamed', () => {
  it.each(['google-contacts.csv', 'google-legacy.csv', 'outlook.csv', 'semicolon-bom.csv', 'android-2.1.vcf', 'apple-contacts.vcf'])(
    'reads %s exactly as the in-memory importer does',
    async (name) => {
      const streamed = await importFromDisk(store, { path: fixture(name), dryRun: true }, deps())
      const inMemory = await importContacts(store, { fileName: fixture(name), text: readFileSync(fixture(name), 'utf8'), dryRun: true }, deps())
      expect(streamed).toEqual(inMemory)
      expect(streamed.added.length + streamed.errors.length).toBeGreaterThan(0)
    }
  )

  it('reads rows and cards that straddle its read chunks, and reports progress to the last byte', async () => {
    // 64 KB chunks: thousands of rows cross a boundary somewhere, multi-byte names included.
    const csvPath = join(dir, 'many.csv')
    const rows = Array.from({ length: 20_000 }, (_, i) => `"Zoë ${i}, the ${'é'.repeat(i % 7)}",zoe${i}@example.com,"line one\nline two ${i}"`)
    await writeFile(csvPath, `\uFEFFName,Email,Notes\n${rows.join('\r\n')}\r\n`)
    const reads: [number, number][] = []
    const report = await importFromDisk(store, { path: csvPath }, { ...deps(), onRead: (done, total) => reads.push([done, total]) })
    expect(report.errors).toEqual([])
    expect(report.added).toHaveLength(20_000)
    expect(report.added[19_998]).toMatchObject({ row: 20_000, name: 'Zoë 19998, the éééééé' })
    expect(reads.length).toBeGreaterThan(10)
    expect(reads.at(-1)![0]).toBe(reads.at(-1)![1])
    const contacts = (await store.read()).contacts
    expect(contacts[12_345]).toMatchObject({ name: 'Zoë 12345, the éééé', email: 'zoe12345@example.com', notes: 'line one\nline two 12345' })

    const vcfPath = join(dir, 'many.vcf')
    const cards = Array.from({ length: 5_000 }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace ${i} 霍珀\r\nEMAIL:grace${i}@example.com\r\nNOTE:${'x'.repeat(i % 300)}\r\nEND:VCARD`)
    await writeFile(vcfPath, cards.join('\r\n'))
    const vcards = await importFromDisk(store, { path: vcfPath, dryRun: true }, deps())
    expect(vcards.format).toBe('vcard')
    expect(vcards.added).toHaveLength(5_000)
    expect(vcards.added[4_999]?.name).toBe('Grace 4999 霍珀')
  })

  it('refuses a file over the limit at once, before reading it, and changes nothing', async () => {
    const path = join(dir, 'huge.csv')
    const file = await open(path, 'w')
    await file.write('Name\nAda\n')
    // A sparse file: as large as the limit plus one byte, without writing 50 MB.
    await file.truncate(MAX_IMPORT_BYTES + 1)
    await file.close()
    const error = await importFromDisk(store, { path }, deps()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).reason).toBe('too-large')
    expect((error as ImportError).message).toBe(
      `${path} is 50 MB; Touchbase imports files up to 50 MB. Nothing was imported. Split the file, or export fewer fields (a vCard export with photos is the usual culprit).`
    )
    expect((await store.read()).contacts).toEqual([])
  })

  it('refuses a folder or a pipe instead of waiting on it forever', async () => {
    expect(await refusal(importFromDisk(store, { path: dir }, deps()))).toBe('not-a-file')
    const fifo = join(dir, 'contacts.csv')
    execFileSync('mkfifo', [fifo])
    expect(await refusal(importFromDisk(store, { path: fifo }, deps()))).toBe('not-a-file')
  })

  it('refuses JSON, iCalendar and binary files from their first bytes', async () => {
    const big = (head: string) => head + ' '.repeat(70_000)
    for (const [name, text, reason] of [
      ['backup.json', big('{"schemaVersion": 1, "contacts": ['), 'json'],
      ['cal.ics', big('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), 'icalendar'],
      ['photo.csv', big('\u0000\u0001\u0002PNG\u0000'), 'binary']
    ] as const) {
      await writeFile(join(dir, name), text)
      expect(await refusal(importFromDisk(store, { path: join(dir, name) }, deps())), name).toBe(reason)
    }
  })

  it('says a CSV has no name column (not that it has no header), and offers its columns', async () => {
    const path = join(dir, 'leute.csv')
    await writeFile(path, 'Wer;Firma\nKatherine Johnson;NASA\n')
    expect(await refusal(importFromDisk(store, { path }, deps()))).toBe('no-name-column')
    expect(await columnsFromDisk(path)).toMatchObject({ mappingPreview: { headers: ['Wer', 'Firma'], sampleRows: [['Katherine Johnson', 'NASA']] } })
    expect(await columnsFromDisk(fixture('google-contacts.csv'))).toBeNull()
    expect(await importFromDisk(store, { path, mapping: { Wer: 'name' } }, deps())).toMatchObject({ added: [{ name: 'Katherine Johnson' }] })
  })
})

describe('a change that arrives while an import is being planned', () => {
  it('is kept, and the import is planned again against it: nothing lost or duplicated', async () => {
    const path = join(dir, 'two.csv')
    await writeFile(path, 'Name,Email\nAda Lovelace,ada@example.com\nGrace Hopper,grace@example.com\n')
    // Another process adds Ada between the import's preview and its write.
    const update = store.update.bind(store)
    vi.spyOn(store, 'update').mockImplementationOnce(async (change) => {
      await update((doc) => {
        doc.contacts.push({ id: 'other', name: 'Ada L.', kind: 'lead', email: 'ada@example.com', tags: [], status: 'active', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), touches: [] })
      })
      return update(change)
    })
    const report = await importFromDisk(store, { path }, deps())
    expect(report.added.map((a) => a.name)).toEqual(['Grace Hopper'])
    expect(report.skipped.map((s) => s.name)).toEqual(['Ada Lovelace'])
    expect((await store.read()).contacts.map((c) => c.name)).toEqual(['Ada L.', 'Grace Hopper'])
  })
})

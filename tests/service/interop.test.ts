import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ImportError } from '../../src/core/interop'
import { editContact, type Contact, type TouchbaseDocument } from '../../src/core/model'
import { exportData, importContacts, restoreBackup, type ImportRequest } from '../../src/service/interop'
import { openStore, type Store } from '../../src/store'

const NOW = new Date('2026-11-27T09:00:00Z')
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8')

let dir: string
let store: Store
let ids = 0
const deps = () => ({ now: NOW, newId: () => `c${++ids}` })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchbase-interop-'))
  store = await openStore(dir, { now: () => NOW })
  ids = 0
})
afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

/** The data file's bytes; '' before the first write. */
async function fileBytes(): Promise<string> {
  return existsSync(store.filePath) ? readFile(store.filePath, 'utf8') : ''
}

async function seed(...contacts: Contact[]): Promise<void> {
  await store.update((doc) => {
    doc.contacts.push(...structuredClone(contacts))
  })
}

const existing = (id: string, fields: Partial<Contact>): Contact => ({
  id,
  name: 'Someone',
  kind: 'customer',
  tags: ['old'],
  status: 'active',
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-10-01T09:00:00.000Z',
  touches: [{ id: `${id}-t1`, at: '2026-10-02T09:00:00.000Z', channel: 'call', note: 'first call' }],
  ...fields
})

const run = (req: Partial<ImportRequest> & Pick<ImportRequest, 'text'>, extra = {}) =>
  importContacts(store, { fileName: 'contacts.csv', ...req }, { ...deps(), ...extra })

describe('importing the real-world fixtures', () => {
  it.each([
    ['google-legacy.csv', 'csv-google', ['Anna Schmidt', "Bob O'Neil", 'Carla Díaz']],
    ['google-contacts.csv', 'csv-google', ['Dana J. Whitaker', '张伟', 'Gamma Supplies']],
    ['outlook.csv', 'csv-outlook', ['Erik Larsen', 'Fiona M Gallagher']],
    ['semicolon-bom.csv', 'csv', ['Jürgen Müller', 'Zoë Ödegaard']],
    ['apple-contacts.vcf', 'vcard', ['Dr. Harriet Anne Whitfield', 'Chidi Okafor', 'Northwind Traders']],
    ['android-2.1.vcf', 'vcard', ['张伟', '李娜', 'Nikos Papadopoulos', 'Jürgen Müller']]
  ])('%s', async (name, format, names) => {
    const report = await run({ fileName: name, text: fixture(name) })
    expect(report).toMatchObject({ format, dryRun: false, merged: [], skipped: [], errors: [] })
    expect(report.added.map((a) => a.name)).toEqual(names)
    const doc = await store.read()
    expect(doc.contacts.map((c) => c.name)).toEqual(names)
    expect(doc.contacts.every((c) => c.status === 'active' && c.touches.length === 0 && c.createdAt === NOW.toISOString())).toBe(true)
    expect(report.mappingPreview !== undefined).toBe(format === 'csv')
  })
})

describe('duplicates', () => {
  const anna = existing('anna', { name: 'Anna Schmidt', email: 'anna.schmidt@example.de', notes: 'keep me' })
  const carla = existing('carla', { name: 'carla  díaz', org: 'ACME, INC.' })

  it('are skipped by default and with onDuplicate: skip, leaving existing contacts untouched', async () => {
    await seed(anna, carla)
    const report = await run({ text: fixture('google-legacy.csv') })
    expect(report.added.map((a) => a.row)).toEqual([3])
    expect(report.skipped).toEqual([
      { row: 2, name: 'Anna Schmidt', reason: expect.stringContaining('same email'), into: 'Anna Schmidt', matchedBy: 'email' },
      { row: 4, name: 'Carla Díaz', reason: expect.stringContaining('same name and organisation'), into: 'carla  díaz', matchedBy: 'name and organisation' }
    ])
    const doc = await store.read()
    expect(doc.contacts.slice(0, 2)).toEqual([anna, carla])
    expect((await run({ text: fixture('google-legacy.csv'), onDuplicate: 'skip' })).skipped.map((s) => s.row)).toEqual([2, 3, 4])
  })

  it('merge fills empty fields and unions tags, keeping existing data and touches', async () => {
    await seed(anna, carla)
    const report = await run({ text: fixture('google-legacy.csv'), onDuplicate: 'merge' })
    expect(report.merged).toEqual([
      expect.objectContaining({ row: 2, name: 'Anna Schmidt', id: 'anna', matchedBy: 'email' }),
      expect.objectContaining({ row: 4, name: 'Carla Díaz', id: 'carla', matchedBy: 'name and organisation' })
    ])
    const [a, c] = (await store.read()).contacts
    expect(a).toEqual({
      ...anna,
      org: 'Nordlicht GmbH',
      phone: '+49 151 2345 6789',
      tags: ['old', 'Leads', 'Trade fair 2025'],
      updatedAt: NOW.toISOString()
    })
    expect(c).toEqual({ ...carla, phone: '(555) 010-2000', updatedAt: NOW.toISOString() })
  })

  it('per-row decisions win over onDuplicate', async () => {
    await seed(anna, carla)
    const report = await run({ text: fixture('google-legacy.csv'), onDuplicate: 'merge', decisions: { 2: 'skip' } })
    expect(report.merged.map((m) => m.row)).toEqual([4])
    expect(report.skipped.map((s) => s.row)).toEqual([2])
    expect((await store.read()).contacts[0]).toEqual(anna)
  })

  it('inside one file: a later row merges into the contact an earlier row adds, and the report names it', async () => {
    const text = 'Name,Email,Phone,Tags\nChen Li,chen@example.com,,a\nLi Chen,CHEN@example.com,+86 139 0000 1111,b\n'
    const dry = await run({ text, onDuplicate: 'merge', dryRun: true })
    expect(dry.merged).toEqual([{ row: 3, name: 'Li Chen', intoRow: 2, into: 'Chen Li', matchedBy: 'email' }])
    const report = await run({ text, onDuplicate: 'merge' })
    expect(report.merged).toEqual([{ row: 3, name: 'Li Chen', id: 'c1', intoRow: 2, into: 'Chen Li', matchedBy: 'email' }])
    expect((await store.read()).contacts).toEqual([expect.objectContaining({ id: 'c1', phone: '+86 139 0000 1111', tags: ['a', 'b'] })])
  })
})

describe('dry run', () => {
  it('reports what would be added, merged and skipped, and writes nothing', async () => {
    await seed(existing('anna', { name: 'Anna Schmidt', email: 'anna.schmidt@example.de' }))
    const before = await fileBytes()
    const update = vi.spyOn(store, 'update')
    const text = fixture('google-legacy.csv') + 'Dup Bob,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,bob@example.com\r\n'
    const report = await run({ text, dryRun: true, decisions: { 2: 'merge' } })
    expect(report).toMatchObject({
      dryRun: true,
      added: [
        { row: 3, name: "Bob O'Neil" },
        { row: 4, name: 'Carla Díaz' }
      ],
      merged: [{ row: 2, name: 'Anna Schmidt', id: 'anna' }],
      skipped: [{ row: 5, name: 'Dup Bob', reason: expect.stringContaining('row 3 of this file') }]
    })
    expect(report.added.every((a) => a.id === undefined)).toBe(true)
    expect(update).not.toHaveBeenCalled()
    expect(await fileBytes()).toBe(before)
  })
})

describe('bad rows and bad files', () => {
  it('reports bad rows by row number and imports the good ones', async () => {
    const text = 'Name,Email,Kind\nGood One,good@example.com,customer\n,nobody@example.com,\nBad Mail,not-an-email,\nBad Kind,,friend\nGood Two,,\n'
    const report = await run({ text })
    // Row 3 has no name but an email, so it is named by its email rather than refused.
    expect(report.added.map((a) => [a.row, a.name])).toEqual([
      [2, 'Good One'],
      [3, 'nobody@example.com'],
      [6, 'Good Two']
    ])
    expect(report.errors).toEqual([
      { row: 4, message: 'email: is not a valid email address', issues: [{ field: 'email', code: 'invalid-email' }] },
      { row: 5, message: expect.stringMatching(/^kind: /), issues: [{ field: 'kind', code: 'unknown-kind' }] }
    ])
    expect((await store.read()).contacts.map((c) => c.name)).toEqual(['Good One', 'nobody@example.com', 'Good Two'])
  })

  it('gives every bad row its problems as field codes the UI can translate, beside the English message', async () => {
    const text = 'Name,Email,Kind,Cadence\n,,customer,\nBad Both,nope,friend,\nLong,,,every tuesday\n' + `${'x'.repeat(201)},,,\n`
    const report = await run({ text, dryRun: true })
    expect(report.errors.map((e) => [e.row, e.issues])).toEqual([
      [2, [{ field: 'name', code: 'required' }]],
      [3, [{ field: 'kind', code: 'unknown-kind' }, { field: 'email', code: 'invalid-email' }]],
      [4, [{ field: 'cadence', code: 'invalid-rrule' }]],
      [5, [{ field: 'name', code: 'too-long', max: 200 }]]
    ])
    // The English stays as the CLI prints it.
    expect(report.errors[0]!.message).toBe('name: Invalid input: expected string, received undefined')
  })

  it.each([
    ['binary garbage', 'photo.jpg', '\uFFFD\uFFFD\uFFFD\uFFFD\u0000JFIF\u0000\u0001\u0001\u0000\u0000H\u0000H\u0000\u0000\uFFFD\uFFFD', /not a text file/, 'binary'],
    ['JSON', 'backup.json', JSON.stringify({ schemaVersion: 1, contacts: [] }), /JSON.*restore/, 'json'],
    ['an empty file', 'empty.csv', '', /empty/, 'empty'],
    ['a CSV with no name-like column', 'orders.csv', 'Order,Amount,Date\n1,20.00,2026-01-01\n', /no column holds names.*Order, Amount, Date/, 'no-name-column'],
    ['a vCard-looking file with no cards', 'x.vcf', 'BEGIN:VCARDS\nnope\n', /no BEGIN:VCARD/, 'no-cards'],
    ['an explicit mapping naming a missing column', 'x.csv', 'Name\nAda\n', /columns the file does not have: Nom/, 'unknown-columns']
  ])('%s is refused with an ImportError and changes nothing', async (_, fileName, text, message, reason) => {
    await seed(existing('anna', { name: 'Anna Schmidt' }))
    const before = await fileBytes()
    const mapping = fileName === 'x.csv' ? { Nom: 'name' as const } : undefined
    const attempt = run({ fileName, text, mapping })
    await expect(attempt).rejects.toBeInstanceOf(ImportError)
    await expect(run({ fileName, text, mapping })).rejects.toThrow(message)
    await expect(run({ fileName, text, mapping })).rejects.toMatchObject({ reason })
    expect(await fileBytes()).toBe(before)
  })

  it('a generic CSV comes with a mapping preview, and an explicit mapping is used', async () => {
    const text = 'Wer,Kontakt,Wo\nAda,ada@example.com,Engines Ltd\n'
    await expect(run({ text })).rejects.toThrow(ImportError)
    const report = await run({ text, mapping: { Wer: 'name', Kontakt: 'email', Wo: 'org' } })
    expect(report.mappingPreview).toEqual({ headers: ['Wer', 'Kontakt', 'Wo'], mapping: {}, sampleRows: [['Ada', 'ada@example.com', 'Engines Ltd']] })
    expect((await store.read()).contacts).toEqual([expect.objectContaining({ name: 'Ada', email: 'ada@example.com', org: 'Engines Ltd' })])
  })
})

describe('a large file', () => {
  it('imports 10,000 rows in one store.update, reporting progress', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `Person ${i},Company ${i % 300},person${i}@example.com,+1 555 ${String(i).padStart(7, '0')},tag${i % 7}`)
    const text = `Name,Company,Email,Phone,Tags\n${rows.join('\n')}\n`
    const update = vi.spyOn(store, 'update')
    const progress: [number, number][] = []
    const started = performance.now()
    const report = await run({ text }, { onProgress: (done: number, total: number) => progress.push([done, total]) })
    const ms = performance.now() - started
    console.log(`10,000-row CSV import: ${ms.toFixed(0)} ms`)
    expect(report.added).toHaveLength(10_000)
    expect(report.errors).toEqual([])
    expect(update).toHaveBeenCalledTimes(1)
    expect(progress.at(-1)).toEqual([10_000, 10_000])
    expect(progress.length).toBeGreaterThanOrEqual(100)
    expect((JSON.parse(await fileBytes()) as TouchbaseDocument).contacts).toHaveLength(10_000)
  })
})

describe('export', () => {
  it.each([
    ['csv', 'text/csv;charset=utf-8', /^\uFEFFName,/],
    ['vcf', 'text/vcard;charset=utf-8', /^BEGIN:VCARD\r\nVERSION:4\.0/],
    ['json', 'application/json', /^\{\n {2}"blocks": \[\],\n {2}"contacts"/],
    ['ics', 'text/calendar;charset=utf-8', /^BEGIN:VCALENDAR\r\n/]
  ] as const)('%s', async (format, mimeType, content) => {
    await run({ text: fixture('outlook.csv') })
    const file = await exportData(store, format, { now: NOW, timeZone: 'Pacific/Honolulu' })
    // 09:00Z on 27 Nov is still 26 Nov in Honolulu: the name uses the user's day.
    expect(file.fileName).toMatch(new RegExp(`^touchbase-[a-z-]+-2026-11-26\\.${format}$`))
    expect(file.mimeType).toBe(mimeType)
    expect(file.content).toMatch(content)
  })

  it('vCard export imports back into an empty store as the same contacts', async () => {
    await run({ text: fixture('google-contacts.csv') })
    await run({ fileName: 'a.vcf', text: fixture('android-2.1.vcf') })
    const original = (await store.read()).contacts
    const vcf = (await exportData(store, 'vcf', { now: NOW, timeZone: 'UTC' })).content
    const other = await openStore(await mkdtemp(join(tmpdir(), 'touchbase-interop-b-')))
    try {
      await importContacts(other, { fileName: 'export.vcf', text: vcf }, deps())
      const strip = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Contact) => rest
      expect((await other.read()).contacts.map(strip)).toEqual(original.map(strip))
    } finally {
      await other.close()
      await rm(other.dataDir, { recursive: true, force: true })
    }
  })
})

describe('restore from a JSON backup', () => {
  it('gives back byte-for-byte the same data file, after backing up the current one', async () => {
    await run({ text: fixture('apple-contacts.vcf'), fileName: 'a.vcf' })
    await store.update((doc) => {
      if (doc.contacts[0]) editContact(doc, 0).touches.push({ id: 't1', at: '2026-11-20T10:00:00.000Z', channel: 'email', note: 'sent deck' })
    })
    const before = await fileBytes()
    const backup = (await exportData(store, 'json', { now: NOW, timeZone: 'UTC' })).content

    await run({ text: fixture('outlook.csv') })
    const changed = await fileBytes()
    expect(changed).not.toBe(before)

    const result = await restoreBackup(store, backup)
    expect(result.contacts).toBe(3)
    expect(await fileBytes()).toBe(before)
    expect(await readFile(result.backupPath, 'utf8')).toBe(changed)
  })

  it.each([
    ['not JSON', 'Name,Email\n', /not valid JSON/, 'not-json'],
    ['JSON that is not a document', '{"contacts": "nope"}', /not a valid Touchbase backup/, 'bad-backup'],
    ['a backup from a newer version', JSON.stringify({ schemaVersion: 99 }), /newer|only knows/, 'bad-backup']
  ])('refuses %s with an ImportError and changes nothing', async (_, text, message, reason) => {
    await run({ text: fixture('outlook.csv') })
    const before = await fileBytes()
    const backupNow = vi.spyOn(store, 'backupNow')
    await expect(restoreBackup(store, text)).rejects.toBeInstanceOf(ImportError)
    await expect(restoreBackup(store, text)).rejects.toThrow(message)
    await expect(restoreBackup(store, text)).rejects.toMatchObject({ reason })
    expect(backupNow).not.toHaveBeenCalled()
    expect(await fileBytes()).toBe(before)
  })
})

describe('random input (property-based)', () => {
  const csvish = fc
    .tuple(
      fc.array(fc.constantFrom('Name', 'Name', 'Name', 'First Name', 'Last Name', 'Email', 'E-mail 1 - Value', 'Phone', 'Company', 'Tags', 'Notes', 'Kind', 'Cadence', 'x', ''), { minLength: 1, maxLength: 6 }),
      fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom('"', '""', '\n', 'a@b.co', 'not an email', '+1 555 0100', 'FREQ=DAILY', 'lead', '=1+1', ';', ',')), { maxLength: 7 }), { maxLength: 8 }),
      fc.constantFrom(',', ';', '\t'),
      fc.boolean()
    )
    .map(([headers, rows, sep, bom]) => (bom ? '\uFEFF' : '') + [headers, ...rows].map((r) => r.join(sep)).join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]))
  const vcardish = fc
    .array(
      fc.array(
        fc.oneof(
          fc.constantFrom('VERSION:2.1', 'VERSION:3.0', 'VERSION:4.0', 'FN:Ada', 'N:Lovelace;Ada;;;', 'TEL;CELL:+44 1', 'EMAIL;PREF:ada@example.com', 'NOTE;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=', 'ORG:A\\;B', ' folded', 'FN', 'CATEGORIES:a,b'),
          fc.string().map((s) => `X-${s}`),
          fc.string()
        ),
        { maxLength: 8 }
      ),
      { maxLength: 4 }
    )
    .map((cards) => cards.map((lines) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n')).join('\r\n'))
  const anything = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder().decode(bytes)),
    { arbitrary: csvish, weight: 5 },
    { arbitrary: vcardish, weight: 5 }
  )

  it('never throws anything but ImportError, and never writes part of an import', async () => {
    const seen = { refused: 0, imported: 0 }
    await fc.assert(
      fc.asyncProperty(anything, fc.constantFrom<'merge' | 'skip'>('merge', 'skip'), async (text, onDuplicate) => {
        const before = await fileBytes()
        const countBefore = (await store.read()).contacts.length
        let report
        try {
          report = await run({ fileName: 'random.txt', text, onDuplicate })
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError)
          expect(await fileBytes()).toBe(before)
          seen.refused++
          return
        }
        if (report.added.length + report.merged.length > 0) seen.imported++
        const after = (await store.read()).contacts
        expect(after).toHaveLength(countBefore + report.added.length)
        const added = new Set(report.added.map((a) => a.id))
        expect(after.filter((c) => added.has(c.id)).map((c) => c.name)).toEqual(report.added.map((a) => a.name))
        if (report.added.length === 0 && report.merged.length === 0) expect(await fileBytes()).toBe(before)
      }),
      { numRuns: 200 }
    )
    console.log('random import outcomes:', seen)
    expect(seen.refused).toBeGreaterThan(5)
    expect(seen.imported).toBeGreaterThan(5)
  })
})

import { describe, expect, it } from 'vitest'
import { csvRecords, detectDialect, guessMapping, mappingFor, parseCsv, previewMapping } from '../../../src/core/interop/csv-import'
import { fixture } from './fixtures'

function importCsv(text: string) {
  const table = parseCsv(text)
  const dialect = detectDialect(table.headers)
  return { dialect, ...csvRecords(table, mappingFor(dialect, table.headers)) }
}

describe('Google Contacts CSV', () => {
  it('reads the legacy header style (Name, Given Name, Group Membership, Organization 1 - Name)', () => {
    const { dialect, records, errors } = importCsv(fixture('google-legacy.csv'))
    expect(dialect).toBe('csv-google')
    expect(errors).toEqual([])
    expect(records.map((r) => r.row)).toEqual([2, 3, 4])
    expect(records[0]?.contact).toMatchObject({
      name: 'Anna Schmidt',
      org: 'Nordlicht GmbH',
      email: 'anna.schmidt@example.de',
      phone: '+49 151 2345 6789',
      tags: ['Leads', 'Trade fair 2025'],
      notes: 'Met at the Berlin fair.\nWants a demo in spring.'
    })
    // No "Name": built from the parts; "* starred" is a Google system group, kept as "starred".
    expect(records[1]?.contact).toMatchObject({ name: "Bob O'Neil", email: 'bob@example.com', tags: ['starred'] })
    expect(records[2]?.contact).toMatchObject({ name: 'Carla Díaz', org: 'Acme, Inc.', phone: '(555) 010-2000', tags: [] })
  })

  it('reads the current header style (First Name, Organization Name, Labels)', () => {
    const { dialect, records, errors } = importCsv(fixture('google-contacts.csv'))
    expect(dialect).toBe('csv-google')
    expect(errors).toEqual([])
    expect(records[0]?.contact).toMatchObject({
      name: 'Dana J. Whitaker',
      org: 'Blue Harbor Ltd',
      email: 'dana@blueharbor.example',
      phone: '+44 7700 900123',
      tags: ['Partners'],
      notes: 'Intro via Sam'
    })
    expect(records[1]?.contact).toMatchObject({ name: '张伟', org: '深圳科技有限公司', tags: ['客户'] })
    // A company without a person's name is still a contact: it is called by its organisation.
    expect(records[2]?.contact).toMatchObject({ name: 'Gamma Supplies', org: 'Gamma Supplies', email: 'sales@gamma.example' })
  })
})

describe('Outlook CSV', () => {
  it('reads the Outlook export header set, preferring the mobile number', () => {
    const { dialect, records, errors } = importCsv(fixture('outlook.csv'))
    expect(dialect).toBe('csv-outlook')
    expect(errors).toEqual([])
    expect(records[0]?.contact).toMatchObject({
      name: 'Erik Larsen',
      org: 'Fjord Logistics AS',
      email: 'erik.larsen@fjord.example',
      phone: '+47 912 34 567',
      tags: ['Customers', 'VIP'],
      notes: 'Renewal due in Q3.\r\nPrefers phone.'
    })
    expect(records[1]?.contact).toMatchObject({ name: 'Fiona M Gallagher', email: 'fiona@example.ie', phone: '01 555 0199' })
    expect(records[1]?.contact.org).toBeUndefined()
  })
})

describe('any other CSV', () => {
  it('handles a BOM, ";" separators and quoted cells with newlines and quotes', () => {
    const table = parseCsv(fixture('semicolon-bom.csv'))
    expect(table.headers).toEqual(['Name', 'Firma', 'E-Mail', 'Telefon', 'Tags', 'Notizen'])
    expect(detectDialect(table.headers)).toBe('csv')
    const mapping = guessMapping(table.headers)
    expect(mapping).toEqual({ Name: 'name', Firma: 'org', 'E-Mail': 'email', Telefon: 'phone', Tags: 'tags', Notizen: 'notes' })
    const { records, errors } = csvRecords(table, mapping)
    expect(errors).toEqual([])
    expect(records[0]?.contact).toMatchObject({
      name: 'Jürgen Müller',
      org: 'Müller & Söhne KG',
      email: 'juergen@mueller.example',
      phone: '+49 89 123456',
      tags: ['Kunde', 'Bayern'],
      notes: 'Erstes Treffen; gutes Gespräch.\nNächster Schritt: Angebot\n"dringend"'
    })
    expect(records[1]?.contact).toMatchObject({ name: 'Zoë Ödegaard', email: 'zoe@example.no' })
  })

  it('offers a preview: headers, guessed mapping and the first rows', () => {
    const text = 'Full Name,Company Name,Mail,Mobile,Whatever\nAda,Engines Ltd,ada@example.com,+44 1,x\n'
    const preview = previewMapping(parseCsv(text))
    expect(preview).toEqual({
      headers: ['Full Name', 'Company Name', 'Mail', 'Mobile', 'Whatever'],
      mapping: { 'Full Name': 'name', 'Company Name': 'org', Mail: 'email', Mobile: 'phone' },
      sampleRows: [['Ada', 'Engines Ltd', 'ada@example.com', '+44 1', 'x']]
    })
  })

  it('uses an explicit mapping, several columns feeding one field in key order', () => {
    const table = parseCsv('who,work mail,home mail,labels\nAda,,ada@home.example,a;b\n')
    const { records } = csvRecords(table, { who: 'name', 'work mail': 'email', 'home mail': 'email', labels: 'tags' })
    expect(records[0]?.contact).toMatchObject({ name: 'Ada', email: 'ada@home.example', tags: ['a', 'b'] })
  })

  it('tab-separated files are detected too', () => {
    const table = parseCsv('Name\tEmail\nAda\tada@example.com\n')
    expect(csvRecords(table, guessMapping(table.headers)).records[0]?.contact).toMatchObject({ name: 'Ada', email: 'ada@example.com' })
  })

  it('takes off the formula-escaping quote that careful exporters add', () => {
    const table = parseCsv("Name,Phone\n'=Ada,'+49 30 1\n")
    expect(csvRecords(table, guessMapping(table.headers)).records[0]?.contact).toMatchObject({ name: '=Ada', phone: '+49 30 1' })
  })

  it('reports rows with more cells than the header by their spreadsheet row', () => {
    const table = parseCsv('Name,Email\nAda,ada@example.com\nBob,bob@example.com,extra\n')
    const { records, errors } = csvRecords(table, guessMapping(table.headers))
    expect(records.map((r) => r.row)).toEqual([2])
    expect(errors).toEqual([{ row: 3, message: expect.stringContaining('3 cells'), issues: [{ field: '', code: 'too-many-cells' }] }])
  })
})

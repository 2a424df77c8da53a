import Papa from 'papaparse'
import { ImportError } from './errors'
import {
  personName,
  rowProblem,
  splitTags,
  uniqueTags,
  type ContactField,
  type ImportRecord,
  type ParsedRecords,
  type RawContact,
  type RowError
} from './records'

export type CsvDialect = 'csv-google' | 'csv-outlook' | 'csv'

/** Header → field. Several headers may feed one field: the first non-empty one wins, in key order. */
export type ColumnMapping = Record<string, ContactField>

export interface CsvTable {
  headers: string[]
  /** Data rows only; rows[i] is spreadsheet row i + 2. */
  rows: string[][]
  /** Problems the CSV parser found, by index into `rows`. */
  rowProblems: Map<number, string>
}

export interface MappingPreview {
  headers: string[]
  /** Our guess; a caller shows it and may send back an edited mapping. */
  mapping: ColumnMapping
  /** The first data rows, as they are in the file. */
  sampleRows: string[][]
}

/** How many data rows a mapping preview shows. */
export const SAMPLE_ROWS = 5

export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|']
  })
  const [headerRow, ...rows] = result.data
  const headers = (headerRow ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())
  const rowProblems = new Map<number, string>()
  for (const e of result.errors) {
    // A single-column file has no delimiter to detect; that is not a problem with a row.
    if (e.type === 'Delimiter' || e.row === undefined || e.row < 1) continue
    rowProblems.set(e.row - 1, e.message)
  }
  return { headers, rows, rowProblems }
}

// Exact header sets from the exporters. Google's "Google CSV" has had two header styles:
// until ~2020 "Name, Given Name, …, Group Membership, E-mail 1 - Value, Organization 1 - Name";
// since then "First Name, Middle Name, Last Name, …, Organization Name, Labels, E-mail 1 - Value".
// Both number their multi-valued columns "X n - Value". Outlook (desktop and outlook.com) uses
// "E-mail Address", "E-mail 2 Address", and one column per phone kind.
const GOOGLE_MARKERS = ['Group Membership', 'Organization 1 - Name', 'Labels', 'E-mail 1 - Value', 'Phone 1 - Value']
const OUTLOOK_MARKERS = ['E-mail Address', 'E-mail 2 Address', 'Mobile Phone', 'Business Phone', 'Home Phone']

export function detectDialect(headers: readonly string[]): CsvDialect {
  const has = (h: string) => headers.includes(h)
  const named = has('First Name') || has('Last Name') || has('Given Name') || has('Name')
  if (named && GOOGLE_MARKERS.some(has)) return 'csv-google'
  if (named && OUTLOOK_MARKERS.some(has) && (has('Company') || has('Categories') || has('Notes'))) return 'csv-outlook'
  return 'csv'
}

function pick(headers: readonly string[], fields: [string | RegExp, ContactField][]): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const [pattern, field] of fields) {
    for (const h of headers) {
      if (h in mapping) continue
      if (typeof pattern === 'string' ? h === pattern : pattern.test(h)) mapping[h] = field
    }
  }
  return mapping
}

function googleMapping(headers: readonly string[]): ColumnMapping {
  return pick(headers, [
    ['Name', 'name'],
    ['Given Name', 'givenName'],
    ['First Name', 'givenName'],
    ['Additional Name', 'middleName'],
    ['Middle Name', 'middleName'],
    ['Family Name', 'familyName'],
    ['Last Name', 'familyName'],
    ['Organization 1 - Name', 'org'],
    ['Organization Name', 'org'],
    [/^Organization \d+ - Name$/, 'org'],
    [/^E-mail \d+ - Value$/, 'email'],
    [/^Phone \d+ - Value$/, 'phone'],
    ['Group Membership', 'tags'],
    ['Labels', 'tags'],
    ['Notes', 'notes']
  ])
}

function outlookMapping(headers: readonly string[]): ColumnMapping {
  return pick(headers, [
    ['First Name', 'givenName'],
    ['Middle Name', 'middleName'],
    ['Last Name', 'familyName'],
    ['Company', 'org'],
    ['E-mail Address', 'email'],
    ['E-mail 2 Address', 'email'],
    ['E-mail 3 Address', 'email'],
    // A follow-up is usually a call or a message, so the mobile number comes first.
    ['Mobile Phone', 'phone'],
    ['Primary Phone', 'phone'],
    ['Business Phone', 'phone'],
    ['Home Phone', 'phone'],
    ['Business Phone 2', 'phone'],
    ['Home Phone 2', 'phone'],
    ['Company Main Phone', 'phone'],
    ['Other Phone', 'phone'],
    ['Car Phone', 'phone'],
    ['Categories', 'tags'],
    ['Notes', 'notes']
  ])
}

// Loose header names people use in their own spreadsheets (including our own CSV export).
const SYNONYMS: [RegExp, ContactField][] = [
  [/^(full ?name|name|display ?name|contact( name)?|姓名|名前|nom|nombre)$/, 'name'],
  [/^(first ?name|given ?name|first|forename|名)$/, 'givenName'],
  [/^(middle ?name|additional ?name)$/, 'middleName'],
  [/^(last ?name|family ?name|surname|last|姓)$/, 'familyName'],
  [/^(org|organi[sz]ation( name)?|company( name)?|employer|business|account|firma|unternehmen|公司)$/, 'org'],
  [/^(e-?mail( address)?|mail|email 1|e-?mail \d+ - value|邮箱)$/, 'email'],
  [/^(phone( number)?|mobile( phone)?|cell( phone)?|tel(ephone|efon)?|phone 1|handy|mobil|电话|手机)$/, 'phone'],
  [/^(tags?|labels?|categories|category|groups?|group membership|标签)$/, 'tags'],
  [/^(notes?|comments?|description|remarks?|notizen?|bemerkungen?|备注)$/, 'notes'],
  [/^(subject|topic|about|deal|regarding)$/, 'subject'],
  [/^(kind|type|contact type|relationship)$/, 'kind'],
  [/^(cadence|rrule|recurrence)$/, 'cadence']
]

export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const [pattern, field] of SYNONYMS) {
    for (const h of headers) {
      if (h in mapping) continue
      if (pattern.test(h.trim().toLowerCase().replace(/[_.]+/g, ' '))) mapping[h] = field
    }
  }
  return mapping
}

export function mappingFor(dialect: CsvDialect, headers: readonly string[]): ColumnMapping {
  if (dialect === 'csv-google') return googleMapping(headers)
  if (dialect === 'csv-outlook') return outlookMapping(headers)
  return guessMapping(headers)
}

export function previewMapping(table: CsvTable): MappingPreview {
  return { headers: table.headers, mapping: guessMapping(table.headers), sampleRows: table.rows.slice(0, SAMPLE_ROWS) }
}

export function hasNameColumn(mapping: ColumnMapping): boolean {
  return Object.values(mapping).some((f) => f === 'name' || f === 'givenName' || f === 'familyName')
}

/** Rejects a mapping the caller built by hand that cannot work, before anything is read. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[], fileName: string): void {
  const unknown = Object.keys(mapping).filter((h) => !headers.includes(h))
  if (unknown.length > 0) {
    throw new ImportError('unknown-columns', `${fileName}: the mapping names columns the file does not have: ${unknown.join(', ')}. Its columns are: ${headers.join(', ')}.`)
  }
  if (!hasNameColumn(mapping)) {
    throw new ImportError(
      'no-name-column',
      `${fileName}: no column holds the contacts' names (looked for Name, Full Name, First/Last Name…). ` +
        `Its columns are: ${headers.join(', ')}. Map one of them to "name".`
    )
  }
}

// Our own CSV export (and other careful exporters) prefix cells that start like a formula
// with "'"; take it off again so phone numbers like +49… come back as they were.
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}

// Google drops its built-in groups into the label list: "* myContacts", "* starred".
function cleanTag(tag: string): string | undefined {
  if (/^\*\s*mycontacts$/i.test(tag)) return undefined
  return tag.replace(/^\*\s*/, '') || undefined
}

/** Google packs several values into one cell with " ::: "; the first one is the primary. */
function firstValue(cell: string): string {
  return cell.split(/\s*:::\s*/)[0] ?? ''
}

/**
 * Turns CSV data rows into contact records one row at a time, so a file can be read as a stream
 * and only what is kept stays in memory. `keep` may copy a record before it is stored (the
 * streaming reader uses it so a record does not hold on to the chunk of text it was cut from).
 */
export class CsvRecordBuilder {
  readonly records: ImportRecord[] = []
  readonly errors: RowError[] = []
  private readonly columns: { index: number; field: ContactField }[]
  private rowsSeen = 0

  constructor(
    private readonly headers: readonly string[],
    mapping: ColumnMapping,
    private readonly keep: (record: ImportRecord) => ImportRecord = (r) => r
  ) {
    this.columns = Object.entries(mapping)
      .map(([header, field]) => ({ index: headers.indexOf(header), field }))
      .filter((c) => c.index >= 0)
  }

  /** The next data row; `problem` is what the CSV parser found wrong with it, if anything. */
  add(cells: readonly string[], problem?: string): void {
    const row = this.rowsSeen++ + 2
    if (problem) {
      this.errors.push(rowProblem(row, 'malformed-row', problem))
      return
    }
    if (cells.length > this.headers.length && cells.slice(this.headers.length).some((c) => c.trim() !== '')) {
      this.errors.push(rowProblem(row, 'too-many-cells', `has ${cells.length} cells but the header has ${this.headers.length}; check for a missing quote`))
      return
    }
    const parts: Partial<Record<ContactField, string>> = {}
    const tags: string[] = []
    const notes: string[] = []
    for (const { index, field } of this.columns) {
      const cell = unescapeFormula((cells[index] ?? '').trim())
      if (cell === '') continue
      if (field === 'tags') tags.push(...splitTags(cell).flatMap((t) => cleanTag(t) ?? []))
      else if (field === 'notes') notes.push(cell)
      else if (parts[field] === undefined) parts[field] = field === 'email' || field === 'phone' ? firstValue(cell) : cell
    }
    const contact: RawContact = {
      name: parts.name ?? personName(parts.givenName, parts.middleName, parts.familyName) ?? parts.org ?? parts.email,
      org: parts.org,
      email: parts.email,
      phone: parts.phone,
      tags: uniqueTags(tags),
      notes: notes.length > 0 ? notes.join('\n\n') : undefined,
      subject: parts.subject,
      kind: parts.kind?.toLowerCase(),
      cadence: parts.cadence
    }
    this.records.push(this.keep({ row, contact }))
  }
}

export function csvRecords(table: CsvTable, mapping: ColumnMapping): ParsedRecords {
  const builder = new CsvRecordBuilder(table.headers, mapping)
  table.rows.forEach((cells, i) => builder.add(cells, table.rowProblems.get(i)))
  return { records: builder.records, errors: builder.errors }
}

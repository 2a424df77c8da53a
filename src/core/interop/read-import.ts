import {
  CsvRecordBuilder,
  checkMapping,
  detectDialect,
  guessMapping,
  hasNameColumn,
  mappingFor,
  parseCsv,
  SAMPLE_ROWS,
  type ColumnMapping,
  type CsvDialect,
  type MappingPreview
} from './csv-import'
import { detectFormat } from './detect-format'
import { ImportError } from './errors'
import type { ImportRecord, ParsedRecords, RowError } from './records'
import { CardSplitter, cardRecord, type RawCard } from './vcard-import'

export type ImportFormat = CsvDialect | 'vcard'

export interface ReadImport extends ParsedRecords {
  format: ImportFormat
  /** Set for a CSV that is neither Google's nor Outlook's: what we guessed, for the person to check. */
  mappingPreview?: MappingPreview
}

/** What a reader may do with each record before keeping it (e.g. copy it out of a larger text). */
export type KeepRecord = (record: ImportRecord) => ImportRecord

/**
 * A CSV read row by row: the first row is the header, which decides the dialect and the mapping
 * (or refuses the file); every later row becomes a record or a row error.
 */
export class CsvImport {
  private builder: CsvRecordBuilder | undefined
  private dialect: CsvDialect = 'csv'
  private preview: MappingPreview | undefined

  constructor(
    private readonly fileName: string,
    private readonly mapping?: ColumnMapping,
    private readonly keep?: KeepRecord
  ) {}

  /** The next parsed row, the header first; `problem` is what the CSV parser found wrong with it. */
  row(cells: readonly string[], problem?: string): void {
    if (!this.builder) return this.header(cells)
    if (this.preview && this.preview.sampleRows.length < SAMPLE_ROWS) this.preview.sampleRows.push([...cells])
    this.builder.add(cells, problem)
  }

  finish(): ReadImport {
    if (!this.builder) throw noHeader(this.fileName)
    const { records, errors } = this.builder
    return { format: this.dialect, records, errors, ...(this.preview ? { mappingPreview: this.preview } : {}) }
  }

  private header(cells: readonly string[]): void {
    const headers = cells.map((h) => h.replace(/^\uFEFF/, '').trim())
    if (headers.every((h) => h === '')) throw noHeader(this.fileName)
    this.dialect = detectDialect(headers)
    if (this.dialect === 'csv') this.preview = { headers, mapping: guessMapping(headers), sampleRows: [] }
    if (this.mapping) {
      checkMapping(this.mapping, headers, this.fileName)
    } else if (!hasNameColumn(mappingFor(this.dialect, headers))) {
      throw new ImportError(
        'no-name-column',
        `${this.fileName} is not a contacts file we can read: no column holds names (looked for Name, Full Name, First/Last Name…). ` +
          `Its columns are: ${headers.slice(0, 20).join(', ')}${headers.length > 20 ? ', …' : ''}. ` +
          `Pass a mapping that says which column is the name.`
      )
    }
    this.builder = new CsvRecordBuilder(headers, this.mapping ?? mappingFor(this.dialect, headers), this.keep)
  }
}

const noHeader = (fileName: string) =>
  new ImportError('no-header', `${fileName} has no header row. The first line of a CSV must name its columns (e.g. Name,Email).`)

/** A vCard file read line by line; each card is parsed as soon as it ends. */
export class VcardImport {
  private readonly splitter = new CardSplitter()
  private readonly records: ImportRecord[] = []
  private readonly errors: RowError[] = []

  constructor(
    private readonly fileName: string,
    private readonly keep: KeepRecord = (r) => r
  ) {}

  line(text: string): void {
    const card = this.splitter.push(text)
    if (card) this.read(card)
  }

  finish(): ReadImport {
    const last = this.splitter.end()
    if (last) this.read(last)
    if (this.records.length + this.errors.length === 0) {
      throw new ImportError('no-cards', `${this.fileName} has no BEGIN:VCARD … END:VCARD cards to import.`)
    }
    return { format: 'vcard', records: this.records, errors: this.errors }
  }

  private read(card: RawCard): void {
    const read = cardRecord(card)
    if ('record' in read) this.records.push(this.keep(read.record))
    else this.errors.push(read.error)
  }
}

/**
 * Any import file already in memory → contact records and per-row errors. Throws ImportError
 * (and nothing else) when the file as a whole cannot be a contacts file: then nothing may be
 * imported from it. A file on disk is streamed through the same readers (service/import-file).
 */
export function readImportFile(fileName: string, text: string, mapping?: ColumnMapping): ReadImport {
  if (detectFormat(text, fileName) === 'vcard') {
    const vcard = new VcardImport(fileName)
    for (const line of text.split(/\r\n|\r|\n/)) vcard.line(line)
    return vcard.finish()
  }
  const table = parseCsv(text)
  const csv = new CsvImport(fileName, mapping)
  csv.row(table.headers)
  table.rows.forEach((cells, i) => csv.row(cells, table.rowProblems.get(i)))
  return csv.finish()
}

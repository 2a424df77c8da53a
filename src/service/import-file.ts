import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import Papa from 'papaparse'
import { CsvImport, ImportError, VcardImport, detectFormat, type ImportRecord, type ImportReport, type ReadImport } from '../core/interop'
import { columnsOnlyReport } from '../core/interop/column-preview'
import { MAX_IMPORT_BYTES, describeSize } from '../core/interop/limits'
import type { ColumnMapping } from '../core/interop/csv-import'

/** Enough of the start of a file to tell CSV from vCard, JSON, iCalendar or binary. */
const HEAD_BYTES = 64 * 1024

export interface ReadProgress {
  (bytesRead: number, bytesTotal: number): void
}

/**
 * Reads an import file from disk as a stream: refused at once if it is not a regular file or is
 * larger than MAX_IMPORT_BYTES, then parsed a chunk at a time (papaparse for CSV, line by line
 * for vCard). Only the records are kept, each copied out of the chunk it was cut from, so memory
 * follows what is imported rather than the size of the file. Errors reading the file are thrown
 * as they come from the file system, for the caller to name the file.
 */
export async function readImportFromDisk(path: string, mapping: ColumnMapping | undefined, onRead?: ReadProgress): Promise<ReadImport> {
  const info = await stat(path)
  if (!info.isFile()) {
    throw new ImportError('not-a-file', `${path} is not a file (it is a folder, a device or a pipe). Import a CSV file or a vCard (.vcf) file.`)
  }
  if (info.size > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too-large',
      `${path} is ${describeSize(info.size)}; Touchbase imports files up to ${describeSize(MAX_IMPORT_BYTES)}. ` +
        'Nothing was imported. Split the file, or export fewer fields (a vCard export with photos is the usual culprit).'
    )
  }
  const head = await readHead(path)
  const format = detectFormat(head, path, info.size <= HEAD_BYTES)
  const progress = throttled(onRead, info.size)
  return format === 'vcard' ? readVcard(path, progress) : readCsv(path, mapping, progress)
}

/** See columnsOnlyReport: the header and first rows of a CSV that has no name column, or null. */
export async function readImportColumns(path: string): Promise<ImportReport | null> {
  const info = await stat(path)
  if (!info.isFile() || info.size > MAX_IMPORT_BYTES) return null
  return columnsOnlyReport(path, await readHead(path), info.size <= HEAD_BYTES)
}

async function readHead(path: string): Promise<string> {
  const file = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0)
    // A character cut at the end of the head decodes as one U+FFFD; detectFormat tolerates that.
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await file.close()
  }
}

function readCsv(path: string, mapping: ColumnMapping | undefined, progress: (bytes: number) => void): Promise<ReadImport> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: HEAD_BYTES })
  const csv = new CsvImport(path, mapping, detach)
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      input.destroy()
      reject(error)
    }
    Papa.parse<string[]>(input as unknown as File, {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t', '|'],
      step: (result, parser) => {
        try {
          // A single-column file has no delimiter to detect; that is not a problem with a row.
          const problem = result.errors.find((e) => e.type !== 'Delimiter')?.message
          csv.row(result.data, problem)
          progress(input.bytesRead)
        } catch (error) {
          // Rejected first: abort() calls `complete` at once, whose own error (no rows yet) would win.
          fail(error)
          parser.abort()
        }
      },
      complete: () => {
        try {
          resolve(csv.finish())
        } catch (error) {
          reject(error)
        }
      },
      error: fail
    })
  })
}

async function readVcard(path: string, progress: (bytes: number) => void): Promise<ReadImport> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: HEAD_BYTES })
  const vcard = new VcardImport(path, detach)
  // readline ends lines at \n, \r\n and a lone \r, as the in-memory reader does.
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    vcard.line(line)
    progress(input.bytesRead)
  }
  return vcard.finish()
}

/**
 * A copy of a record whose strings no longer point into the text they were cut from. V8 keeps a
 * substring as a view of its parent string, so one kept name would keep its whole 64 KB chunk (or
 * a whole card with its photo) alive; Buffer round-tripping makes a string of its own.
 */
function detach(record: ImportRecord): ImportRecord {
  const contact = { ...record.contact }
  for (const [key, value] of Object.entries(contact)) {
    if (typeof value === 'string') (contact as Record<string, unknown>)[key] = own(value)
    else if (Array.isArray(value)) (contact as Record<string, unknown>)[key] = value.map((v) => (typeof v === 'string' ? own(v) : v))
  }
  return { ...record, contact }
}

const own = (text: string) => Buffer.from(text, 'utf8').toString('utf8')

/** Calls `onRead` at most every 1% of the file, so a progress display does not cost more than the reading. */
function throttled(onRead: ReadProgress | undefined, total: number): (bytes: number) => void {
  if (!onRead) return () => {}
  const step = Math.max(1, Math.floor(total / 100))
  let next = 0
  return (bytes) => {
    if (bytes < next) return
    next = bytes + step
    onRead(Math.min(bytes, total), total)
  }
}

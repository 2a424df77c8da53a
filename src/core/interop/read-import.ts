import { checkMapping, csvRecords, detectDialect, hasNameColumn, mappingFor, parseCsv, previewMapping, type ColumnMapping, type CsvDialect, type MappingPreview } from './csv-import'
import { detectFormat } from './detect-format'
import { ImportError } from './errors'
import type { ParsedRecords } from './records'
import { vcardRecords } from './vcard-import'

export type ImportFormat = CsvDialect | 'vcard'

export interface ReadImport extends ParsedRecords {
  format: ImportFormat
  /** Set for a CSV that is neither Google's nor Outlook's: what we guessed, for the person to check. */
  mappingPreview?: MappingPreview
}

/**
 * Any import file → contact records and per-row errors. Throws ImportError (and nothing else)
 * when the file as a whole cannot be a contacts file: then nothing may be imported from it.
 */
export function readImportFile(fileName: string, text: string, mapping?: ColumnMapping): ReadImport {
  if (detectFormat(text, fileName) === 'vcard') {
    const parsed = vcardRecords(text)
    if (parsed.records.length + parsed.errors.length === 0) {
      throw new ImportError('no-cards', `${fileName} has no BEGIN:VCARD … END:VCARD cards to import.`)
    }
    return { format: 'vcard', ...parsed }
  }
  const table = parseCsv(text)
  if (table.headers.every((h) => h === '')) {
    throw new ImportError('no-header', `${fileName} has no header row. The first line of a CSV must name its columns (e.g. Name,Email).`)
  }
  const dialect = detectDialect(table.headers)
  const preview = dialect === 'csv' ? previewMapping(table) : undefined
  if (mapping) {
    checkMapping(mapping, table.headers, fileName)
  } else if (!hasNameColumn(mappingFor(dialect, table.headers))) {
    throw new ImportError(
      'no-name-column',
      `${fileName} is not a contacts file we can read: no column holds names (looked for Name, Full Name, First/Last Name…). ` +
        `Its columns are: ${table.headers.slice(0, 20).join(', ')}${table.headers.length > 20 ? ', …' : ''}. ` +
        `Pass a mapping that says which column is the name.`
    )
  }
  const used = mapping ?? mappingFor(dialect, table.headers)
  return { format: dialect, ...csvRecords(table, used), ...(preview ? { mappingPreview: preview } : {}) }
}

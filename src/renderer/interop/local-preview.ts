import { hasNameColumn, parseCsv, previewMapping } from '../../core/interop/csv-import'
import { detectFormat } from '../../core/interop/detect-format'
import type { ImportReport } from '../../core/interop/requests'

// The header and a few sample rows are all the mapping needs; a 50 MB file is not parsed twice.
const HEAD_CHARS = 64 * 1024

/**
 * When the service refuses a CSV only because no column looks like a name, it sends no column
 * preview back. The same pure core code reads the columns here, so the person can point at the
 * name column instead of being sent away. Anything else (binary, JSON, iCalendar, no header)
 * stays a plain refusal.
 */
export function mappingOnlyReport(fileName: string, text: string): ImportReport | null {
  try {
    if (detectFormat(text, fileName) !== 'csv') return null
  } catch {
    return null
  }
  const head = text.length > HEAD_CHARS ? text.slice(0, text.lastIndexOf('\n', HEAD_CHARS) + 1 || HEAD_CHARS) : text
  const table = parseCsv(head)
  if (table.headers.every((h) => h === '')) return null
  const mappingPreview = previewMapping(table)
  if (hasNameColumn(mappingPreview.mapping)) return null
  return { format: 'csv', dryRun: true, added: [], merged: [], skipped: [], errors: [], mappingPreview }
}

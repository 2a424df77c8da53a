import { hasNameColumn, parseCsv, previewMapping } from './csv-import'
import { detectFormat } from './detect-format'
import type { ImportReport } from './requests'

/**
 * When a CSV is refused only because no column looks like a name, the refusal carries no column
 * preview. This reads the columns and the first rows from the start of the file (`head`; `whole`
 * when it is the entire file), so the person can point at the name column instead of being sent
 * away. Anything else (binary, JSON, iCalendar, no header, a file that has a name column) is null:
 * a plain refusal stays one.
 */
export function columnsOnlyReport(fileName: string, head: string, whole: boolean): ImportReport | null {
  try {
    if (detectFormat(head, fileName, whole) !== 'csv') return null
  } catch {
    return null
  }
  // A head cut mid-row would show a half row: keep whole lines only.
  const lines = whole ? head : head.slice(0, head.lastIndexOf('\n') + 1) || head
  const table = parseCsv(lines)
  if (table.headers.every((h) => h === '')) return null
  const mappingPreview = previewMapping(table)
  if (hasNameColumn(mappingPreview.mapping)) return null
  return { format: 'csv', dryRun: true, added: [], merged: [], skipped: [], errors: [], mappingPreview }
}

import Papa from 'papaparse'
import { toContactView } from '../contact-view'
import type { TouchbaseDocument } from '../model'
import { toZoned } from '../time'

export interface ExportContext {
  now: Date
  timeZone: string
}

// Header names that our own CSV import (guessMapping) maps back to the same fields.
const COLUMNS = [
  'Name',
  'Organization',
  'Kind',
  'Email',
  'Phone',
  'Tags',
  'Notes',
  'Subject',
  'Cadence',
  'Status',
  'Touch count',
  'Last touch',
  'Next follow-up',
  'Created',
  'ID'
] as const

/** Local wall-clock time, which spreadsheets read as a date; ISO instants they show as text. */
function local(instant: string | null, timeZone: string): string {
  return instant ? toZoned(instant, timeZone).toFormat('yyyy-MM-dd HH:mm') : ''
}

/**
 * Cells a spreadsheet would run as a formula: those starting with = + - @, tab or CR, whatever
 * follows. papaparse's own `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, whose "." stops
 * at a line break, so a multi-line "=HYPERLINK(…)\nline2" cell slipped through.
 */
export const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A spreadsheet-friendly CSV of all contacts. Cells that a spreadsheet would run as a formula
 * get a leading "'" (CSV injection); the UTF-8 BOM makes Excel read the file as UTF-8 instead
 * of the system code page.
 */
export function contactsToCsv(doc: TouchbaseDocument, ctx: ExportContext): string {
  // One context for the whole list: the views' caches (today, the settings' key) are kept per context.
  const viewContext = { now: ctx.now, timeZone: ctx.timeZone, settings: doc.settings }
  const rows = doc.contacts.map((contact) => {
    const v = toContactView(contact, viewContext)
    return [
      v.name,
      v.org ?? '',
      v.kind,
      v.email ?? '',
      v.phone ?? '',
      v.tags.join('; '),
      v.notes ?? '',
      v.subject ?? '',
      v.cadence ?? '',
      v.status,
      v.touchCount,
      local(v.lastTouchAt, ctx.timeZone),
      local(v.nextDueAt, ctx.timeZone),
      local(v.createdAt, ctx.timeZone),
      v.id
    ]
  })
  return Papa.BYTE_ORDER_MARK + Papa.unparse({ fields: [...COLUMNS], data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' }) + '\r\n'
}

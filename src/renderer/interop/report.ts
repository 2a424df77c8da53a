import type { ImportReport } from '../../core/interop/requests'

export type DuplicateChoice = 'merge' | 'skip'
export type MatchedBy = 'email' | 'phone' | 'nameOrg'

/** One row that matches a contact, whichever way it is currently decided. */
export interface DuplicateRow {
  row: number
  name: string
  choice: DuplicateChoice
  into?: string
  intoRow?: number
  matchedBy?: MatchedBy
  /** The service's own words, when its reason could not be read (shown as is). */
  reason?: string
}

const MATCHED_BY: Record<string, MatchedBy> = { email: 'email', phone: 'phone', 'name and organisation': 'nameOrg' }

// The report gives a skipped row only an English sentence, while a merged row has `into` and
// `matchedBy` as data. Reading them back out of the sentence lets the preview speak Chinese;
// anything unexpected falls back to showing the sentence itself.
const SKIP_REASON = /^duplicate of "(.*)"(?: \(row (\d+) of this file\))? \(same (email|phone|name and organisation)\)/

export function readSkipReason(reason: string): Pick<DuplicateRow, 'into' | 'intoRow' | 'matchedBy'> | null {
  const m = SKIP_REASON.exec(reason)
  if (!m) return null
  return { into: m[1], ...(m[2] ? { intoRow: Number(m[2]) } : {}), matchedBy: MATCHED_BY[m[3]!] }
}

export function duplicateRows(report: ImportReport): DuplicateRow[] {
  const merged = report.merged.map<DuplicateRow>((m) => ({
    row: m.row,
    name: m.name,
    choice: 'merge',
    into: m.into,
    ...(m.intoRow !== undefined ? { intoRow: m.intoRow } : {}),
    ...(MATCHED_BY[m.matchedBy] ? { matchedBy: MATCHED_BY[m.matchedBy] } : {})
  }))
  const skipped = report.skipped.map<DuplicateRow>((s) => ({ row: s.row, name: s.name, choice: 'skip', ...(readSkipReason(s.reason) ?? { reason: s.reason }) }))
  return [...merged, ...skipped].sort((a, b) => a.row - b.row)
}

/** 'merge' or 'skip' when every duplicate is decided the same way, else 'mixed'. */
export function overallChoice(rows: readonly DuplicateRow[]): DuplicateChoice | 'mixed' {
  if (rows.every((r) => r.choice === 'merge')) return 'merge'
  if (rows.every((r) => r.choice === 'skip')) return 'skip'
  return 'mixed'
}

export const willChange = (report: ImportReport) => report.added.length + report.merged.length > 0

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

export function duplicateRows(report: ImportReport): DuplicateRow[] {
  const merged = report.merged.map<DuplicateRow>((m) => ({
    row: m.row,
    name: m.name,
    choice: 'merge',
    into: m.into,
    ...(m.intoRow !== undefined ? { intoRow: m.intoRow } : {}),
    ...(MATCHED_BY[m.matchedBy] ? { matchedBy: MATCHED_BY[m.matchedBy] } : {})
  }))
  const skipped = report.skipped.map<DuplicateRow>((s) => ({
    row: s.row,
    name: s.name,
    choice: 'skip',
    into: s.into,
    ...(s.intoRow !== undefined ? { intoRow: s.intoRow } : {}),
    ...(MATCHED_BY[s.matchedBy] ? { matchedBy: MATCHED_BY[s.matchedBy] } : { reason: s.reason })
  }))
  return [...merged, ...skipped].sort((a, b) => a.row - b.row)
}

/** 'merge' or 'skip' when every duplicate is decided the same way, else 'mixed'. */
export function overallChoice(rows: readonly DuplicateRow[]): DuplicateChoice | 'mixed' {
  if (rows.every((r) => r.choice === 'merge')) return 'merge'
  if (rows.every((r) => r.choice === 'skip')) return 'skip'
  return 'mixed'
}

export const willChange = (report: ImportReport) => report.added.length + report.merged.length > 0

import type { TFunction } from 'i18next'
import { ISSUE_CODES } from '../../core/issues'
import { ROW_PROBLEMS, type RawContact, type RowError, type RowIssue } from '../../core/interop/records'

// A row's problem names its field (unlike a form, where the message sits beside it).
const FIELD_LABELS = {
  name: 'form.name',
  org: 'form.org',
  email: 'form.email',
  phone: 'form.phone',
  tags: 'form.tags',
  notes: 'form.notes',
  subject: 'form.subject',
  kind: 'form.kind',
  cadence: 'form.cadence'
} as const satisfies Record<keyof RawContact, string>

const KNOWN: readonly string[] = [...ISSUE_CODES, ...ROW_PROBLEMS]

function rowIssueText(issue: RowIssue, t: TFunction): string {
  const label = issue.field in FIELD_LABELS ? t(FIELD_LABELS[issue.field as keyof RawContact]) : issue.field
  return t(`import.rowIssue.${issue.code}`, { field: label, max: issue.max })
}

/** What is wrong with an import row in the UI language; the service's English only if it sent no codes we know. */
export function rowErrorText(error: RowError, t: TFunction): string {
  const issues = error.issues ?? []
  if (issues.length === 0 || !issues.every((i) => KNOWN.includes(i.code))) return error.message
  return [...new Set(issues.map((i) => rowIssueText(i, t)))].join(t('import.issueJoin'))
}

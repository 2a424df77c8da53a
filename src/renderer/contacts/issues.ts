import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { issueCodes, type FieldIssue, type IssueCode } from '../../core/issues'

// Beside a field the field is already named, so these messages leave it out.
const FIELD_MESSAGES = {
  required: 'validation.required',
  'too-long': 'validation.tooLong',
  'invalid-email': 'validation.email',
  'invalid-rrule': 'validation.rrule',
  'rrule-too-frequent': 'validation.rruleTooFrequent',
  'rrule-never-occurs': 'validation.rruleNeverOccurs',
  'invalid-date': 'validation.date',
  'unknown-kind': 'validation.invalid',
  invalid: 'validation.invalid'
} as const satisfies Record<IssueCode, string>

/**
 * The shared schema's issue in the UI language. The schemas speak English to the CLI; here the
 * issue's code (core/issues) picks a catalog message instead.
 */
export function issueText(issue: FieldIssue, t: TFunction): string {
  return t(FIELD_MESSAGES[issue.code], { max: issue.max })
}

/** Field errors keyed by the top-level field, first issue per field. */
export function fieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issueCodes(error)) errors[issue.field] ??= issueText(issue, t)
  return errors
}

/** The service's issues come as "field: message" lines (describeIssues); split off the field. */
export function serviceFieldOf(line: string): string | null {
  const match = /^([a-zA-Z]+)(?:\.\d+)?: /.exec(line)
  return match ? match[1]! : null
}

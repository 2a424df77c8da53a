import type { TFunction } from 'i18next'
import type { z } from 'zod'

/**
 * The shared schema's issue in the UI language. The schemas speak English to the CLI; here the
 * issue's code and field pick a catalog message instead.
 */
export function localizeIssue(issue: z.core.$ZodIssue, t: TFunction): string {
  const field = issue.path[0]
  if (field === 'cadence') return t('validation.rrule')
  if (field === 'email' && issue.code === 'custom') return t('validation.email')
  if (issue.code === 'too_small') return t('validation.required')
  if (issue.code === 'too_big') return t('validation.tooLong', { max: Number(issue.maximum) })
  return t('validation.invalid')
}

/** Field errors keyed by the top-level field, first issue per field. */
export function fieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '')
    errors[key] ??= localizeIssue(issue, t)
  }
  return errors
}

/** The service's issues come as "field: message" lines (describeIssues); split off the field. */
export function serviceFieldOf(line: string): string | null {
  const match = /^([a-zA-Z]+)(?:\.\d+)?: /.exec(line)
  return match ? match[1]! : null
}

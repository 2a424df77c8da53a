import type { z } from 'zod'

/**
 * What is wrong with a field, as a small stable vocabulary. The schemas' messages are English
 * sentences for the CLI; these codes are what other languages translate, so they must not
 * change with zod's wording.
 */
export const ISSUE_CODES = [
  'required',
  'too-long',
  'invalid-email',
  'invalid-rrule',
  'rrule-too-frequent',
  'rrule-never-occurs',
  'invalid-date',
  'unknown-kind',
  'invalid'
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

export interface FieldIssue {
  /** The top-level field (`tags` for `tags.2`); '' when the problem is with the whole value. */
  field: string
  code: IssueCode
  /** too-long: the most characters allowed. */
  max?: number
}

const isIssueCode = (value: unknown): value is IssueCode => typeof value === 'string' && (ISSUE_CODES as readonly string[]).includes(value)

/** One zod issue → its field and code. */
export function issueCode(issue: z.core.$ZodIssue): FieldIssue {
  const field = issue.path.length > 0 ? String(issue.path[0]) : ''
  return { field, ...codeOf(issue, field) }
}

/** Every issue of a zod error as field + code, in zod's order. */
export function issueCodes(error: z.ZodError): FieldIssue[] {
  return error.issues.map(issueCode)
}

function codeOf(issue: z.core.$ZodIssue, field: string): Pick<FieldIssue, 'code' | 'max'> {
  switch (issue.code) {
    // Our own refinements name their code in `params` (see core/model), since their message is prose.
    case 'custom':
      return { code: isIssueCode(issue.params?.code) ? issue.params.code : 'invalid' }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid-email' }
      return { code: issue.format === 'datetime' || issue.format === 'date' ? 'invalid-date' : 'invalid' }
    // The only minimum a text field has is "not empty".
    case 'too_small':
      return { code: issue.origin === 'string' ? 'required' : 'invalid' }
    case 'too_big':
      return issue.origin === 'string' ? { code: 'too-long', max: Number(issue.maximum) } : { code: 'invalid' }
    case 'invalid_value':
      return { code: field === 'kind' ? 'unknown-kind' : 'invalid' }
    // zod reports the input only when asked (reportInput); without it a wrong type counts as
    // missing, which is how a person's input gets here: forms and files send text or nothing.
    case 'invalid_type':
      return { code: issue.input === undefined || issue.input === null ? 'required' : 'invalid' }
    default:
      return { code: 'invalid' }
  }
}

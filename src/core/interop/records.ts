import type { IssueCode } from '../issues'

/** What every importer produces and the import plan consumes: one contact per row or card. */

/** The contact fields a column can be mapped to. Name parts are joined into `name`. */
export const CONTACT_FIELDS = [
  'name',
  'givenName',
  'middleName',
  'familyName',
  'org',
  'email',
  'phone',
  'tags',
  'notes',
  'subject',
  'kind',
  'cadence'
] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

/** The fields of a row, still as text; validated later by ContactInputSchema in the plan. */
export interface RawContact {
  name?: string
  org?: string
  email?: string
  phone?: string
  tags?: string[]
  notes?: string
  subject?: string
  kind?: string
  cadence?: string
}

export interface ImportRecord {
  /** CSV: the spreadsheet row (the header is row 1). vCard: the card's position, from 1. */
  row: number
  /** vCard: the line the card starts on. */
  line?: number
  contact: RawContact
}

/**
 * Problems with a row as a whole, beside the field codes of core/issues: a CSV row the parser
 * could not split, one with more cells than the header, a vCard that is not a card.
 */
export const ROW_PROBLEMS = ['malformed-row', 'too-many-cells', 'unreadable-card'] as const
export type RowProblem = (typeof ROW_PROBLEMS)[number]

export interface RowIssue {
  /** The top-level field; '' for a problem with the whole row. */
  field: string
  code: IssueCode | RowProblem
  max?: number
}

export interface RowError {
  row: number
  line?: number
  /** English, for the CLI and as the fallback when a front cannot say it by `issues`. */
  message: string
  /** The same problems as codes a front translates. */
  issues?: RowIssue[]
}

/** A problem with the whole row, in both forms. */
export function rowProblem(row: number, code: RowProblem, message: string, line?: number): RowError {
  return { row, ...(line ? { line } : {}), message, issues: [{ field: '', code }] }
}

export interface ParsedRecords {
  records: ImportRecord[]
  errors: RowError[]
}

/** "A; b, c ::: d" → ["A", "b", "c", "d"]; every exporter separates labels differently. */
export function splitTags(text: string): string[] {
  return text
    .split(/\s*:::\s*|[;,]/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
}

export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const tag of tags) {
    const key = tag.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(tag)
  }
  return out
}

/** Full name from its parts, for sources that only have given/middle/family names. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/**
 * A display name from its parts. Chinese, Japanese and Korean names are written family name
 * first with no space (陈美玲, not "美玲 陈"); others as "given middle family".
 */
export function personName(given?: string, middle?: string, family?: string): string | undefined {
  const parts = [given, middle, family].map((p) => p?.trim()).filter((p): p is string => Boolean(p))
  if (parts.length > 0 && parts.every((p) => CJK.test(p))) return [family, given, middle].map((p) => p?.trim() ?? '').join('')
  return joinName(...parts)
}

export function joinName(...parts: (string | undefined)[]): string | undefined {
  const joined = parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(' ')
  return joined || undefined
}

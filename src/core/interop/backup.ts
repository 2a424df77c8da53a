import type { TouchbaseDocument } from '../model'

/**
 * The JSON backup: the whole document with keys sorted at every level and a trailing
 * newline, so the same data always gives the same bytes (diffable, comparable by hash).
 * Restoring goes through migrate(), which validates it and brings old versions up to date.
 */
export function serializeBackup(doc: TouchbaseDocument): string {
  return JSON.stringify(sortKeys(doc), null, 2) + '\n'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]))
}

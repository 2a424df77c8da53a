import { matchByName } from '../core/filters'
import { ServiceError, type TouchbaseService } from '../service'

/**
 * What a person types for a contact on the command line: its id, a unique start of the id, or a
 * name ("touchbase touch karen"). Several name matches are an error that lists them, so the
 * person can give more of the name or the id.
 */
export async function resolveContactRef(service: TouchbaseService, ref: string): Promise<string> {
  try {
    return (await service.get(ref)).id
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== 'not-found') throw error
  }
  const matches = matchByName(await service.list(), ref)
  if (matches.length === 1) return matches[0]!.id
  if (matches.length === 0) {
    throw new ServiceError('not-found', `No contact with the id or name "${ref}". List them with: touchbase list`, [], 'not-found')
  }
  const shown = matches.slice(0, 5).map((c) => `  ${c.id}  ${c.name}${c.org ? ` (${c.org})` : ''}`)
  const more = matches.length > shown.length ? [`  …and ${matches.length - shown.length} more`] : []
  throw new ServiceError('conflict', [`"${ref}" matches ${matches.length} contacts; give more of the name, or the id:`, ...shown, ...more].join('\n'), [], 'ambiguous-id')
}

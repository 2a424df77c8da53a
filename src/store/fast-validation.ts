import { DocumentTopSchema, type Contact, type TouchbaseDocument } from '../core/model'
import { isValidRrule } from '../core/rrule-text'
import { validateContact } from './document-validator.generated'

/*
 * Full validation of a loaded contact, several times faster than zod: the JSON Schema rules of
 * ContactSchema run as ahead-of-time compiled code, and the few rules JSON Schema cannot say
 * (trimmed text must not be empty, a cadence must be a rule that occurs, a board name must not
 * be a personal database's, unique touch ids) run here. It only ever says yes when zod would
 * (tests/store/document-validator.test.ts checks that); when it says no, the caller asks zod,
 * which explains what is wrong. The rest of the document is small, and zod checks it.
 *
 * When you add a refinement to ContactSchema or TouchSchema in core/model.ts, add it here too.
 */

/** One contact, including unique touch ids (unique contact ids are the caller's). */
export function passesFastContactValidation(raw: unknown): raw is Contact {
  if (!(validateContact as (data: unknown) => boolean)(raw)) return false
  const contact = raw as Contact
  if (isBlank(contact.name) || contact.tags.some(isBlank)) return false
  if (contact.cadence !== undefined && !isRule(contact.cadence)) return false
  if (contact.owner !== undefined && isBlank(contact.owner)) return false
  if (contact.board !== undefined && contact.board.trim().startsWith('userdb-')) return false
  return !hasDuplicateTouchIds(contact.touches)
}

/** Allocation-free for the usual few dozen touches (a load checks 100,000 of them). */
function hasDuplicateTouchIds(touches: readonly { id: string }[]): boolean {
  if (touches.length > 64) return new Set(touches.map((t) => t.id)).size !== touches.length
  for (let i = 1; i < touches.length; i++) {
    const id = touches[i]!.id
    for (let j = 0; j < i; j++) if (touches[j]!.id === id) return true
  }
  return false
}

/** The whole document at once (tests; the store checks contact by contact). */
export function passesFastValidation(raw: unknown): raw is TouchbaseDocument {
  if (!DocumentTopSchema.safeParse(raw).success || !Array.isArray((raw as TouchbaseDocument).contacts)) return false
  const ids = new Set<string>()
  for (const contact of (raw as TouchbaseDocument).contacts) {
    if (!passesFastContactValidation(contact) || ids.has(contact.id)) return false
    ids.add(contact.id)
  }
  return true
}

// zod trims first and then checks; JavaScript's trim and \S agree on what white space is.
// (One RegExp for all calls: a literal inside the function would make a new one each time.)
const NOT_SPACE = /\S/
const isBlank = (text: string) => !NOT_SPACE.test(text)

/** Real files hold a handful of distinct rules; core's rruleProblem checks each text once per process. */
function isRule(text: string): boolean {
  return !isBlank(text) && isValidRrule(text.trim())
}

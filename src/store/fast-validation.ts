import type { Contact, TouchbaseDocument } from '../core/model'
import { isValidRrule } from '../core/rrule-text'
import { validateContact, validateDocumentTop } from './document-validator.generated'

/*
 * Full validation of a loaded document, several times faster than zod: the JSON Schema rules
 * of DocumentSchema run as ahead-of-time compiled code, and the few rules JSON Schema cannot
 * say (trimmed text must not be empty, a cadence must be a rule that occurs, unique ids) run
 * here. It only ever says yes when DocumentSchema would (tests/store/document-validator.test.ts
 * checks that); when it says no, the caller asks zod, which explains what is wrong.
 *
 * When you add a refinement to the stored schemas in core/model.ts, add it here too.
 */

/** Everything but the contacts (checked one by one with passesFastContactValidation). */
export function passesFastTopValidation(raw: unknown): raw is TouchbaseDocument {
  return (validateDocumentTop as (data: unknown) => boolean)(raw) && isRule((raw as TouchbaseDocument).settings.reminderRule)
}

/** One contact, including unique touch ids (unique contact ids are the caller's). */
export function passesFastContactValidation(raw: unknown): raw is Contact {
  if (!(validateContact as (data: unknown) => boolean)(raw)) return false
  const contact = raw as Contact
  if (isBlank(contact.name) || contact.tags.some(isBlank)) return false
  if (contact.cadence !== undefined && !isRule(contact.cadence)) return false
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
  if (!passesFastTopValidation(raw)) return false
  const ids = new Set<string>()
  for (const contact of raw.contacts) {
    if (!passesFastContactValidation(contact) || ids.has(contact.id)) return false
    ids.add(contact.id)
  }
  return true
}

// zod trims first and then checks; JavaScript's trim and \S agree on what white space is.
const isBlank = (text: string) => !/\S/.test(text)

/** Real files hold a handful of distinct rules; each is checked once per process. */
const ruleVerdicts = new Map<string, boolean>()
function isRule(text: string): boolean {
  let verdict = ruleVerdicts.get(text)
  if (verdict === undefined) {
    verdict = !isBlank(text) && isValidRrule(text.trim())
    if (ruleVerdicts.size > 1_000) ruleVerdicts.clear()
    ruleVerdicts.set(text, verdict)
  }
  return verdict
}

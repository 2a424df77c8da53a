import { ContactInputSchema, emptyDocument, type Contact, type ContactInput, type TouchbaseDocument } from '../../../src/core/model'
import { newContact } from '../../../src/core/interop/import-plan'

export const NOW = new Date('2026-11-27T09:00:00Z')

export function sequentialIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${++n}`
}

export function contact(input: ContactInput, id: string, extra: Partial<Contact> = {}): Contact {
  return { ...newContact(ContactInputSchema.parse(input), { newId: () => id, now: new Date('2026-01-05T10:00:00Z') }), ...extra }
}

export function docWith(...contacts: Contact[]): TouchbaseDocument {
  return { ...emptyDocument(), contacts }
}

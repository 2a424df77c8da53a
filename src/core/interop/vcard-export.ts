import ICAL from 'ical.js'
import type { Contact } from '../model'

/**
 * vCard 4.0 (RFC 6350), written by ical.js so escaping and 75-octet folding are right.
 * Touchbase's own fields travel as X-TOUCHBASE-* properties, which our import reads back and
 * other apps ignore.
 */
export function contactsToVcard(contacts: readonly Contact[]): string {
  return contacts.map(contactToVcard).join('')
}

function text(card: ICAL.Component, name: string, value: string | undefined): void {
  if (value === undefined || value === '') return
  const prop = new ICAL.Property(name, card)
  // X- properties are "unknown" to the parser unless typed, and unknown values are not unescaped.
  prop.resetType('text')
  prop.setValue(value)
  card.addProperty(prop)
}

export function contactToVcard(contact: Contact): string {
  const card = new ICAL.Component('vcard')
  card.addPropertyWithValue('version', '4.0')
  card.addPropertyWithValue('uid', `urn:touchbase:${contact.id}`)
  card.addPropertyWithValue('fn', contact.name)
  if (contact.org) {
    const org = new ICAL.Property('org', card)
    org.setValue([contact.org])
    card.addProperty(org)
  }
  text(card, 'email', contact.email)
  if (contact.phone) {
    const tel = card.addPropertyWithValue('tel', contact.phone)
    tel.setParameter('value', 'text')
  }
  for (const group of categoryGroups(contact.tags)) {
    const categories = new ICAL.Property('categories', card)
    categories.setValues(group)
    card.addProperty(categories)
  }
  text(card, 'note', contact.notes)
  text(card, 'x-touchbase-kind', contact.kind)
  text(card, 'x-touchbase-subject', contact.subject)
  text(card, 'x-touchbase-cadence', contact.cadence)
  // ical.js takes jCard's extended format and writes vCard's basic one (20261127T090000Z).
  card.addPropertyWithValue('rev', new Date(contact.updatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'))
  return card.toString() + '\r\n'
}

/**
 * ical.js 2.2.1 reads "\\," (an escaped backslash, then the separator) as an escaped comma, so a
 * tag ending in a backslash would swallow the next one. Such a tag ends its CATEGORIES line;
 * the next tags go on another (RFC 6350 allows several, and our import reads them in order).
 */
function categoryGroups(tags: readonly string[]): string[][] {
  const groups: string[][] = []
  let current: string[] = []
  for (const tag of tags) {
    current.push(tag)
    if (tag.endsWith('\\')) {
      groups.push(current)
      current = []
    }
  }
  if (current.length > 0) groups.push(current)
  return groups
}

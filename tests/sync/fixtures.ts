import { CHANNELS, emptyDocument, type Contact, type TouchbaseDocument } from '../../src/core/model'

/** A data file with `contacts` contacts of `touchesEach` touches each, all in the past. */
export function generatedDocument(contacts: number, touchesEach: number, start = Date.parse('2026-01-01T09:00:00Z')): TouchbaseDocument {
  const doc = emptyDocument()
  for (let i = 0; i < contacts; i++) {
    const id = i.toString(16).padStart(10, '0')
    const createdAt = new Date(start + i * 60_000).toISOString()
    const touches: Contact['touches'] = []
    for (let j = 0; j < touchesEach; j++) {
      touches.push({ id: `01T${id}${j.toString().padStart(13, '0')}`, at: new Date(start + i * 60_000 + (j + 1) * 3_600_000).toISOString(), channel: CHANNELS[j % CHANNELS.length]!, note: `touch ${j + 1}` })
    }
    doc.contacts.push({
      id,
      name: `Contact ${i}`,
      org: `Org ${i % 500}`,
      kind: 'vendor',
      email: `contact${i}@example.com`,
      tags: i % 3 === 0 ? ['hardware'] : [],
      status: 'active',
      createdAt,
      updatedAt: createdAt,
      touches
    })
  }
  return doc
}

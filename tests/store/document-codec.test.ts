import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editContact, type TouchbaseDocument } from '../../src/core/model'
import { DocumentCodec, encodeDocument } from '../../src/store/document-codec'
import { generateDocument, REFERENCE_NOW } from '../../bench/generate'
import { makeContact, makeTouch } from './helpers'

const bytesOf = (pieces: Buffer[]) => Buffer.concat(pieces).toString('utf8')

describe('the document codec', () => {
  it('writes exactly JSON.stringify(doc, null, 2) from remembered pieces, whatever a series of changes did', async () => {
    const source = generateDocument({ contacts: 40, touches: 200, seed: 3, now: REFERENCE_NOW, language: 'mixed' })
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('edit', 'add', 'remove', 'move', 'settings'), fc.nat()), { maxLength: 12 }),
        async (steps) => {
          const codec = new DocumentCodec()
          let doc = (await codec.decode(Buffer.from(encodeDocument(source)))).doc
          expect(bytesOf(codec.encode(doc))).toBe(encodeDocument(doc))
          steps.forEach(([step, n], k) => {
            const draft = { ...doc, contacts: [...doc.contacts], settings: structuredClone(doc.settings) } as TouchbaseDocument
            const i = draft.contacts.length ? n % draft.contacts.length : 0
            if (step === 'edit' && draft.contacts.length) editContact(draft, i).touches.push(makeTouch(`new-${k}`))
            if (step === 'add') draft.contacts.splice(i, 0, makeContact(`added-${k}`, { name: '陈美玲 “quoted”\nline' }))
            if (step === 'remove') draft.contacts.splice(i, 1)
            if (step === 'move' && draft.contacts.length > 1) draft.contacts.push(draft.contacts.splice(i, 1)[0]!)
            if (step === 'settings') draft.settings.dailyCapacity = 1 + (n % 100)
            doc = codec.finishDraft(doc, draft).doc
            // Every version's bytes are the plain encoding, and parse back to the same document.
            const text = bytesOf(codec.encode(doc))
            expect(text).toBe(encodeDocument(doc))
          })
        }
      ),
      { numRuns: 60 }
    )
  })

  it('joins contacts that are still side by side in the file into one piece', async () => {
    const codec = new DocumentCodec()
    const doc = (await codec.decode(Buffer.from(encodeDocument(generateDocument({ contacts: 1_000, touches: 5_000, now: REFERENCE_NOW, language: 'mixed' }))))).doc
    expect(codec.encode(doc)).toHaveLength(3)
    const draft = { ...doc, contacts: [...doc.contacts] }
    editContact(draft, 500).tags.push('touched')
    const next = codec.finishDraft(doc, draft).doc
    // head, contacts before, the new one, contacts after, tail
    expect(codec.encode(next)).toHaveLength(5)
  })
})

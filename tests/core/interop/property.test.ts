import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ImportError } from '../../../src/core/interop/errors'
import { applyImportPlan, planImport } from '../../../src/core/interop/import-plan'
import { readImportFile } from '../../../src/core/interop/read-import'
import { contactsToVcard } from '../../../src/core/interop/vcard-export'
import { vcardRecords } from '../../../src/core/interop/vcard-import'
import { CONTACT_KINDS, ContactInputSchema } from '../../../src/core/model'
import { NOW, contact, docWith, sequentialIds } from './helpers'

const csvCell = fc.oneof(fc.string(), fc.constantFrom('"', '""', '"a\nb"', '\r\n', 'a@b.co', 'Ada', 'ada@example.com', 'Bob', '+1 555 0100', 'FREQ=WEEKLY', '=SUM(A1)', ' ::: ', ';', ','))
const csvish = fc
  .record({
    named: fc.constantFrom(['Name'], ['First Name', 'Last Name'], ['Name', 'Given Name'], []),
    headers: fc.array(fc.oneof(fc.constantFrom('Name', 'Given Name', 'Family Name', 'E-mail 1 - Value', 'Group Membership', 'First Name', 'Company', 'Mobile Phone', 'Categories', 'Email', 'Tags', 'Kind', 'Cadence'), fc.string()), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(csvCell, { maxLength: 9 }), { maxLength: 10 }),
    sep: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean()
  })
  .map(({ named, headers, rows, sep, eol, bom }) => (bom ? '\uFEFF' : '') + [[...named, ...headers], ...rows].map((r) => r.join(sep)).join(eol))

const vcardLine = fc.oneof(
  fc.constantFrom(
    'VERSION:2.1',
    'VERSION:3.0',
    'VERSION:4.0',
    'FN:Ada',
    'FN:Grace Hopper',
    'EMAIL:ada@example.com',
    'N:Lovelace;Ada;;;',
    'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=BC=9F',
    'TEL;CELL:+44 1',
    'TEL;VALUE=uri:tel:+1',
    'EMAIL;PREF;INTERNET:ada@example.com',
    'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=x-unknown:=E5=BC=A0=',
    'ORG:A\\;B;C',
    'CATEGORIES:a,b\\,c',
    ' folded continuation',
    'FN',
    ':',
    ';;;:',
    'X-A;"=":b',
    'TEL;TYPE="unterminated:1',
    'BEGIN:VCARD',
    'END:VCARD'
  ),
  fc.string().map((s) => `X-${s}:${s}`),
  fc.string()
)
const vcardish = fc
  .array(fc.array(vcardLine, { maxLength: 10 }), { maxLength: 5 })
  .map((cards) => cards.map((lines) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n')).join('\n'))

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.uint8Array({ maxLength: 500 }).map((b) => new TextDecoder().decode(b)),
  fc.uint8Array({ maxLength: 500 }).map((b) => new TextDecoder('latin1').decode(b)),
  { arbitrary: csvish, weight: 4 },
  { arbitrary: vcardish, weight: 4 }
)

describe('importers on random input', () => {
  it('read, plan and apply, or refuse with an ImportError; never anything else', () => {
    const seen = { refused: 0, added: 0, merged: 0, rowErrors: 0 }
    fc.assert(
      fc.property(anyText, fc.constantFrom<'merge' | 'skip'>('merge', 'skip'), (text, onDuplicate) => {
        const existing = [contact({ name: 'Ada', email: 'ada@example.com', phone: '+44 1' }, 'ada')]
        let read
        try {
          read = readImportFile('random.txt', text)
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError)
          seen.refused++
          return
        }
        const plan = planImport(existing, read.records, { onDuplicate })
        if (plan.toAdd.length > 0) seen.added++
        if (plan.toMerge.length > 0) seen.merged++
        if (plan.errors.length + read.errors.length > 0) seen.rowErrors++
        const doc = docWith(...structuredClone(existing))
        applyImportPlan(doc, plan, { newId: sequentialIds(), now: NOW })
        // Every record is accounted for exactly once.
        expect(plan.toAdd.length + plan.toMerge.length + plan.skipped.length + plan.errors.length).toBe(read.records.length)
        expect(doc.contacts).toHaveLength(1 + plan.toAdd.length)
        expect(doc.contacts[0]?.touches).toEqual(existing[0]?.touches)
      }),
      { numRuns: 1500 }
    )
    // The generators must reach every outcome, or the property proves little.
    console.log('random import outcomes (runs with …):', seen)
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(5)
  })
})

describe('vCard round trip on random contacts', () => {
  // Any characters, with the ones vCard escapes (\\ , ; newline) made common; trimmed, as the schema does.
  const unit = fc.oneof(fc.constantFrom('\\', ',', ';', ':', '\n', '"', '='), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }))
  const text = (max: number) =>
    fc
      .string({ unit, minLength: 1, maxLength: max })
      .map((s) => s.trim())
      .filter((s) => s !== '')
  const contactArb = fc
    .record(
      {
        name: text(80),
        org: text(60),
        kind: fc.constantFrom(...CONTACT_KINDS),
        email: fc.emailAddress(),
        phone: fc.stringMatching(/^\+?[0-9 ()-]{6,20}$/).map((s) => s.trim()),
        tags: fc.uniqueArray(text(20), { maxLength: 4, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
        notes: text(300),
        subject: text(80)
      },
      { requiredKeys: ['name', 'kind', 'tags'] }
    )
    .filter((c) => ContactInputSchema.safeParse(c).success)

  it('export → import gives the same contact fields', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { minLength: 1, maxLength: 4 }), (inputs) => {
        const contacts = inputs.map((c, i) => contact(c, `c${i}`))
        const { records, errors } = vcardRecords(contactsToVcard(contacts))
        expect(errors).toEqual([])
        const back = records.map((r) => ContactInputSchema.parse(r.contact))
        expect(back).toEqual(inputs.map((c) => ContactInputSchema.parse(c)))
      }),
      { numRuns: 300 }
    )
  })
})

import Ajv from 'ajv'
import standaloneCode from 'ajv/dist/standalone'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ContactSchema, DocumentSchema, type TouchbaseDocument } from '../../src/core/model'
import { passesFastValidation } from '../../src/store/fast-validation'
import { generateDocument, REFERENCE_NOW } from '../../bench/generate'

const GENERATED = '../../src/store/document-validator.generated.ts'

/**
 * The store's load-time contact validator is ajv's standalone code for the JSON Schema of
 * ContactSchema: the same rules, compiled ahead of time into plain JavaScript (no code is
 * generated at run time, so it costs nothing to start and needs no eval).
 */
function generatedSource(): string {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(ContactSchema, { unrepresentable: 'any', io: 'input', target: 'draft-7' }) as Record<string, unknown>
  const contact = { ...schema, $id: 'contact' }
  // unicode: false counts string length in UTF-16 units, as zod's .max() does.
  const ajv = new Ajv({ code: { source: true, esm: true, lines: true }, validateFormats: false, unicode: false, strict: true, logger: false, schemas: [contact] })
  const code = standaloneCode(ajv, { validateContact: 'contact' })
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated from ContactSchema (src/core/model.ts) by ajv standalone code. Do not edit:',
    '// after changing the schema, run `npx vitest run -u tests/store/document-validator.test.ts`.',
    code,
    ''
  ].join('\n')
}

describe('the fast load-time validator', () => {
  it('is generated from the current DocumentSchema', async () => {
    await expect(generatedSource()).toMatchFileSnapshot(GENERATED)
  })

  it('accepts a large realistic document', () => {
    expect(passesFastValidation(generateDocument({ contacts: 200, now: REFERENCE_NOW, language: 'mixed' }))).toBe(true)
  })

  // The fast path may only ever be stricter than zod: whatever it accepts, zod accepts. (When it
  // refuses, the store asks zod, which either accepts or explains what is wrong.)
  it('never accepts a document that DocumentSchema refuses', () => {
    const base = generateDocument({ contacts: 4, touches: 12, seed: 7, now: REFERENCE_NOW, language: 'mixed' })
    const values = [
      '',
      '   ',
      ' x ',
      'x'.repeat(201),
      'x'.repeat(61),
      null,
      0,
      1,
      1.5,
      -1,
      true,
      [],
      {},
      ['  '],
      'lead',
      'waiting',
      'call',
      'replied',
      '2026-02-30T00:00:00Z',
      '2026-11-27T09:00:00Z',
      '2026-11-27',
      'FREQ=WEEKLY;BYDAY=TU',
      'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2',
      'BYHOUR=25',
      'not a rule',
      'userdb-alice',
      ' userdb-alice',
      'team-a',
      'Team A',
      base.contacts[0]!.id,
      base.contacts[0]!.touches[0]?.id ?? 't',
      [2, 3, 5, 7, 14, 30],
      [2, 3, 5],
      undefined
    ]
    const paths: (string | number)[][] = []
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path)
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]))
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
    }
    walk(base, [])
    for (const extra of ['name', 'cadence', 'website', 'notes', 'subject', 'closedAt', 'board', 'owner', 'priority', 'waitingFor']) paths.push(['contacts', 1, extra])
    for (const extra of ['by', 'device']) paths.push(['contacts', 1, 'touches', 0, extra])
    paths.push(['settings', 'reminderRule'], ['settings', 'workdays'], ['reminder', 'snoozedUntil'], ['blocks'], ['schemaVersion'], ['extra'])

    const mutate = (doc: TouchbaseDocument, edits: [number, unknown][]) => {
      const copy = structuredClone(doc) as unknown as Record<string, unknown>
      for (const [p, value] of edits) {
        const path = paths[p % paths.length]!
        if (path.length === 0) continue
        let target: Record<string | number, unknown> = copy
        for (const key of path.slice(0, -1)) {
          if (!target || typeof target !== 'object') break
          target = target[key] as Record<string | number, unknown>
        }
        if (target && typeof target === 'object') target[path.at(-1)!] = structuredClone(value)
      }
      return copy
    }
    let accepted = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...values)), { minLength: 1, maxLength: 3 }), (edits) => {
        const doc = mutate(base, edits)
        if (!passesFastValidation(doc)) return
        accepted++
        expect(DocumentSchema.safeParse(doc).success).toBe(true)
      }),
      { numRuns: 3_000 }
    )
    // Both verdicts occurred: the edits hit valid variations (e.g. another note, an extra field) too.
    expect(accepted).toBeGreaterThan(100)
  })
})

import { describe, expect, it } from 'vitest'
import { MIGRATIONS, MigrationError, applyMigrations, migrate, type MigrationStep } from '../../src/core/migrations'
import { SCHEMA_VERSION, emptyDocument } from '../../src/core/model'
import { docWith, makeContact, makeTouch } from './helpers'

function migrationError(raw: unknown): MigrationError {
  try {
    migrate(raw)
  } catch (error) {
    if (error instanceof MigrationError) return error
    throw error
  }
  throw new Error('migrate() accepted the document')
}

describe('migrate', () => {
  it('accepts a current document unchanged and reports no migration', () => {
    const doc = docWith(makeContact('a', { touches: [makeTouch('t1')] }))
    const result = migrate(JSON.parse(JSON.stringify(doc)))
    expect(result).toEqual({ doc })
    expect('migratedFrom' in result).toBe(false)
  })

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function')
  })

  it.each([
    ['an array', [], 'the top level must be an object, found a list'],
    ['null', null, 'the top level must be an object, found null'],
    ['a string', 'hello', 'the top level must be an object, found a string'],
    ['no schemaVersion', { contacts: [] }, 'schemaVersion: missing'],
    ['schemaVersion 0', { ...emptyDocument(), schemaVersion: 0 }, 'schemaVersion: must be a whole number of 1 or more, found 0'],
    ['schemaVersion "1"', { ...emptyDocument(), schemaVersion: '1' }, 'schemaVersion: must be a whole number of 1 or more, found "1"'],
    ['schemaVersion 1.5', { ...emptyDocument(), schemaVersion: 1.5 }, 'schemaVersion: must be a whole number of 1 or more, found 1.5']
  ])('rejects %s as invalid', (_name, raw, detail) => {
    const error = migrationError(raw)
    expect(error.kind).toBe('invalid')
    expect(error.details).toEqual([detail])
  })

  it('rejects a newer schemaVersion as too-new instead of downgrading it', () => {
    const error = migrationError({ ...emptyDocument(), schemaVersion: SCHEMA_VERSION + 1, somethingNew: true })
    expect(error.kind).toBe('too-new')
    expect(error.foundVersion).toBe(SCHEMA_VERSION + 1)
    expect(error.message).toContain(`only knows up to ${SCHEMA_VERSION}`)
  })

  it('lists schema problems by path', () => {
    const doc = docWith(makeContact('a'), makeContact('b', { touches: [makeTouch('t1', 'yesterday')] }))
    const error = migrationError(JSON.parse(JSON.stringify(doc)))
    expect(error.kind).toBe('invalid')
    expect(error.details).toEqual([expect.stringMatching(/^contacts\.1\.touches\.0\.at: must be an ISO-8601 date-time/)])
  })
})

describe('applyMigrations', () => {
  // A made-up future: v1 → v2 renames `contacts` to `people`, v2 → v3 adds `archive`.
  const steps: Record<number, MigrationStep> = {
    1: ({ contacts, ...rest }) => ({ ...rest, people: contacts, schemaVersion: 2 }),
    2: (doc) => ({ ...doc, archive: [], schemaVersion: 3 })
  }

  it('chains the steps from the file version up to the target', () => {
    const v1 = { schemaVersion: 1, contacts: [1] }
    expect(applyMigrations(v1, 1, steps, 3)).toEqual({ schemaVersion: 3, people: [1], archive: [] })
    expect(v1).toEqual({ schemaVersion: 1, contacts: [1] })
  })

  it('starts from the version the file has', () => {
    expect(applyMigrations({ schemaVersion: 2, people: [] }, 2, steps, 3)).toEqual({ schemaVersion: 3, people: [], archive: [] })
  })

  it('is the identity at the target version', () => {
    const doc = { schemaVersion: 3 }
    expect(applyMigrations(doc, 3, steps, 3)).toBe(doc)
  })

  it('fails loudly on a missing step or a step that forgets to bump the version', () => {
    expect(() => applyMigrations({ schemaVersion: 1 }, 1, { 1: steps[1]! }, 3)).toThrow('No migration from schemaVersion 2 to 3')
    expect(() => applyMigrations({ schemaVersion: 1 }, 1, { 1: (d) => ({ ...d }) }, 2)).toThrow('did not produce schemaVersion 2')
  })
})

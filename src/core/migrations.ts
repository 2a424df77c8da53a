import { DocumentSchema, SCHEMA_VERSION, describeIssues, type TouchbaseDocument } from './model'

/**
 * One step that turns a document of version N into version N + 1. It receives plain JSON
 * (already known to be an object with `schemaVersion: N`) and must return plain JSON with
 * `schemaVersion: N + 1`. It must not touch its input: callers may still need it.
 */
export type MigrationStep = (doc: Readonly<Record<string, unknown>>) => Record<string, unknown>

/**
 * The steps, keyed by the version they start from. Adding v2 means: bump SCHEMA_VERSION in
 * model.ts, change the schemas, and add `1: v1ToV2` here.
 */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {}

export type MigrationErrorKind = 'invalid' | 'too-new'

/** The raw document cannot become a current one. `details` are one line per problem. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError'
  constructor(
    readonly kind: MigrationErrorKind,
    message: string,
    readonly details: string[],
    /** The schemaVersion found in the document, when it had a usable one. */
    readonly foundVersion?: number
  ) {
    super(message)
  }
}

export interface MigrationResult {
  doc: TouchbaseDocument
  /** Set when the input was older than SCHEMA_VERSION: the version it was upgraded from. */
  migratedFrom?: number
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Runs the steps from `fromVersion` up to `targetVersion`. Exported apart from `migrate` so the
 * chaining itself can be tested before any real v2 exists.
 */
export function applyMigrations(
  raw: Record<string, unknown>,
  fromVersion: number,
  steps: Readonly<Record<number, MigrationStep>>,
  targetVersion: number
): Record<string, unknown> {
  let doc = raw
  for (let version = fromVersion; version < targetVersion; version++) {
    const step = steps[version]
    // A gap is a bug in this file, not in the user's data, so it is a plain Error.
    if (!step) throw new Error(`No migration from schemaVersion ${version} to ${version + 1}`)
    doc = step(doc)
    if (doc.schemaVersion !== version + 1) {
      throw new Error(`The migration from schemaVersion ${version} did not produce schemaVersion ${version + 1}`)
    }
  }
  return doc
}

/**
 * Turns whatever JSON.parse gave into a valid current document, upgrading older versions.
 * Never downgrades: a version newer than SCHEMA_VERSION is an error, because an older app
 * rewriting it would drop whatever the newer one stored.
 */
export function migrate(raw: unknown): MigrationResult {
  if (!isPlainObject(raw)) {
    const found = Array.isArray(raw) ? 'a list' : raw === null ? 'null' : `a ${typeof raw}`
    throw new MigrationError('invalid', `The document is ${found}, not a Touchbase document`, [
      `the top level must be an object, found ${found}`
    ])
  }
  const version = raw.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const detail =
      version === undefined ? 'schemaVersion: missing' : `schemaVersion: must be a whole number of 1 or more, found ${JSON.stringify(version)}`
    throw new MigrationError('invalid', 'The document has no usable schemaVersion', [detail])
  }
  if (version > SCHEMA_VERSION) {
    throw new MigrationError(
      'too-new',
      `The document has schemaVersion ${version}, but this version of Touchbase only knows up to ${SCHEMA_VERSION}`,
      [`schemaVersion: ${version} is newer than ${SCHEMA_VERSION}`],
      version
    )
  }
  const upgraded = applyMigrations(raw, version, MIGRATIONS, SCHEMA_VERSION)
  const parsed = DocumentSchema.safeParse(upgraded)
  if (!parsed.success) {
    throw new MigrationError('invalid', 'The document does not match the Touchbase format', describeIssues(parsed.error), version)
  }
  return version < SCHEMA_VERSION ? { doc: parsed.data, migratedFrom: version } : { doc: parsed.data }
}

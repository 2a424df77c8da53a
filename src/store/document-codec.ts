import { MigrationError, migrate } from '../core/migrations'
import type { TouchbaseDocument } from '../core/model'

/** Bytes that are not a usable document; carries them so the store can keep an exact copy. */
export class DecodeFailure extends Error {
  override readonly name = 'DecodeFailure'
  constructor(
    readonly code: 'corrupt' | 'invalid' | 'too-new',
    readonly details: string[],
    readonly bytes: Buffer,
    cause: unknown
  ) {
    super(details[0] ?? code, { cause })
  }
}

export interface DecodedDocument {
  doc: TouchbaseDocument
  migratedFrom?: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** bytes → a valid current document (migrated if older), or a DecodeFailure saying why not. */
export function decodeDocument(bytes: Buffer): DecodedDocument {
  let raw: unknown
  try {
    // fatal: random binary is "corrupt", not text full of U+FFFD that fails later as "invalid".
    const text = utf8.decode(bytes)
    // Editors on Windows may add a byte-order mark; it is not damage.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    const detail = bytes.length === 0 ? 'the file is empty' : error instanceof Error ? error.message : String(error)
    throw new DecodeFailure('corrupt', [detail], bytes, error)
  }
  try {
    return migrate(raw)
  } catch (error) {
    if (error instanceof MigrationError) throw new DecodeFailure(error.kind, error.details, bytes, error)
    throw error
  }
}

export function encodeDocument(doc: TouchbaseDocument): string {
  // Indented: people read and repair this file by hand, and error messages point into it.
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** A private, mutable copy. JSON round-trip: the document is plain JSON, and this is faster than structuredClone. */
export function cloneDocument(doc: TouchbaseDocument): TouchbaseDocument {
  return JSON.parse(JSON.stringify(doc)) as TouchbaseDocument
}

/**
 * The store hands its current document to every reader without copying; freezing it makes a
 * caller's accidental in-place edit throw instead of silently changing the store's state.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

import { isUtf8 } from 'node:buffer'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { MigrationError, migrate } from '../core/migrations'
import { ContactSchema, DocumentSchema, DocumentTopSchema, SCHEMA_VERSION, describeIssues, duplicateTouchIdIssues, type Contact, type DocumentTop, type TouchbaseDocument } from '../core/model'
import { passesFastContactValidation } from './fast-validation'

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

/** A change made a record invalid: one line per problem, with paths into the document. */
export class DraftIssues extends Error {
  override readonly name = 'DraftIssues'
  constructor(readonly details: string[]) {
    super(details.join('; '))
  }
}

/**
 * The layout encode() writes, which is exactly `JSON.stringify(doc, null, 2)`: each contact
 * starts at "\n    {" and ends at "\n    }" (JSON strings cannot hold a raw newline, so these
 * bytes only ever occur as layout).
 */
const CONTACTS_OPEN = Buffer.from('\n  "contacts": [')
const ITEM_START = Buffer.from('\n    {')
const ITEM_END = Buffer.from('\n    }')
const LIST_END = Buffer.from('\n  ]')
const COMMA = Buffer.from(',')
const CONTACTS_MARKER = '\n  "contacts": []'
/** Decoding gives the event loop a turn this often, so a big file never stalls timers (the lock's refresh, the UI). */
const YIELD_EVERY_MS = 20

/** A few bytes compared in JavaScript: cheaper than a call into Buffer.compare for each contact. */
function startsWithAt(bytes: Buffer, at: number, prefix: Buffer): boolean {
  if (at + prefix.length > bytes.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false
  return true
}

/**
 * Turns files into documents and documents into file bytes, remembering each contact's bytes.
 *
 * Contacts are immutable records: the store never edits one in place, it swaps in a new one.
 * So the bytes of a contact this codec has seen stay valid for as long as the object lives, and
 * a write re-encodes and re-validates only the contacts that are new objects: one touch costs
 * one contact's work however large the file is. A contact in `known` is valid and frozen.
 */
export class DocumentCodec {
  /**
   * Valid, frozen contacts → their bytes in the file's list with the separator before them:
   * ",\n    {…\n    }" (or "[…" for one read as the file's first). null: not encoded yet.
   */
  private readonly known = new WeakMap<Contact, Buffer | null>()
  private readonly skeletons = new WeakMap<DocumentTop, string>()

  /** bytes → a valid current document (migrated if older), or a DecodeFailure saying why not. */
  async decode(bytes: Buffer): Promise<DecodedDocument> {
    if (bytes.length === 0) throw new DecodeFailure('corrupt', ['the file is empty'], bytes, undefined)
    // Random binary is "corrupt", not text full of U+FFFD that fails later as "invalid".
    if (!isUtf8(bytes)) throw new DecodeFailure('corrupt', ['the file is not UTF-8 text'], bytes, undefined)
    // Editors on Windows may add a byte-order mark; it is not damage.
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0

    const split = await this.parseByContact(bytes, start)
    let raw: unknown
    if (split) raw = split.raw
    else {
      try {
        raw = JSON.parse(bytes.toString('utf8', start))
      } catch (error) {
        throw new DecodeFailure('corrupt', [error instanceof Error ? error.message : String(error)], bytes, error)
      }
    }

    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
    const contacts = (raw as { contacts?: unknown }).contacts
    if (version === SCHEMA_VERSION && Array.isArray(contacts) && (split ? split.contactsValid : await this.rememberValidContacts(contacts))) {
      // The rest is small: zod checks it and fills in the defaults of settings added later.
      const top = DocumentTopSchema.safeParse(raw)
      if (top.success) return { doc: withContacts(top.data, contacts as Contact[]) }
    }
    // Older, newer or invalid: the careful path, which also explains what is wrong.
    let migrated
    try {
      migrated = migrate(raw)
    } catch (error) {
      if (error instanceof MigrationError) throw new DecodeFailure(error.kind, error.details, bytes, error)
      throw error
    }
    return { doc: this.adopt(migrated.doc), ...(migrated.migratedFrom === undefined ? {} : { migratedFrom: migrated.migratedFrom }) }
  }

  /**
   * Parses the file one contact at a time, validating and remembering each with its exact
   * bytes while it is fresh (and giving other work a turn now and then). Returns undefined
   * when the file is not laid out the way encode() writes it (hand-formatted, minified), or
   * does not parse: the caller then parses it whole, which gives the real error.
   * `contactsValid` is false when some contact needs zod's careful look.
   */
  private async parseByContact(bytes: Buffer, start: number): Promise<{ raw: Record<string, unknown>; contactsValid: boolean } | undefined> {
    const key = bytes.indexOf(CONTACTS_OPEN, start)
    if (key < 0) return undefined
    const open = key + CONTACTS_OPEN.length
    const contacts: unknown[] = []
    const ids = new Set<string>()
    let contactsValid = true
    let close = open
    try {
      if (bytes[open] !== 0x5d /* ] */) {
        let at = open
        let sliceStart = performance.now()
        for (;;) {
          if (!startsWithAt(bytes, at, ITEM_START)) return undefined
          const end = bytes.indexOf(ITEM_END, at + ITEM_START.length)
          if (end < 0) return undefined
          const stop = end + ITEM_END.length
          const contact: unknown = JSON.parse(bytes.toString('utf8', at, stop))
          contacts.push(contact)
          if (contactsValid && passesFastContactValidation(contact) && !ids.has(contact.id)) {
            ids.add(contact.id)
            // With the byte before it: a comma, or the list's "[" for the first (see encode).
            this.remember(contact, bytes.subarray(at - 1, stop))
          } else {
            contactsValid = false
          }
          if (performance.now() - sliceStart > YIELD_EVERY_MS) {
            await yieldToEventLoop()
            sliceStart = performance.now()
          }
          if (bytes[stop] === 0x2c /* , */) {
            at = stop + 1
            continue
          }
          if (!startsWithAt(bytes, stop, LIST_END)) return undefined
          close = stop
          break
        }
      }
      const skeleton = bytes.toString('utf8', start, open) + bytes.toString('utf8', close)
      // A second "contacts" key (JSON.parse keeps the last) would make the cut above the wrong one.
      if (skeleton.indexOf('"contacts"') !== skeleton.lastIndexOf('"contacts"')) return undefined
      const raw = JSON.parse(skeleton) as Record<string, unknown>
      if (!Array.isArray(raw?.contacts) || raw.contacts.length !== 0) return undefined
      // Assigning keeps "contacts" where it was among the keys, so the layout round-trips.
      raw.contacts = contacts
      return { raw, contactsValid }
    } catch {
      return undefined
    }
  }

  /**
   * Validates the contacts of a loaded document one by one (giving other work a turn now and
   * then) and remembers each, with its bytes in the file when known. False at the first
   * problem: the caller then lets zod explain.
   */
  private async rememberValidContacts(contacts: readonly unknown[]): Promise<boolean> {
    const ids = new Set<string>()
    let sliceStart = performance.now()
    for (let i = 0; i < contacts.length; i++) {
      const contact = contacts[i]
      if (!passesFastContactValidation(contact) || ids.has(contact.id)) return false
      ids.add(contact.id)
      this.remember(contact)
      if (performance.now() - sliceStart > YIELD_EVERY_MS) {
        await yieldToEventLoop()
        sliceStart = performance.now()
      }
    }
    return true
  }

  /** A contact from a validated document: frozen, its bytes known (given, or made when first written). */
  private remember(contact: Contact, bytes?: Buffer): void {
    freezeContact(contact)
    this.known.set(contact, bytes ?? null)
  }

  /** A whole document validated elsewhere (zod, a restore): freeze it and know its contacts. */
  adopt(doc: TouchbaseDocument): TouchbaseDocument {
    for (const contact of doc.contacts) if (!this.known.has(contact)) this.remember(contact)
    // The contacts are frozen already, so this only walks the rest.
    return deepFreeze(doc)
  }

  /** The document with an empty contact list, indented as in the file (remembered per version). */
  private skeletonOf(doc: DocumentTop): string {
    let skeleton = this.skeletons.get(doc)
    if (skeleton === undefined) {
      skeleton = JSON.stringify({ ...doc, contacts: [] }, null, 2)
      this.skeletons.set(doc, skeleton)
    }
    return skeleton
  }

  private bytesOf(contact: Contact): Buffer {
    let bytes = this.known.get(contact)
    if (bytes === undefined || bytes === null) {
      bytes = encodeContact(contact)
      this.known.set(contact, bytes)
    }
    return bytes
  }

  /**
   * Validates a contact a change made or replaced (through zod, which also normalizes, e.g.
   * trims) and returns the stored form, frozen. Throws DraftIssues with paths at `index`.
   */
  admitContact(contact: unknown, index: number): Contact {
    const parsed = ContactSchema.safeParse(contact)
    const issues = parsed.success ? duplicateTouchIdIssues(parsed.data).map((i) => `${i.path.join('.')}: ${i.message}`) : describeIssues(parsed.error)
    if (!parsed.success || issues.length > 0) throw new DraftIssues(issues.map((line) => `contacts.${index}.${line}`))
    // One contact: cheap to freeze whole.
    this.remember(deepFreeze(parsed.data))
    return parsed.data
  }

  /**
   * Validates what a change did to `base`: the contacts that are new objects, the settings,
   * the reminder state and the rules across contacts (unique ids). Unchanged contacts are
   * trusted as they are. Returns the new frozen document and the ids of the contacts added,
   * changed or removed; throws DraftIssues.
   */
  finishDraft(base: TouchbaseDocument, draft: TouchbaseDocument): { doc: TouchbaseDocument; contactIds: string[]; changed: boolean } {
    if (draft.schemaVersion !== SCHEMA_VERSION) throw new DraftIssues([`schemaVersion: must be ${SCHEMA_VERSION}`])
    if (!Array.isArray(draft.contacts)) throw new DraftIssues(['contacts: must be a list'])
    const issues: string[] = []
    // Everything but the contacts is small: validated whole, and only when it changed.
    const topChanged = this.skeletonOf(draft) !== this.skeletonOf(base)
    let top: DocumentTop = base
    if (topChanged) {
      const parsed = DocumentTopSchema.safeParse(draft)
      if (parsed.success) top = parsed.data
      else issues.push(...describeIssues(parsed.error).filter((line) => !line.startsWith('contacts')))
    }
    const before = base.contacts
    const changedIds = new Set<string>()
    // Same records in the same places (an edit in place, or additions at the end) is the common
    // shape, and lets the checks below look at the changed contacts only.
    let sameShape = draft.contacts.length >= before.length
    const contacts = draft.contacts.map((contact, i) => {
      if (contact === before[i] || this.known.has(contact)) {
        if (contact !== before[i]) sameShape &&= i >= before.length
        return contact
      }
      try {
        let admitted = this.admitContact(contact, i)
        // An edited copy that ends up the same as the record it replaced is that record.
        const previous = before[i]
        if (previous?.id === admitted.id && this.bytesOf(previous).equals(this.bytesOf(admitted))) admitted = previous
        else changedIds.add(admitted.id)
        if (previous !== undefined && previous.id !== admitted.id) sameShape = false
        return admitted
      } catch (error) {
        if (!(error instanceof DraftIssues)) throw error
        issues.push(...error.details)
        return contact
      }
    })
    if (issues.length === 0) issues.push(...duplicateIdLines(contacts, sameShape ? before.length : 0))
    if (issues.length > 0) throw new DraftIssues(issues)

    if (!sameShape) {
      // Removed or replaced records changed too.
      const kept = new Set(contacts)
      for (const contact of before) if (!kept.has(contact)) changedIds.add(contact.id)
    }
    const doc = withContacts(top, contacts)
    const changed = changedIds.size > 0 || contacts.length !== before.length || (!sameShape && contacts.some((c, i) => c !== before[i])) || topChanged
    return { doc, contactIds: [...changedIds], changed }
  }

  /**
   * The file's bytes as a list of pieces: exactly `JSON.stringify(doc, null, 2) + "\n"`, but
   * with each known contact's bytes reused instead of encoded again.
   */
  encode(doc: TouchbaseDocument): Buffer[] {
    const skeleton = this.skeletonOf(doc)
    const marker = skeleton.indexOf(CONTACTS_MARKER)
    if (doc.contacts.length === 0 || marker < 0) return [Buffer.from(`${JSON.stringify(doc, null, 2)}\n`)]
    const open = marker + CONTACTS_MARKER.length - 1
    const pieces: Buffer[] = [Buffer.from(skeleton.slice(0, open))]
    // Contacts still side by side in the buffer they were read from go out as one piece: after
    // a touch, the write is a handful of pieces instead of one per contact.
    let run: Buffer | undefined
    const add = (piece: Buffer) => {
      if (run && run.buffer === piece.buffer && run.byteOffset + run.byteLength === piece.byteOffset) {
        run = Buffer.from(run.buffer, run.byteOffset, run.byteLength + piece.byteLength)
      } else {
        if (run) pieces.push(run)
        run = piece
      }
    }
    doc.contacts.forEach((contact, i) => {
      const bytes = this.bytesOf(contact)
      if (i === 0) add(bytes.subarray(1))
      else if (bytes[0] === 0x2c /* , */) add(bytes)
      else {
        // Read as the file's first contact ("[" before it), now further down.
        add(COMMA)
        add(bytes.subarray(1))
      }
    })
    if (run) pieces.push(run)
    pieces.push(Buffer.from(`${LIST_END.toString()}${skeleton.slice(open + 1)}\n`))
    return pieces
  }
}

/**
 * The document in its file order (schemaVersion, contacts, then the rest), frozen. The contacts
 * are frozen one by one already; freezing their list first keeps deepFreeze from visiting them.
 */
function withContacts(top: DocumentTop, contacts: Contact[]): TouchbaseDocument {
  const { schemaVersion, contacts: _replaced, ...rest } = top as TouchbaseDocument
  return deepFreeze({ schemaVersion, contacts: Object.freeze(contacts), ...rest } as TouchbaseDocument)
}

/**
 * Duplicate ids as issue lines. `from` > 0 says contacts before it are known unique among
 * themselves (the records of the previous version, in place), so only the rest are looked up.
 */
function duplicateIdLines(contacts: readonly Contact[], from: number): string[] {
  const lines: string[] = []
  const report = (i: number, first: number) => lines.push(`contacts.${i}.id: duplicate id "${contacts[i]!.id}" (contacts.${first} has it too)`)
  if (from > 0 && contacts.length - from <= 16) {
    for (let i = from; i < contacts.length; i++) {
      const first = contacts.findIndex((c) => c.id === contacts[i]!.id)
      if (first !== i) report(i, first)
    }
    return lines
  }
  const seen = new Map<string, number>()
  contacts.forEach((contact, i) => {
    const first = seen.get(contact.id)
    if (first === undefined) seen.set(contact.id, i)
    else report(i, first)
  })
  return lines
}

/** One contact as it sits in the file's contact list, after a comma: ",\n    {" … "\n    }". */
function encodeContact(contact: Contact): Buffer {
  return Buffer.from(`,\n    ${JSON.stringify(contact, null, 2).replaceAll('\n', '\n    ')}`)
}

/** The whole file as one string (tests, backups of a document that has no file yet). */
export function encodeDocument(doc: TouchbaseDocument): string {
  // Indented: people read and repair this file by hand, and error messages point into it.
  return `${JSON.stringify(doc, null, 2)}\n`
}

/**
 * Freezes a contact, its lists and any nested value, but not each touch: freezing the 100,000
 * touch objects of a large file costs a quarter of its load. Touches are still replaced, never
 * edited in place (see editContact), and their list is frozen, so none can be added or removed
 * behind the store's back.
 */
function freezeContact(contact: Contact): void {
  Object.freeze(contact)
  for (const key in contact) {
    const value = (contact as Record<string, unknown>)[key]
    if (typeof value !== 'object' || value === null) continue
    // tags holds strings; touches are left as they are (see above).
    if (key === 'touches' || key === 'tags') Object.freeze(value)
    else deepFreeze(value)
  }
}

/**
 * The store hands its current document to every reader without copying; freezing it makes a
 * caller's accidental in-place edit throw instead of silently changing the store's state (and
 * the bytes it remembers for each contact).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    // Index and key loops: no array of children is made for each of the many objects.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i])
    else for (const key in value) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

/** Validates a whole replacement document with zod (restore, import of a backup). */
export function parseWholeDocument(doc: unknown): { ok: true; doc: TouchbaseDocument } | { ok: false; details: string[] } {
  const parsed = DocumentSchema.safeParse(doc)
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, details: describeIssues(parsed.error) }
}

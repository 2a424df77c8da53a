/**
 * The replicated documents and how a local contact maps onto them. One document per contact,
 * `contact:<id>`, holds the editable fields, each with its own clock and author; one document
 * per touch, `touch:<contactId>:<touchId>`, is written once and deleted to undo it. Derived
 * values (touch count, last touch, next follow-up) are never stored.
 */
import { CHANNELS, ContactSchema, OUTCOMES, TouchSchema, type Contact, type Status, type Touch } from '../model'

export const CONTACT_PREFIX = 'contact:'
export const TOUCH_PREFIX = 'touch:'

export const contactDocId = (contactId: string): string => `${CONTACT_PREFIX}${contactId}`
export const touchDocId = (contactId: string, touchId: string): string => `${TOUCH_PREFIX}${contactId}:${touchId}`
/** The range of one contact's touch documents in id order (for allDocs startkey/endkey). */
export const touchRange = (contactId: string) => ({ startkey: `${TOUCH_PREFIX}${contactId}:`, endkey: `${TOUCH_PREFIX}${contactId}:\uffff` })

export type DocRef = { kind: 'contact'; contactId: string } | { kind: 'touch'; contactId: string; touchId: string }

/** Which contact (and touch) a document id is about; undefined for anything else (design docs…). */
export function parseDocId(id: string): DocRef | undefined {
  if (id.startsWith(CONTACT_PREFIX)) {
    const contactId = id.slice(CONTACT_PREFIX.length)
    return contactId ? { kind: 'contact', contactId } : undefined
  }
  if (id.startsWith(TOUCH_PREFIX)) {
    // Touch ids (ULIDs, hex) have no colon; a contact id might, so split at the last one.
    const rest = id.slice(TOUCH_PREFIX.length)
    const cut = rest.lastIndexOf(':')
    if (cut <= 0 || cut === rest.length - 1) return undefined
    return { kind: 'touch', contactId: rest.slice(0, cut), touchId: rest.slice(cut + 1) }
  }
  return undefined
}

/**
 * The units merged independently. `lifecycle` keeps status and its dates together: a close and
 * a concurrent "waiting on them" must not mix into a waiting contact with a closed date.
 * `board` is where the contact lives (null: its owner's personal list); `deleted` is a field
 * too, so a delete and an undo of it resolve by clock like any edit.
 */
export const SYNCED_FIELDS = [
  'name',
  'org',
  'kind',
  'email',
  'phone',
  'tags',
  'notes',
  'subject',
  'cadence',
  'lifecycle',
  'snoozedUntil',
  'owner',
  'board',
  'createdAt',
  'deleted'
] as const
export type FieldName = (typeof SYNCED_FIELDS)[number]

export interface Lifecycle {
  status: Status
  waitingUntil?: string
  reentryAt?: string
  closedAt?: string
}

/** A contact's synced values; null stands for "not set". */
export type FieldValues = Record<FieldName, unknown>

/** One field of a contact document: its value, clock (HLC), the device and the user that set it. */
export interface FieldEntry {
  v: unknown
  t: string
  d: string
  by: string
}
export type DocFields = Partial<Record<FieldName, FieldEntry>>

export interface ContactDoc {
  _id: string
  _rev?: string
  _conflicts?: string[]
  _deleted?: boolean
  type: 'contact'
  /** Who wrote this revision; the server checks it is the writing user. */
  editor: string
  fields: DocFields
}

export interface TouchDoc {
  _id: string
  _rev?: string
  _deleted?: boolean
  type: 'touch'
  contact: string
  at: string
  channel: Touch['channel']
  note?: string
  outcome?: Touch['outcome']
  by: string
  device: string
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

export function lifecycleOf(c: Pick<Contact, 'status' | 'waitingUntil' | 'reentryAt' | 'closedAt'>): Lifecycle {
  return {
    status: c.status,
    ...(c.waitingUntil ? { waitingUntil: c.waitingUntil } : {}),
    ...(c.reentryAt ? { reentryAt: c.reentryAt } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {})
  }
}

/** A local contact's synced values. */
export function contactValues(c: Contact): FieldValues {
  return {
    name: c.name,
    org: orNull(c.org),
    kind: c.kind,
    email: orNull(c.email),
    phone: orNull(c.phone),
    tags: [...c.tags],
    notes: orNull(c.notes),
    subject: orNull(c.subject),
    cadence: orNull(c.cadence),
    lifecycle: lifecycleOf(c),
    snoozedUntil: orNull(c.snoozedUntil),
    owner: orNull(c.owner),
    board: orNull(c.board),
    createdAt: c.createdAt,
    deleted: false
  }
}

/** Deep equality of JSON values (field values come from JSON on the other side). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]))
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

export function touchToDoc(contactId: string, touch: Touch, author: { by: string; device: string }): TouchDoc {
  return {
    _id: touchDocId(contactId, touch.id),
    type: 'touch',
    contact: contactId,
    at: touch.at,
    channel: touch.channel,
    ...(touch.note ? { note: touch.note } : {}),
    ...(touch.outcome ? { outcome: touch.outcome } : {}),
    by: touch.by ?? author.by,
    device: touch.device ?? author.device
  }
}

/** The local touch a document stands for, or undefined when it is not a valid one. */
export function touchFromDoc(doc: Partial<TouchDoc> & { _id: string }): Touch | undefined {
  const ref = parseDocId(doc._id)
  if (ref?.kind !== 'touch' || doc._deleted) return undefined
  const parsed = TouchSchema.safeParse({
    id: ref.touchId,
    at: doc.at,
    channel: doc.channel,
    ...(doc.note ? { note: doc.note } : {}),
    ...(doc.outcome ? { outcome: doc.outcome } : {}),
    ...(doc.by ? { by: doc.by } : {}),
    ...(doc.device ? { device: doc.device } : {})
  })
  return parsed.success ? parsed.data : undefined
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * Builds the local contact from synced values and touches, or undefined when the values do
 * not make a valid contact (another client wrote something this version cannot use).
 */
export function contactFromValues(id: string, values: FieldValues, touches: readonly Touch[], updatedAt: string): Contact | undefined {
  const life = (values.lifecycle ?? {}) as Partial<Lifecycle>
  const candidate = {
    id,
    name: values.name,
    ...(text(values.org) ? { org: text(values.org) } : {}),
    kind: values.kind,
    ...(text(values.email) ? { email: text(values.email) } : {}),
    ...(text(values.phone) ? { phone: text(values.phone) } : {}),
    tags: Array.isArray(values.tags) ? values.tags : [],
    ...(text(values.notes) ? { notes: text(values.notes) } : {}),
    ...(text(values.subject) ? { subject: text(values.subject) } : {}),
    ...(text(values.cadence) ? { cadence: text(values.cadence) } : {}),
    status: life.status,
    ...(life.waitingUntil ? { waitingUntil: life.waitingUntil } : {}),
    ...(life.reentryAt ? { reentryAt: life.reentryAt } : {}),
    ...(text(values.snoozedUntil) ? { snoozedUntil: text(values.snoozedUntil) } : {}),
    ...(life.closedAt ? { closedAt: life.closedAt } : {}),
    ...(text(values.board) ? { board: text(values.board) } : {}),
    ...(text(values.owner) ? { owner: text(values.owner) } : {}),
    createdAt: values.createdAt,
    updatedAt: typeof values.createdAt === 'string' && values.createdAt > updatedAt ? values.createdAt : updatedAt,
    touches: [...touches].sort(byTime)
  }
  const parsed = ContactSchema.safeParse(candidate)
  return parsed.success ? parsed.data : undefined
}

export const byTime = (a: Touch, b: Touch): number => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)

/** Cheap shape checks for documents read back from a replica, which anyone on a board may write. */
export function isContactDoc(doc: unknown): doc is ContactDoc {
  const d = doc as Partial<ContactDoc> | null
  return typeof d === 'object' && d !== null && d.type === 'contact' && typeof d.fields === 'object' && d.fields !== null
}

export function isTouchDoc(doc: unknown): doc is TouchDoc {
  const d = doc as Partial<TouchDoc> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    d.type === 'touch' &&
    typeof d.at === 'string' &&
    (CHANNELS as readonly unknown[]).includes(d.channel) &&
    (d.outcome === undefined || (OUTCOMES as readonly unknown[]).includes(d.outcome))
  )
}

/**
 * Three-way reconciliation between the local data file and one replicated database, per
 * contact: the shadow is what both sides agreed on at the last sync. A field that differs
 * from the shadow locally is a local edit (sent with a fresh clock); one that differs on the
 * replica is a remote edit (applied locally). Touches are sets of ids: added on one side,
 * added everywhere; removed on one side, removed everywhere.
 */
import type { Contact, Touch } from '../model'
import { contactFromValues, contactValues, SYNCED_FIELDS, sameValue, type FieldName, type FieldValues } from './docs'

/** What local and the replica agreed on for one contact at the last sync. */
export interface ShadowContact {
  values: FieldValues
  touches: string[]
}

/**
 * Where a contact lives: null for the personal list, else a board's name. A database's scope is
 * the same: null for the personal database.
 */
export type Scope = string | null
export const scopeOf = (c: Pick<Contact, 'board'>): Scope => c.board ?? null

export interface LocalEdit {
  contactId: string
  /** Changed values, to stamp with a new clock (all of them for a contact new to this database). */
  values: Partial<FieldValues>
  addedTouches: Touch[]
  removedTouches: string[]
  /** When the local change was made (the contact's updatedAt); absent for a deletion. */
  editedAt?: string
  /** The shadow to keep once the edit is written; null: stop tracking (deleted or moved away). */
  shadow: ShadowContact | null
}

/**
 * The local edits since the last sync that belong in the database of `scope`: contacts in that
 * scope, plus those that left it (deleted, or moved to a board) since the shadow was taken.
 */
export function planExport(local: readonly Contact[], shadow: ReadonlyMap<string, ShadowContact>, scope: Scope): LocalEdit[] {
  const edits: LocalEdit[] = []
  const seen = new Set<string>()
  for (const contact of local) {
    const base = shadow.get(contact.id)
    const inScope = scopeOf(contact) === scope
    if (!inScope && !base) continue
    seen.add(contact.id)
    const values = contactValues(contact)
    if (!inScope) {
      // Moved away: this database learns where it went; its touches now live there.
      edits.push({ contactId: contact.id, values: { board: values.board }, addedTouches: [], removedTouches: [], editedAt: contact.updatedAt, shadow: null })
      continue
    }
    const changed = base ? changedValues(base.values, values) : values
    const known = new Set(base?.touches ?? [])
    const ids = new Set(contact.touches.map((t) => t.id))
    const addedTouches = contact.touches.filter((t) => !known.has(t.id))
    const removedTouches = [...known].filter((id) => !ids.has(id))
    if (Object.keys(changed).length === 0 && addedTouches.length === 0 && removedTouches.length === 0) continue
    edits.push({ contactId: contact.id, values: changed, addedTouches, removedTouches, editedAt: contact.updatedAt, shadow: { values, touches: [...ids] } })
  }
  for (const [id] of shadow) {
    if (seen.has(id)) continue
    edits.push({ contactId: id, values: { deleted: true }, addedTouches: [], removedTouches: [], shadow: null })
  }
  return edits
}

function changedValues(base: FieldValues, now: FieldValues): Partial<FieldValues> {
  const changed: Partial<FieldValues> = {}
  for (const name of SYNCED_FIELDS) if (!sameValue(base[name], now[name])) changed[name] = now[name]
  return changed
}

/** One contact as the replica has it (merged fields, live touches). */
export interface Projection {
  contactId: string
  /** Undefined while the contact document has not arrived (its touches may come first). */
  values: FieldValues | undefined
  touches: Touch[]
  /** The latest edit of any field, as an ISO instant. */
  updatedAt: string
}

export type ImportOutcome =
  /** `board`: the contact now lives on this board, which this device may not sync yet. */
  | { kind: 'unchanged'; shadow: ShadowContact | null | undefined; board?: string }
  | { kind: 'upsert'; contact: Contact; shadow: ShadowContact | null | undefined }
  | { kind: 'remove'; shadow: null }
  /** The replica's contact is not valid here (written by another client); left alone. */
  | { kind: 'invalid'; shadow: undefined }

/**
 * What the local contact becomes given the replica's version. Fields changed locally since
 * the shadow (not yet sent) are kept; every other field takes the replica's value. `shadow`
 * undefined means keep the current one.
 */
export function planImport(local: Contact | undefined, base: ShadowContact | undefined, p: Projection, scope: Scope): ImportOutcome {
  if (!p.values) return { kind: 'unchanged', shadow: undefined }
  const here = local && scopeOf(local) === scope
  if (p.values.deleted === true || (p.values.board ?? null) !== scope) {
    // Deleted, or moved away from this database.
    const target = p.values.board
    if (!local || !here) return { kind: 'unchanged', shadow: null, ...(p.values.deleted !== true && typeof target === 'string' ? { board: target } : {}) }
    if (p.values.deleted !== true && typeof target === 'string') {
      // Moved to a board: it comes from there now (the board's sync fills in the rest).
      return { kind: 'upsert', contact: { ...local, board: target }, shadow: null }
    }
    return { kind: 'remove', shadow: null }
  }
  if (!local) {
    // Deleted here since the last sync: the deletion is sent, not undone.
    if (base) return { kind: 'unchanged', shadow: undefined }
    const contact = contactFromValues(p.contactId, p.values, p.touches, p.updatedAt)
    return contact ? { kind: 'upsert', contact, shadow: { values: p.values, touches: p.touches.map((t) => t.id) } } : { kind: 'invalid', shadow: undefined }
  }

  const mine = contactValues(local)
  const values = { ...p.values }
  const kept: FieldName[] = []
  for (const name of SYNCED_FIELDS) {
    if (base && !sameValue(mine[name], base.values[name])) {
      values[name] = mine[name]
      kept.push(name)
    }
  }
  const touches = mergeTouches(local.touches, base?.touches, p.touches)
  // updatedAt dates the unsent local edits (their clock comes from it), so only a clean contact takes the replica's.
  const updatedAt = kept.length > 0 || local.updatedAt > p.updatedAt ? local.updatedAt : p.updatedAt
  const next = contactFromValues(local.id, values, touches, updatedAt)
  if (!next) return { kind: 'invalid', shadow: undefined }
  const shadowValues = { ...p.values }
  for (const name of kept) shadowValues[name] = base!.values[name]
  const shadow: ShadowContact = { values: shadowValues, touches: p.touches.map((t) => t.id) }
  if (sameContact(local, next)) return { kind: 'unchanged', shadow }
  return { kind: 'upsert', contact: next, shadow }
}

/**
 * Local touches plus the replica's new ones, minus those the replica removed. A touch removed
 * here since the shadow stays removed; one added here stays. The replica's copy carries who
 * made it, which a touch logged here before it was synced does not have yet.
 */
function mergeTouches(local: readonly Touch[], base: readonly string[] | undefined, remote: readonly Touch[]): Touch[] {
  const known = new Set(base ?? [])
  const remoteById = new Map(remote.map((t) => [t.id, t]))
  const localIds = new Set(local.map((t) => t.id))
  const result: Touch[] = []
  for (const t of local) {
    const theirs = remoteById.get(t.id)
    if (theirs) result.push({ ...t, ...(theirs.by ? { by: theirs.by } : {}), ...(theirs.device ? { device: theirs.device } : {}) })
    else if (!known.has(t.id)) result.push(t) // new here, not sent yet
    // else: removed on the replica
  }
  for (const t of remote) if (!localIds.has(t.id) && !known.has(t.id)) result.push(t)
  return result
}

function sameContact(a: Contact, b: Contact): boolean {
  if (!sameValue(contactValues(a), contactValues(b))) return false
  if (a.touches.length !== b.touches.length) return false
  const byId = new Map(a.touches.map((t) => [t.id, t]))
  return b.touches.every((t) => sameValue(byId.get(t.id), t))
}

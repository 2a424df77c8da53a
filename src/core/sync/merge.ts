/**
 * Field-level merge of contact documents. Every field keeps the value with the highest clock;
 * equal clocks (two devices in the same millisecond) go to the higher device id. This order is
 * total, so merging is commutative, associative and idempotent: every device that sees the
 * same revisions computes the same contact, and resolving twice changes nothing.
 */
import { SYNCED_FIELDS, sameValue, type ContactDoc, type DocFields, type FieldEntry, type FieldName, type FieldValues } from './docs'
import { decodeHlc, encodeHlc, isHlc, receiveHlc, tickHlc, type Hlc } from './hlc'

export function compareEntries(a: FieldEntry, b: FieldEntry): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1
  if (a.d !== b.d) return a.d < b.d ? -1 : 1
  // The same clock from the same device is one edit; this only guards against a corrupt copy.
  const ja = JSON.stringify(a.v)
  const jb = JSON.stringify(b.v)
  return ja === jb ? 0 : ja < jb ? -1 : 1
}

function isEntry(value: unknown): value is FieldEntry {
  const e = value as Partial<FieldEntry> | null
  return typeof e === 'object' && e !== null && isHlc(e.t) && typeof e.d === 'string' && typeof e.by === 'string' && 'v' in e
}

/** The winning entry of every field across the given revisions of one contact. */
export function mergeFields(revisions: readonly Pick<ContactDoc, 'fields'>[]): DocFields {
  const merged: DocFields = {}
  for (const rev of revisions) {
    for (const name of SYNCED_FIELDS) {
      const entry = rev.fields[name]
      if (!isEntry(entry)) continue
      const current = merged[name]
      if (!current || compareEntries(entry, current) > 0) merged[name] = entry
    }
  }
  return merged
}

/** The values the merged fields stand for; a field nobody has set is null (deleted: false). */
export function fieldValues(fields: DocFields): FieldValues {
  const values = {} as FieldValues
  for (const name of SYNCED_FIELDS) values[name] = fields[name]?.v ?? (name === 'deleted' ? false : null)
  return values
}

/** The latest clock among the fields (the contact's last edit anywhere), if any. */
export function latestClock(fields: DocFields): Hlc | undefined {
  let latest: string | undefined
  for (const name of SYNCED_FIELDS) {
    const t = fields[name]?.t
    if (t && isHlc(t) && (!latest || t > latest)) latest = t
  }
  return latest ? decodeHlc(latest) : undefined
}

export interface Author {
  device: string
  user: string
}

export interface StampedEdit {
  fields: DocFields
  /** The fields that got a new value (and clock). */
  changed: FieldName[]
  /** Edited fields that a later edit made elsewhere keeps: the local value gives way. */
  lost: FieldName[]
  /** The device's clock after the edit. */
  clock: Hlc
}

const successor = (clock: Hlc): Hlc => ({ wall: clock.wall, counter: clock.counter + 1 })

/**
 * A local edit on top of a contact's merged fields. The changed fields share one clock: the
 * time the edit was made (`editedAtMs`: the contact's updatedAt, since it may be sent long
 * after, from offline), but always later than the versions it replaced (the fields whose value
 * here was still the one last synced, `base`), whatever the two machines' clocks say. A value
 * changed elsewhere meanwhile is concurrent with the edit: the later edit wins.
 */
export function stampEdit(
  current: DocFields,
  edits: Partial<FieldValues>,
  base: FieldValues | undefined,
  clock: Hlc,
  editedAtMs: number,
  author: Author
): StampedEdit {
  const values = fieldValues(current)
  const changed = (Object.keys(edits) as FieldName[]).filter((name) => SYNCED_FIELDS.includes(name) && !sameValue(values[name], edits[name] ?? null))
  if (changed.length === 0) return { fields: current, changed, lost: [], clock }
  let next = tickHlc(clock, editedAtMs)
  for (const name of changed) {
    const replaced = current[name]
    // Without a base (new to this database) every existing version counts as seen.
    const seen = replaced && (!base || sameValue(replaced.v, base[name]))
    if (seen && isHlc(replaced.t)) next = receiveHlc(next, successor(decodeHlc(replaced.t)))
  }
  const t = encodeHlc(next)
  const fields: DocFields = { ...current }
  const written: FieldName[] = []
  const lost: FieldName[] = []
  for (const name of changed) {
    const entry: FieldEntry = { v: edits[name] ?? null, t, d: author.device, by: author.user }
    const existing = current[name]
    // A later edit made elsewhere (concurrently, not seen here) keeps the field.
    if (existing && isEntry(existing) && compareEntries(entry, existing) < 0) lost.push(name)
    else {
      fields[name] = entry
      written.push(name)
    }
  }
  return { fields: written.length ? fields : current, changed: written, lost, clock: next }
}

/**
 * Resolves a conflicted contact: the merged fields go on as a new revision of the winner and
 * every losing revision is deleted, so no outcome rests on CouchDB's arbitrary winner.
 */
export function resolveConflict(
  winner: ContactDoc,
  losers: readonly ContactDoc[],
  editor: string
): { merged: ContactDoc; deletions: { _id: string; _rev: string; _deleted: true }[] } {
  const fields = mergeFields([winner, ...losers])
  return {
    merged: { _id: winner._id, ...(winner._rev ? { _rev: winner._rev } : {}), type: 'contact', editor, fields },
    deletions: losers.filter((l) => l._rev).map((l) => ({ _id: l._id, _rev: l._rev!, _deleted: true as const }))
  }
}

/** True when the merged fields equal the winner's: resolving again would change nothing. */
export function sameFields(a: DocFields, b: DocFields): boolean {
  return SYNCED_FIELDS.every((name) => {
    const x = a[name]
    const y = b[name]
    return x === y || (x !== undefined && y !== undefined && compareEntries(x, y) === 0)
  })
}

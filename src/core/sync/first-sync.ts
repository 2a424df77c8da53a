/**
 * Turning sync on when both sides already have contacts: the same person on both sides is
 * matched by the import rules (email, phone, or name and organisation) and merged into the
 * replica's contact instead of appearing twice.
 */
import type { Contact } from '../model'
import { mergeInto, planImport, type MatchedBy } from '../interop/import-plan'
import { byTime } from './docs'

export interface DuplicatePair {
  localId: string
  remoteId: string
  name: string
  matchedBy: MatchedBy
}

export interface FirstSyncPlan {
  /** Contacts only this device has: they go up as they are. */
  upload: number
  /** Contacts only the server has: they come down. */
  download: number
  /** The same person on both sides: merged into the server's contact. */
  merge: DuplicatePair[]
}

export function planFirstSync(local: readonly Contact[], remote: readonly Contact[]): FirstSyncPlan {
  const remoteIds = new Set(remote.map((c) => c.id))
  // A contact with the same id on both sides is one contact already (e.g. restored from one backup).
  const candidates = local.filter((c) => !remoteIds.has(c.id))
  const records = candidates.map((c, row) => ({ row, contact: editableFields(c) }))
  const plan = planImport(remote, records, { onDuplicate: 'merge' })
  const merge: DuplicatePair[] = []
  const matchedRemote = new Set<string>()
  for (const m of plan.toMerge) {
    if (!('existingId' in m.target)) continue // two local contacts that look alike stay as they are
    const contact = candidates[m.row]!
    merge.push({ localId: contact.id, remoteId: m.target.existingId, name: contact.name, matchedBy: m.matchedBy })
    matchedRemote.add(m.target.existingId)
  }
  const localIds = new Set(local.map((c) => c.id))
  return {
    upload: candidates.length - merge.length,
    download: remote.filter((c) => !localIds.has(c.id) && !matchedRemote.has(c.id)).length,
    merge
  }
}

/**
 * The server's contact with what the local duplicate adds: empty fields filled, tags united,
 * every touch of both kept. Nothing is overwritten.
 */
export function mergeDuplicate(local: Contact, remote: Contact, now: Date): Contact {
  const merged: Contact = structuredClone(remote)
  mergeInto(merged, editableFields(local), now)
  const ids = new Set(merged.touches.map((t) => t.id))
  merged.touches = [...merged.touches, ...local.touches.filter((t) => !ids.has(t.id))].sort(byTime)
  return merged
}

function editableFields(c: Contact) {
  return { name: c.name, org: c.org, kind: c.kind, email: c.email, phone: c.phone, tags: [...c.tags], notes: c.notes, subject: c.subject, cadence: c.cadence }
}

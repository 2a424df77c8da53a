/**
 * One sync of one database (the personal list or a team board), in the order that keeps every
 * step safe to interrupt: pull; resolve conflicts; merge duplicates on the very first sync;
 * apply what arrived to the data file; write local edits into the replica; push. The replica
 * and its checkpoints are on disk, the data file is written atomically and the shadow is saved
 * after it, so a process killed anywhere redoes at most some work on the next run, and loses
 * nothing.
 */
import type { TouchbaseService } from '../service/service'
import type { Contact, TouchbaseDocument } from '../core/model'
import type { Hlc } from '../core/sync/hlc'
import {
  contactDocId,
  contactFromValues,
  isContactDoc,
  isTouchDoc,
  parseDocId,
  touchDocId,
  touchFromDoc,
  touchRange,
  touchToDoc,
  type ContactDoc,
  type TouchDoc
} from '../core/sync/docs'
import { fieldValues, latestClock, mergeFields, resolveConflict, sameFields, stampEdit, type Author } from '../core/sync/merge'
import { planExport, planImport, scopeOf, type ImportOutcome, type Projection, type Scope } from '../core/sync/reconcile'
import { mergeDuplicate, planFirstSync, type FirstSyncPlan } from '../core/sync/first-sync'
import type { Db } from './pouch'
import type { Shadow } from './replica-state'

export interface DatabaseSyncContext {
  service: TouchbaseService
  database: string
  /** null: the personal database; else the board's name. */
  scope: Scope
  replica: Db
  remote: Db
  shadow: Shadow
  author: Author
  clock: { value: Hlc }
  now: () => Date
  /** The personal database on its first sync: merge duplicates; with preview, only report. */
  firstSync?: { preview: boolean }
  progress?: (phase: string) => void
}

export interface DatabaseReport {
  database: string
  pushed: number
  pulled: number
  conflictsResolved: number
  /** Documents the server refused (validate_doc_update): e.g. a touch written in another's name. */
  refused: number
  /** Set on a first sync: who was matched (with a preview nothing else happened). */
  firstSync?: FirstSyncPlan
  /** Boards that contacts of this database moved to. */
  boardsSeen: string[]
}

const BATCH = 500
const CHANGES_PAGE = 2_000
/** Beyond this many changed contacts one scan of the replica beats a query per contact. */
const FULL_SCAN_FROM = 300

export async function syncDatabase(ctx: DatabaseSyncContext): Promise<DatabaseReport> {
  const { replica, remote, shadow } = ctx
  ctx.progress?.(`${ctx.database}: receiving`)
  const pull = await replica.replicate.from(remote, { batch_size: BATCH, batches_limit: 4 })
  const changed = await changedSince(replica, shadow.importSeq)
  const conflictsResolved = await resolveConflicts(replica, changed.conflicted, ctx.author.user)

  let firstSync: FirstSyncPlan | undefined
  if (ctx.firstSync && !shadow.started) {
    firstSync = await mergeFirstSync(ctx, ctx.firstSync.preview)
    if (ctx.firstSync.preview) {
      return { database: ctx.database, pushed: 0, pulled: pull.docs_written, conflictsResolved, refused: 0, firstSync, boardsSeen: [] }
    }
  }

  ctx.progress?.(`${ctx.database}: applying`)
  const boardsSeen = await importChanges(ctx, changed.contacts)
  await shadow.save()
  ctx.progress?.(`${ctx.database}: preparing`)
  const gaveWay = await exportChanges(ctx)
  // Local edits that lost to later ones from elsewhere: the data file takes the winners now.
  if (gaveWay.size > 0) await importChanges(ctx, gaveWay)
  await shadow.save({ importSeq: (await replica.info()).update_seq, started: true })

  ctx.progress?.(`${ctx.database}: sending`)
  const push = await replica.replicate.to(remote, { batch_size: BATCH, batches_limit: 4 })
  return {
    database: ctx.database,
    pushed: push.docs_written,
    pulled: pull.docs_written,
    conflictsResolved,
    refused: push.doc_write_failures,
    ...(firstSync ? { firstSync } : {}),
    boardsSeen
  }
}

// ---- reading the replica ----

async function changedSince(replica: Db, since: number | string): Promise<{ contacts: Set<string>; conflicted: string[] }> {
  const contacts = new Set<string>()
  const conflicted: string[] = []
  let seq = since
  for (;;) {
    const page = await replica.changes({ since: seq, limit: CHANGES_PAGE, include_docs: true, conflicts: true })
    for (const row of page.results) {
      const ref = parseDocId(row.id)
      if (!ref) continue
      contacts.add(ref.contactId)
      const doc = row.doc as Partial<ContactDoc> | undefined
      if (ref.kind === 'contact' && doc?._conflicts?.length) conflicted.push(row.id)
    }
    seq = page.last_seq
    if (page.results.length < CHANGES_PAGE) return { contacts, conflicted }
  }
}

/** Every contact of `ids` as the replica has it now (winning revisions, live touches). */
async function project(replica: Db, ids: ReadonlySet<string> | 'all'): Promise<Map<string, Projection>> {
  const contactDocs = new Map<string, ContactDoc>()
  const touchDocs = new Map<string, TouchDoc[]>()
  const addTouch = (doc: TouchDoc) => {
    const ref = parseDocId(doc._id)
    if (ref?.kind !== 'touch') return
    const list = touchDocs.get(ref.contactId)
    if (list) list.push(doc)
    else touchDocs.set(ref.contactId, [doc])
  }
  if (ids === 'all' || ids.size >= FULL_SCAN_FROM) {
    for (const row of await allRows(replica, 'contact:', 'contact:\uffff')) {
      const ref = parseDocId(String(row._id))
      if (ref?.kind === 'contact' && isContactDoc(row) && (ids === 'all' || ids.has(ref.contactId))) contactDocs.set(ref.contactId, row)
    }
    for (const row of await allRows(replica, 'touch:', 'touch:\uffff')) {
      if (isTouchDoc(row)) addTouch(row)
    }
  } else {
    const keys = [...ids].map(contactDocId)
    const found = await replica.allDocs({ keys, include_docs: true })
    for (const row of found.rows) {
      const doc = 'doc' in row ? row.doc : undefined
      const ref = parseDocId(row.key)
      if (ref && doc && isContactDoc(doc)) contactDocs.set(ref.contactId, doc)
    }
    await Promise.all(
      [...ids].map(async (id) => {
        const range = await replica.allDocs({ ...touchRange(id), include_docs: true })
        for (const row of range.rows) if (row.doc && isTouchDoc(row.doc)) addTouch(row.doc)
      })
    )
  }
  const projections = new Map<string, Projection>()
  const wanted = ids === 'all' ? new Set([...contactDocs.keys()]) : ids
  for (const id of wanted) {
    const doc = contactDocs.get(id)
    const fields = doc ? mergeFields([doc]) : undefined
    const clock = fields ? latestClock(fields) : undefined
    projections.set(id, {
      contactId: id,
      values: fields ? fieldValues(fields) : undefined,
      touches: (touchDocs.get(id) ?? []).map(touchFromDoc).filter((t) => t !== undefined),
      updatedAt: clock ? new Date(clock.wall).toISOString() : new Date(0).toISOString()
    })
  }
  return projections
}

async function allRows(replica: Db, startkey: string, endkey: string): Promise<Record<string, unknown>[]> {
  const docs: Record<string, unknown>[] = []
  let from = startkey
  let skip = 0
  for (;;) {
    const page = await replica.allDocs({ startkey: from, endkey, include_docs: true, limit: 5_000, skip })
    for (const row of page.rows) if (row.doc) docs.push(row.doc as Record<string, unknown>)
    if (page.rows.length < 5_000) return docs
    from = page.rows[page.rows.length - 1]!.id
    skip = 1
  }
}

// ---- conflicts ----

async function resolveConflicts(replica: Db, ids: readonly string[], editor: string): Promise<number> {
  let resolved = 0
  for (const id of ids) {
    const winner: unknown = await replica.get(id, { conflicts: true })
    if (!isContactDoc(winner) || !winner._conflicts?.length) continue
    const losers: ContactDoc[] = []
    for (const rev of winner._conflicts) {
      const loser: unknown = await replica.get(id, { rev })
      if (isContactDoc(loser)) losers.push(loser)
    }
    const { merged, deletions } = resolveConflict(winner, losers, editor)
    const writes: object[] = sameFields(merged.fields, winner.fields) ? [] : [merged]
    await replica.bulkDocs([...writes, ...deletions])
    resolved++
  }
  return resolved
}

// ---- first sync: the same person on both sides ----

async function mergeFirstSync(ctx: DatabaseSyncContext, preview: boolean): Promise<FirstSyncPlan> {
  const projections = await project(ctx.replica, 'all')
  const remote = new Map<string, { contact: Contact; projection: Projection }>()
  for (const p of projections.values()) {
    if (!p.values || p.values.deleted === true || (p.values.board ?? null) !== ctx.scope) continue
    const contact = contactFromValues(p.contactId, p.values, p.touches, p.updatedAt)
    if (contact) remote.set(contact.id, { contact, projection: p })
  }
  const local = (await ctx.service.store.read()).contacts.filter((c) => scopeOf(c) === ctx.scope)
  const plan = planFirstSync(local, [...remote.values()].map((r) => r.contact))
  if (preview || plan.merge.length === 0) return plan
  const now = ctx.now()
  await ctx.service.applySyncChange((doc) => {
    for (const pair of plan.merge) {
      const mine = doc.contacts.find((c) => c.id === pair.localId)
      const theirs = remote.get(pair.remoteId)
      if (!mine || !theirs) continue
      const merged = mergeDuplicate(mine, theirs.contact, now)
      doc.contacts = doc.contacts.filter((c) => c.id !== pair.localId && c.id !== pair.remoteId)
      doc.contacts.push(merged)
    }
  })
  // The server's version is the base: what the local duplicate added is sent as an edit.
  for (const pair of plan.merge) {
    const p = remote.get(pair.remoteId)!.projection
    ctx.shadow.contacts.set(pair.remoteId, { values: p.values!, touches: p.touches.map((t) => t.id) })
  }
  await ctx.shadow.save()
  return plan
}

// ---- replica → data file ----

async function importChanges(ctx: DatabaseSyncContext, ids: ReadonlySet<string>): Promise<string[]> {
  if (ids.size === 0) return []
  const projections = await project(ctx.replica, ids)
  const plan = (doc: TouchbaseDocument) => {
    const byId = new Map(doc.contacts.map((c) => [c.id, c]))
    const outcomes: [string, ImportOutcome][] = []
    for (const [id, p] of projections) outcomes.push([id, planImport(byId.get(id), ctx.shadow.contacts.get(id), p, ctx.scope)])
    return outcomes
  }
  let outcomes = plan(await ctx.service.store.read())
  if (outcomes.some(([, o]) => o.kind === 'upsert' || o.kind === 'remove')) {
    // Planned again inside the write: the person may have changed something meanwhile.
    outcomes = await ctx.service.applySyncChange((doc) => {
      const fresh = plan(doc)
      applyOutcomes(doc, fresh)
      return fresh
    })
  }
  const boards = new Set<string>()
  for (const [id, outcome] of outcomes) {
    if (outcome.shadow === null) ctx.shadow.contacts.delete(id)
    else if (outcome.shadow) ctx.shadow.contacts.set(id, outcome.shadow)
    const board = outcome.kind === 'upsert' ? outcome.contact.board : outcome.kind === 'unchanged' ? outcome.board : undefined
    if (board && board !== ctx.scope) boards.add(board)
  }
  return [...boards]
}

function applyOutcomes(doc: TouchbaseDocument, outcomes: readonly [string, ImportOutcome][]): void {
  const index = new Map(doc.contacts.map((c, i) => [c.id, i]))
  const removed = new Set<string>()
  for (const [id, outcome] of outcomes) {
    if (outcome.kind === 'remove') removed.add(id)
    if (outcome.kind !== 'upsert') continue
    const at = index.get(id)
    if (at === undefined) {
      index.set(id, doc.contacts.length)
      doc.contacts.push(outcome.contact)
    } else doc.contacts[at] = outcome.contact
  }
  if (removed.size > 0) doc.contacts = doc.contacts.filter((c) => !removed.has(c.id))
}

// ---- data file → replica ----

/** Writes local edits into the replica; returns the contacts where a local edit lost to a later one. */
async function exportChanges(ctx: DatabaseSyncContext): Promise<Set<string>> {
  const gaveWay = new Set<string>()
  const { replica, shadow, author } = ctx
  const doc = await ctx.service.store.read()
  const edits = planExport(doc.contacts, shadow.contacts, ctx.scope)
  for (let i = 0; i < edits.length; i += BATCH) {
    const chunk = edits.slice(i, i + BATCH)
    const current = await replica.allDocs({ keys: chunk.map((e) => contactDocId(e.contactId)), include_docs: true })
    const removals = chunk.flatMap((e) => e.removedTouches.map((t) => touchDocId(e.contactId, t)))
    const removalRevs = removals.length ? await replica.allDocs({ keys: removals }) : { rows: [] }
    const writes: object[] = []
    chunk.forEach((edit, j) => {
      const row = current.rows[j]!
      const existing = row && 'doc' in row && row.doc && isContactDoc(row.doc) ? (row.doc as ContactDoc) : undefined
      const base = shadow.contacts.get(edit.contactId)?.values
      const stamped = stampEdit(existing?.fields ?? {}, edit.values, base, ctx.clock.value, edit.editedAt ? Date.parse(edit.editedAt) : ctx.now().getTime(), author)
      ctx.clock.value = stamped.clock
      if (stamped.lost.length > 0) gaveWay.add(edit.contactId)
      if (stamped.changed.length > 0) {
        writes.push({ _id: contactDocId(edit.contactId), ...(existing?._rev ? { _rev: existing._rev } : {}), type: 'contact', editor: author.user, fields: stamped.fields })
      }
      for (const touch of edit.addedTouches) writes.push(touchToDoc(edit.contactId, touch, { by: author.user, device: author.device }))
    })
    for (const row of removalRevs.rows) {
      const value = 'value' in row ? (row.value as { rev: string; deleted?: boolean } | undefined) : undefined
      if (value && !value.deleted) writes.push({ _id: row.key, _rev: value.rev, _deleted: true })
    }
    const results = await replica.bulkDocs(writes)
    for (const result of results) {
      // A touch already in the replica (an earlier run wrote it before being stopped) is fine.
      if ('error' in result && result.error && !(result.status === 409 && result.id?.startsWith('touch:'))) {
        throw new Error(`Could not write ${result.id} to the local replica: ${result.message ?? result.name}`)
      }
    }
    for (const edit of chunk) {
      if (edit.shadow === null) shadow.contacts.delete(edit.contactId)
      else shadow.contacts.set(edit.contactId, edit.shadow)
    }
  }
  return gaveWay
}

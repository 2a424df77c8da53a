import { z } from 'zod'
import { ContactInputSchema, describeIssues, editContact, type Contact, type TouchbaseDocument } from '../model'
import { issueCodes } from '../issues'
import { uniqueTags, type ImportRecord, type RowError } from './records'

export type DuplicateChoice = 'merge' | 'skip'

export interface ImportOptions {
  /** What to do with every duplicate without a per-row decision. Default: skip. */
  onDuplicate?: DuplicateChoice
  /** Per-row choices, by the row numbers the plan reports; they win over onDuplicate. */
  decisions?: Record<number, DuplicateChoice>
  onProgress?: (done: number, total: number) => void
}

export type ValidContactInput = z.output<typeof ContactInputSchema>
export type MatchedBy = 'email' | 'phone' | 'name and organisation'

/** A merge goes into a contact that exists, or into one an earlier row of this file adds. */
export type MergeTarget = { existingId: string; name: string } | { row: number; name: string }

export interface PlannedAdd {
  row: number
  input: ValidContactInput
}
export interface PlannedMerge {
  row: number
  input: ValidContactInput
  target: MergeTarget
  matchedBy: MatchedBy
}
export interface PlannedSkip {
  row: number
  name: string
  reason: string
  target: MergeTarget
  matchedBy: MatchedBy
}

export interface ImportPlan {
  toAdd: PlannedAdd[]
  toMerge: PlannedMerge[]
  skipped: PlannedSkip[]
  errors: RowError[]
}

// ---- duplicate keys ----

const emailKey = (email: string | undefined) => email?.trim().toLowerCase() || undefined

/**
 * Digits only; and the last 9 of them, so "+49 30 1234567" meets "030 1234567" and
 * "+1 555 010 2000" meets "(555) 010-2000". Numbers shorter than 6 digits are extensions or
 * service numbers and would match strangers.
 */
export function phoneKey(phone: string | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '')
  if (digits.length < 6) return undefined
  return digits.slice(-9)
}

const squash = (s: string | undefined) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '')

export function nameOrgKey(name: string | undefined, org: string | undefined): string | undefined {
  const n = squash(name)
  return n ? `${n}\u0000${squash(org)}` : undefined
}

interface Candidate {
  target: MergeTarget
  email?: string
  phone?: string
}

class DuplicateIndex {
  private readonly byEmail = new Map<string, Candidate>()
  private readonly byPhone = new Map<string, Candidate>()
  private readonly byNameOrg = new Map<string, Candidate>()

  add(target: MergeTarget, c: { name: string; org?: string; email?: string; phone?: string }): Candidate {
    const candidate: Candidate = { target, email: c.email, phone: c.phone }
    this.learn(candidate, c)
    return candidate
  }

  /** Keys the candidate gains from a merge (a filled email or phone) find later rows too. */
  learn(candidate: Candidate, c: { name?: string; org?: string; email?: string; phone?: string }): void {
    const e = emailKey(c.email)
    const p = phoneKey(c.phone)
    const n = nameOrgKey(c.name, c.org)
    if (e && !this.byEmail.has(e)) this.byEmail.set(e, candidate)
    if (p && !this.byPhone.has(p)) this.byPhone.set(p, candidate)
    if (n && !this.byNameOrg.has(n)) this.byNameOrg.set(n, candidate)
  }

  find(c: ValidContactInput): { candidate: Candidate; matchedBy: MatchedBy } | undefined {
    const e = emailKey(c.email)
    const byEmail = e ? this.byEmail.get(e) : undefined
    if (byEmail) return { candidate: byEmail, matchedBy: 'email' }
    const p = phoneKey(c.phone)
    const byPhone = p ? this.byPhone.get(p) : undefined
    if (byPhone) return { candidate: byPhone, matchedBy: 'phone' }
    const n = nameOrgKey(c.name, c.org)
    const byName = n ? this.byNameOrg.get(n) : undefined
    if (byName) return { candidate: byName, matchedBy: 'name and organisation' }
    return undefined
  }
}

function describeTarget(target: MergeTarget): string {
  return 'existingId' in target ? `"${target.name}"` : `"${target.name}" (row ${target.row} of this file)`
}

/**
 * Decides, without changing anything, what importing `records` into `existing` does: which
 * rows are added, which merge into a contact (existing or from an earlier row), which are
 * skipped as duplicates and which are invalid. Duplicates are skipped unless merge is chosen,
 * so nothing is ever silently duplicated and no existing contact changes without consent.
 */
export function planImport(existing: readonly Contact[], records: readonly ImportRecord[], options: ImportOptions = {}): ImportPlan {
  const plan: ImportPlan = { toAdd: [], toMerge: [], skipped: [], errors: [] }
  const index = new DuplicateIndex()
  for (const c of existing) index.add({ existingId: c.id, name: c.name }, c)

  const total = records.length
  const step = Math.max(1, Math.floor(total / 100))
  records.forEach((record, i) => {
    planRecord(record, index, plan, options)
    if ((i + 1) % step === 0 || i + 1 === total) options.onProgress?.(i + 1, total)
  })
  return plan
}

function planRecord(record: ImportRecord, index: DuplicateIndex, plan: ImportPlan, options: ImportOptions): void {
  const parsed = ContactInputSchema.safeParse(record.contact)
  if (!parsed.success) {
    plan.errors.push({
      row: record.row,
      ...(record.line ? { line: record.line } : {}),
      message: describeIssues(parsed.error).join('; '),
      issues: issueCodes(parsed.error)
    })
    return
  }
  const input = parsed.data
  const match = index.find(input)
  if (!match) {
    plan.toAdd.push({ row: record.row, input })
    index.add({ row: record.row, name: input.name }, input)
    return
  }
  const { candidate, matchedBy } = match
  const decided = options.decisions?.[record.row]
  const choice = decided ?? options.onDuplicate ?? 'skip'
  if (choice === 'skip') {
    const hint = decided || options.onDuplicate ? '' : '; choose merge to combine them'
    plan.skipped.push({
      row: record.row,
      name: input.name,
      reason: `duplicate of ${describeTarget(candidate.target)} (same ${matchedBy})${hint}`,
      target: candidate.target,
      matchedBy
    })
    return
  }
  plan.toMerge.push({ row: record.row, input, target: candidate.target, matchedBy })
  const filled = { email: candidate.email ?? input.email, phone: candidate.phone ?? input.phone }
  index.learn(candidate, filled)
  Object.assign(candidate, filled)
}

// ---- applying ----

export interface ApplyDeps {
  newId: () => string
  now: Date
}

/** Fills the contact's empty fields from `input` and unions tags; never overwrites or drops anything. */
export function mergeInto(contact: Contact, input: ValidContactInput, now: Date): boolean {
  let changed = false
  for (const field of ['org', 'email', 'phone', 'notes', 'subject', 'cadence'] as const) {
    const value = input[field]
    if (value !== undefined && (contact[field] === undefined || contact[field] === '')) {
      contact[field] = value
      changed = true
    }
  }
  const tags = uniqueTags([...contact.tags, ...input.tags])
  if (tags.length !== contact.tags.length) {
    contact.tags = tags
    changed = true
  }
  if (changed) contact.updatedAt = now.toISOString()
  return changed
}

export function newContact(input: ValidContactInput, deps: ApplyDeps): Contact {
  const at = deps.now.toISOString()
  // Built in the schema's key order, without absent keys, so the stored JSON reads the same
  // as a contact added any other way.
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>))
  return {
    id: deps.newId(),
    name: input.name,
    ...optional('org', input.org),
    kind: input.kind,
    ...optional('email', input.email),
    ...optional('phone', input.phone),
    tags: uniqueTags(input.tags),
    ...optional('notes', input.notes),
    ...optional('subject', input.subject),
    ...optional('cadence', input.cadence),
    status: 'active',
    createdAt: at,
    updatedAt: at,
    touches: []
  }
}

export interface AppliedImport {
  /** The id each added or merged row ended up in. */
  idsByRow: Map<number, string>
}

/** Carries out a plan on a document (a store draft), in place. */
export function applyImportPlan(doc: TouchbaseDocument, plan: ImportPlan, deps: ApplyDeps): AppliedImport {
  const idsByRow = new Map<number, string>()
  const indexById = new Map(doc.contacts.map((c, i) => [c.id, i]))
  for (const add of plan.toAdd) {
    const contact = newContact(add.input, deps)
    indexById.set(contact.id, doc.contacts.push(contact) - 1)
    idsByRow.set(add.row, contact.id)
  }
  for (const merge of plan.toMerge) {
    const id = 'existingId' in merge.target ? merge.target.existingId : idsByRow.get(merge.target.row)
    const index = id === undefined ? undefined : indexById.get(id)
    if (index === undefined || id === undefined) throw new Error(`import plan is stale: the contact for row ${merge.row} is gone`)
    // The store's records are frozen: merge into a private copy of one (see editContact).
    const contact = Object.isFrozen(doc.contacts[index]) ? editContact(doc, index) : doc.contacts[index]!
    mergeInto(contact, merge.input, deps.now)
    idsByRow.set(merge.row, id)
  }
  return { idsByRow }
}

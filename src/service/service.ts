import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import {
  BoardName,
  CloseInputSchema,
  ContactInputSchema,
  ContactPatchSchema,
  ContactSchema,
  DayOrInstant,
  BlockRecordInputSchema,
  IdRef,
  PlanDays,
  PlaybookLanguageSchema,
  PromiseWhat,
  SettingsPatchSchema,
  SpreadRequestSchema,
  SpreadUndoSchema,
  TouchCount,
  TouchInputSchema,
  TouchPatchSchema,
  editContact,
  type BlockRecord,
  type BlockRecordInput,
  type CloseInput,
  type Contact,
  type ContactInput,
  type ContactPatch,
  type ReminderState,
  type Settings,
  type SettingsPatch,
  type SpreadRequest,
  type SpreadUndo,
  type TouchbaseDocument,
  type TouchInput,
  type TouchPatch
} from '../core/model'
import { latestTouch, touchCount } from '../core/cadence'
import { suggestNextChannel } from '../core/suggestions'
import { issueCodes } from '../core/issues'
import { dueViews, toBlockCard, toContactSummary, toContactView, type BlockCard, type ContactChange, type ContactSummary, type ContactView, type ViewContext } from '../core/contact-view'
import { buildBoard, type Board } from '../core/board'
import { contactFilter, ContactQuerySchema, type ContactQuery } from '../core/filters'
import { computeStats, usualStopFor, type Stats } from '../core/insights'
import { localDay, parseDayOrInstant, systemTimeZone } from '../core/time'
import { blockQueue, todaySections, type TodaySections } from '../core/today'
import { buildPlan, nextBlockSize, planSpread, type Plan, type SpreadMove } from '../core/plan'
import { blockStreak, type Streak } from '../core/streak'
import { messageFor, resolvePlaybook, type PlaybookEntry, type PlaybookLanguage, type TouchMessage } from '../core/playbook'
import { BACKUP_DIR_NAME, DataFileBackError, latestBackup, type DataFileErrorCode, type Store, type StoreStatus, type StoreWarning } from '../store'
import { ExportFormatSchema, ImportFileRequestSchema, type ExportFormat, type ExportedFile, type ImportFileRequest, type ImportReport } from '../core/interop/requests'
// Import, export and restore load their libraries (CSV, vCard, iCalendar) only when used:
// a `touchbase touch` starts faster and smaller without them.
const interop = () => import('./interop')
import { ServiceError, invalidInput, parseOrThrow } from './errors'
import { z } from 'zod'

export interface ServiceOptions {
  /** The clock; the CLI's --now and the tests pin it. */
  now?: () => Date
  timeZone?: () => string
  newId?: () => string
  /** Ids of new touches; default: ULIDs (or `newId` when only that is given, as tests do). */
  newTouchId?: () => string
}

/**
 * Who made a change: 'local' for everything a person did here (any front), 'sync' for changes
 * that arrived from another device. Sync sends only local changes, so nothing echoes back.
 */
export type ChangeOrigin = 'local' | 'sync'
export type ChangeListener = (origin: ChangeOrigin) => void

/** Short ids are easy to type on the command line; 10 hex digits make collisions negligible. */
export function newContactId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 10)
}

/** What `stats` answers: the figures, and the streak of workdays with a finished block. */
export type StatsReport = Stats & { streak: Streak }

/** One move of a Spread as it was applied, with the snooze it replaced (for Undo). */
export interface AppliedMove extends SpreadMove {
  /** The contact's snooze before; null when there was none. */
  previous: string | null
}

export interface SpreadResult {
  capacity: number
  days: number
  dryRun: boolean
  moves: AppliedMove[]
  /** The moved contacts as they are now (empty for a dry run). */
  contacts: ContactView[]
}

export interface BlockStartInfo {
  /** Everything due today or earlier, most urgent first, as cards (the latest touches, not the whole log). */
  queue: BlockCard[]
  minutes: 15 | 30 | 45
  today: string
  workdays: Settings['workdays']
  streak: Streak
}

export interface BlockStatus {
  streak: Streak
  /** How many follow-ups the next block will have (due by the next workday). */
  nextBlockSize: number
}

/** A JSON backup can be large; far beyond any real one, the cap keeps a bad call from exhausting memory. */
const BackupText = z.string().max(200_000_000, 'is larger than 200 MB')

/**
 * The application service: every command and query of Touchbase. The CLI, the Electron main
 * process (through the IPC contract in ./api) and the tests all call this; it is the one place
 * behaviour lives, and the one place a front's input is validated: every public method parses
 * its arguments with core's schemas, whoever calls it.
 */
export class TouchbaseService {
  readonly now: () => Date
  readonly timeZone: () => string
  /** The data file; every write through it is announced to onChange listeners as 'local'. */
  readonly store: Store
  private readonly newId: () => string
  private readonly newTouchId: () => string
  private readonly changeListeners = new Set<ChangeListener>()

  constructor(
    private readonly file: Store,
    options: ServiceOptions = {}
  ) {
    this.now = options.now ?? (() => new Date())
    this.timeZone = options.timeZone ?? systemTimeZone
    this.newId = options.newId ?? newContactId
    // Monotonic: touches logged in the same millisecond (a drag over 3 columns) keep their order.
    this.newTouchId = options.newTouchId ?? options.newId ?? monotonicFactory()
    this.store = announceWrites(file, () => this.emitChange('local'))
  }

  /** Calls back after every change written through this service, with its origin. */
  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /** Sync writes what arrived from other devices here; tagged 'sync' so it is not sent back. */
  async applySyncChange<T>(change: (doc: TouchbaseDocument) => T): Promise<T> {
    const result = await this.file.update(change, { origin: 'sync' })
    this.emitChange('sync')
    return result
  }

  private emitChange(origin: ChangeOrigin): void {
    for (const listener of [...this.changeListeners]) {
      try {
        listener(origin)
      } catch {
        // A listener's bug must not fail the write that already happened.
      }
    }
  }

  // ---- queries ----

  async list(query?: ContactQuery): Promise<ContactView[]> {
    const q = parseOrThrow(ContactQuerySchema, query, 'filter')
    const doc = await this.store.read()
    const ctx = this.viewContext(doc)
    return doc.contacts.map((c) => toContactView(c, ctx)).filter(contactFilter(q, { ...ctx, me: doc.settings.sync?.user }))
  }

  /** The window's list: the same contacts as list(), each without its touch log (core/contact-view ContactSummary). */
  async summaries(query?: ContactQuery): Promise<ContactSummary[]> {
    return (await this.list(query)).map(toContactSummary)
  }

  /** One contact's full view, with its touch log. */
  async get(id: string): Promise<ContactView> {
    const doc = await this.store.read()
    return toContactView(findContact(doc, parseOrThrow(IdRef, id, 'id')), this.viewContext(doc))
  }

  async board(query?: ContactQuery): Promise<Board> {
    return buildBoard(await this.list(query))
  }

  /** Contacts due on or before today, most overdue first (high priority first within a day). */
  async due(query?: ContactQuery): Promise<ContactView[]> {
    const q = parseOrThrow(ContactQuerySchema, query, 'filter')
    const doc = await this.store.read()
    const ctx = this.viewContext(doc)
    return dueViews(doc.contacts, ctx, contactFilter(q, { ...ctx, me: doc.settings.sync?.user }))
  }

  /** Today in sections: overdue (with how late), today, they owe you, coming up. */
  async today(query?: ContactQuery): Promise<TodaySections> {
    return todaySections(await this.list(query))
  }

  async stats(): Promise<StatsReport> {
    const doc = await this.store.read()
    const views = this.views(doc)
    return { ...computeStats(views, { now: this.now(), timeZone: this.timeZone() }), streak: this.streak(doc) }
  }

  /** Expected follow-ups per day against the daily capacity, for the next `days` days. */
  async plan(days: number = 14): Promise<Plan> {
    const n = parseOrThrow(PlanDays, days, 'days')
    const doc = await this.store.read()
    return buildPlan(this.views(doc), { today: this.localToday(), days: n, capacity: doc.settings.dailyCapacity, workdays: doc.settings.workdays })
  }

  /** What a follow-up block starts with: the queue, the timer and the streak. */
  async blockQueue(): Promise<BlockStartInfo> {
    const doc = await this.store.read()
    return { queue: blockQueue(this.views(doc)).map(toBlockCard), minutes: doc.settings.blockMinutes, today: this.localToday(), workdays: doc.settings.workdays, streak: this.streak(doc) }
  }

  async blockStatus(): Promise<BlockStatus> {
    const doc = await this.store.read()
    return { streak: this.streak(doc), nextBlockSize: nextBlockSize(this.views(doc), this.localToday(), doc.settings.workdays) }
  }

  /** The ideas and message templates per touch number, the user's own over the built-in ones in `language`. */
  async playbook(language: PlaybookLanguage): Promise<PlaybookEntry[]> {
    const lang = parseOrThrow(PlaybookLanguageSchema, language, 'language')
    return resolvePlaybook((await this.store.read()).settings.playbook, lang)
  }

  /** The idea and the filled-in message template for a contact's next touch. */
  async message(id: string, language: PlaybookLanguage): Promise<TouchMessage> {
    const key = parseOrThrow(IdRef, id, 'id')
    const lang = parseOrThrow(PlaybookLanguageSchema, language, 'language')
    const doc = await this.store.read()
    const contact = findContact(doc, key)
    return messageFor({ ...contact, touchCount: touchCount(contact) }, doc.settings.playbook, lang, this.timeZone())
  }

  async settings(): Promise<Settings> {
    return (await this.store.read()).settings
  }

  async reminderState(): Promise<ReminderState> {
    return (await this.store.read()).reminder
  }

  // ---- contact commands ----

  async addContact(input: ContactInput): Promise<ContactView> {
    const fields = parseOrThrow(ContactInputSchema, input, 'contact')
    const at = this.nowIso()
    const contact: Contact = { ...fields, id: this.newId(), status: 'active', createdAt: at, updatedAt: at, touches: [] }
    return this.store.update((doc) => {
      doc.contacts.push(contact)
      return toContactView(contact, this.viewContext(doc))
    })
  }

  async editContact(id: string, patch: ContactPatch): Promise<ContactChange> {
    const fields = parseOrThrow(ContactPatchSchema, patch, 'contact')
    return this.change(id, (_doc, contact) => {
      for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
        if (value === undefined && !(key in patch)) continue
        // null or blank clears an optional field (e.g. cadence back to the default).
        if (value === null || value === undefined) delete (contact as Record<string, unknown>)[key]
        else (contact as Record<string, unknown>)[key] = value
      }
    })
  }

  /** Deletes a contact and returns it whole, so a front can offer Undo via restoreContact. */
  async deleteContact(id: string): Promise<Contact> {
    const key = parseOrThrow(IdRef, id, 'id')
    return this.store.update((doc) => {
      const contact = findContact(doc, key)
      doc.contacts = doc.contacts.filter((c) => c.id !== contact.id)
      return contact
    })
  }

  /** Puts back a contact exactly as it was (Undo for any change, including delete). */
  async restoreContact(snapshot: Contact): Promise<ContactView> {
    const contact = parseOrThrow(ContactSchema, snapshot, 'contact')
    return this.store.update((doc) => {
      const index = doc.contacts.findIndex((c) => c.id === contact.id)
      if (index >= 0) doc.contacts[index] = contact
      else doc.contacts.push(contact)
      return toContactView(contact, this.viewContext(doc))
    })
  }

  // ---- touches ----

  /** Logs one touch (or `count` identical touches, for a drag across several columns). */
  async logTouch(id: string, input: TouchInput = {}, count = 1): Promise<ContactChange> {
    const touch = parseOrThrow(TouchInputSchema, input, 'touch')
    const n = parseOrThrow(TouchCount, count, 'count')
    const now = this.nowIso()
    const at = touch.at ?? now
    this.checkTouchTime(at)
    return this.change(id, (doc, contact) => {
      if (!touch.channel && !contact.email && !contact.phone) {
        const message = `${contact.name} has no email or phone, so there is no channel to suggest. Say how you reached them, e.g. --channel meeting (one of call, email, message, meeting, social, other).`
        throw new ServiceError('invalid-input', message, ['channel: required for a contact with no email or phone'], 'channel-needed')
      }
      if (!touch.force) checkTouchAfterCreation(at, contact)
      const channel = touch.channel ?? suggestNextChannel(contact)
      // With sync set up, a touch says who made it (a team board shows it on the card).
      const by = doc.settings.sync?.user
      for (let i = 0; i < n; i++) {
        contact.touches.push({ id: this.newTouchId(), at, channel, ...(touch.note ? { note: touch.note } : {}), ...(touch.outcome ? { outcome: touch.outcome } : {}), ...(by ? { by } : {}) })
      }
      // A touch restarts the cadence, so a snooze for the previous due date no longer applies.
      delete contact.snoozedUntil
      contact.touches.sort((a, b) => a.at.localeCompare(b.at))
    }, now)
  }

  /** Removes the latest `count` touches (by time); on a team board, the latest of your own. */
  async undoTouch(id: string, count = 1): Promise<ContactChange> {
    const n = parseOrThrow(TouchCount, count, 'count')
    return this.change(id, (doc, contact) => {
      const own = { touches: contact.touches.filter((t) => isOwnTouch(doc, contact, t)) }
      if (own.touches.length === 0) throw new ServiceError('conflict', `${contact.name} has no touch to undo.`, [], 'no-touch-to-undo')
      for (let i = 0; i < n && own.touches.length > 0; i++) {
        const latest = latestTouch(own)!
        own.touches = own.touches.filter((t) => t !== latest)
        contact.touches = contact.touches.filter((t) => t !== latest)
      }
    })
  }

  /**
   * A touch is written once: an edit replaces it with a new touch (a new id) carrying the
   * changes, so a synced copy of the old one can never disagree with it.
   */
  async editTouch(id: string, touchId: string, patch: TouchPatch): Promise<ContactChange> {
    const key = parseOrThrow(IdRef, touchId, 'touchId')
    const fields = parseOrThrow(TouchPatchSchema, patch, 'touch')
    if (fields.at) this.checkTouchTime(fields.at)
    return this.change(id, (doc, contact) => {
      const index = contact.touches.findIndex((t) => t.id === key)
      if (index < 0) throw new ServiceError('not-found', `No touch ${touchId} on ${contact.name}.`, [], 'touch-not-found')
      assertOwnTouch(doc, contact, contact.touches[index]!)
      if (fields.at && !fields.force) checkTouchAfterCreation(fields.at, contact)
      const { by: _by, device: _device, ...kept } = contact.touches[index]!
      const by = doc.settings.sync?.user
      const touch = { ...kept, id: this.newTouchId(), ...(by ? { by } : {}) }
      contact.touches[index] = touch
      if (fields.channel) touch.channel = fields.channel
      if (fields.at) touch.at = fields.at
      if (fields.note !== undefined) {
        if (fields.note) touch.note = fields.note
        else delete touch.note
      }
      if (fields.outcome === null) delete touch.outcome
      else if (fields.outcome) touch.outcome = fields.outcome
      contact.touches.sort((a, b) => a.at.localeCompare(b.at))
    })
  }

  async deleteTouch(id: string, touchId: string): Promise<ContactChange> {
    const key = parseOrThrow(IdRef, touchId, 'touchId')
    return this.change(id, (doc, contact) => {
      const touch = contact.touches.find((t) => t.id === key)
      if (!touch) throw new ServiceError('not-found', `No touch ${key} on ${contact.name}.`, [], 'touch-not-found')
      assertOwnTouch(doc, contact, touch)
      contact.touches = contact.touches.filter((t) => t.id !== key)
    })
  }

  /**
   * Moves a contact to a team board (a shared database) with all its touches, or back to the
   * personal list with null. The board must be one this person syncs (Settings → Sync).
   */
  async moveToBoard(id: string, board: string | null): Promise<ContactChange> {
    const target = board === null ? null : parseOrThrow(BoardName, board, 'board')
    return this.change(id, (doc, contact) => {
      if (target !== null && !doc.settings.sync?.boards.includes(target)) {
        throw new ServiceError('not-found', `You do not sync a board "${target}". Join it first: touchbase sync --join ${target}`, [], 'not-found')
      }
      if (target === null) delete contact.board
      else contact.board = target
    })
  }

  // ---- status ----

  async snooze(id: string, until: string): Promise<ContactChange> {
    const at = this.parseDate(until, 'until')
    return this.change(id, (_doc, contact) => {
      contact.snoozedUntil = at
    })
  }

  /**
   * Waiting on them: they promised something (`what`) by `until`. Due then; a touch after this
   * keeps the promise and chases on the cadence (core/promises).
   */
  async wait(id: string, until: string, what?: string): Promise<ContactChange> {
    const at = this.parseDate(until, 'until')
    const text = parseOrThrow(PromiseWhat, what, 'what')
    return this.change(id, (_doc, contact) => {
      contact.status = 'waiting'
      contact.waitingUntil = at
      contact.waitingSince = this.nowIso()
      if (text) contact.waitingFor = text
      else delete contact.waitingFor
      delete contact.snoozedUntil
      delete contact.reentryAt
      delete contact.closedAt
    })
  }

  /** They delivered what they promised: the wait ends and the contact is back on its cadence. */
  async delivered(id: string): Promise<ContactChange> {
    return this.change(id, (_doc, contact) => {
      if (contact.status !== 'waiting') throw new ServiceError('conflict', `You are not waiting on ${contact.name}.`, [], 'not-waiting')
      contact.status = 'active'
      clearPromise(contact)
      delete contact.snoozedUntil
    })
  }

  async close(id: string, input: CloseInput): Promise<ContactChange> {
    const parsed = CloseInputSchema.safeParse(input)
    if (!parsed.success) {
      // The one close problem the UI can meet (a not-now without a date) gets a reason it can say.
      const noDate = issueCodes(parsed.error).some((i) => i.field === 'until' && i.code === 'required')
      throw invalidInput('close', parsed.error, noDate ? 'not-now-needs-date' : undefined)
    }
    const close = parsed.data
    const reentry = close.as === 'not-now' ? this.parseDate(close.until!, 'until') : undefined
    return this.change(id, (_doc, contact) => {
      contact.status = close.as
      contact.closedAt = this.nowIso()
      clearPromise(contact)
      delete contact.snoozedUntil
      if (reentry) contact.reentryAt = reentry
      else delete contact.reentryAt
    })
  }

  async reopen(id: string): Promise<ContactChange> {
    return this.change(id, (_doc, contact) => {
      contact.status = 'active'
      delete contact.closedAt
      delete contact.reentryAt
      clearPromise(contact)
    })
  }

  // ---- planning ----

  /**
   * Spread: snoozes the overdue backlog and over-capacity days across the next workdays
   * (core/plan planSpread). One write; the result lists every move with the snooze it replaced,
   * which is what `unspread` takes to undo it.
   */
  async spread(request?: SpreadRequest): Promise<SpreadResult> {
    const { days, dryRun } = parseOrThrow(SpreadRequestSchema, request, 'spread request')
    const run = (doc: TouchbaseDocument): SpreadResult => {
      const moves = planSpread(this.views(doc), { today: this.localToday(), days, capacity: doc.settings.dailyCapacity, workdays: doc.settings.workdays, timeZone: this.timeZone() })
      const applied: AppliedMove[] = []
      const changed: Contact[] = []
      for (const move of moves) {
        const index = doc.contacts.findIndex((c) => c.id === move.id)
        applied.push({ ...move, previous: doc.contacts[index]!.snoozedUntil ?? null })
        if (dryRun) continue
        const contact = editContact(doc, index)
        contact.snoozedUntil = move.at
        contact.updatedAt = this.nowIso()
        changed.push(contact)
      }
      const ctx = this.viewContext(doc)
      return { capacity: doc.settings.dailyCapacity, days, dryRun, moves: applied, contacts: changed.map((c) => toContactView(c, ctx)) }
    }
    return dryRun ? run(await this.store.read()) : this.store.update(run)
  }

  /**
   * Undoes a Spread, or some of its moves: puts back the snooze each contact had, where the
   * snooze is still the one Spread set. A contact touched or snoozed since keeps its newer state.
   */
  async unspread(moves: SpreadUndo): Promise<{ contacts: ContactView[]; restored: string[]; skipped: string[] }> {
    const list = parseOrThrow(SpreadUndoSchema, moves, 'moves')
    return this.store.update((doc) => {
      const restored: Contact[] = []
      const skipped: string[] = []
      for (const move of list) {
        const index = doc.contacts.findIndex((c) => c.id === move.id)
        if (index < 0 || doc.contacts[index]!.snoozedUntil !== move.at) {
          skipped.push(move.id)
          continue
        }
        const contact = editContact(doc, index)
        if (move.previous) contact.snoozedUntil = move.previous
        else delete contact.snoozedUntil
        contact.updatedAt = this.nowIso()
        restored.push(contact)
      }
      const ctx = this.viewContext(doc)
      return { contacts: restored.map((c) => toContactView(c, ctx)), restored: restored.map((c) => c.id), skipped }
    })
  }

  // ---- follow-up blocks ----

  /** Records a finished follow-up block (date, duration, counts) and returns the new streak. */
  async recordBlock(input: BlockRecordInput): Promise<{ record: BlockRecord; streak: Streak; nextBlockSize: number }> {
    const block = parseOrThrow(BlockRecordInputSchema, input, 'block')
    if (Date.parse(block.endedAt) > this.now().getTime() + 60_000) {
      throw new ServiceError('invalid-input', 'Invalid block: endedAt: must not be in the future', ['endedAt: must not be in the future'])
    }
    return this.store.update((doc) => {
      const record: BlockRecord = { id: this.newId(), date: localDay(block.startedAt, this.timeZone()), ...block }
      doc.blocks.push(record)
      return { record, streak: this.streak(doc), nextBlockSize: nextBlockSize(this.views(doc), this.localToday(), doc.settings.workdays) }
    })
  }

  // ---- settings and reminder state ----

  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    const fields = parseOrThrow(SettingsPatchSchema, patch, 'settings')
    return this.store.update((doc) => Object.assign(doc.settings, fields))
  }

  async updateReminderState(patch: Partial<ReminderState>): Promise<ReminderState> {
    return this.store.update((doc) => {
      for (const [key, value] of Object.entries(patch) as [keyof ReminderState, string | undefined][]) {
        if (value === undefined) delete doc.reminder[key]
        else doc.reminder[key] = value
      }
      return doc.reminder
    })
  }

  // ---- import, export, restore ----

  /**
   * Imports a CSV or vCard file on disk in one atomic write (or only reports, with dryRun),
   * streamed: refused at once beyond MAX_IMPORT_BYTES, and read a chunk at a time. `onRead`
   * follows the bytes read; `onProgress` then follows the rows planned.
   */
  async importFile(request: ImportFileRequest, progress: ImportProgress = {}): Promise<ImportReport> {
    const parsed = parseOrThrow(ImportFileRequestSchema, request, 'import request')
    return (await interop()).importFromDisk(this.store, parsed, { now: this.now(), newId: this.newId, ...progress })
  }

  /**
   * For a CSV refused only because no column holds names: its columns and first rows, read from
   * the start of the file, so a front can let the person point at the name column. Null for any
   * other file.
   */
  async importFileColumns(path: string): Promise<ImportReport | null> {
    return (await interop()).columnsFromDisk(parseOrThrow(ImportFileRequestSchema.shape.path, path, 'path'))
  }

  async exportData(format: ExportFormat): Promise<ExportedFile> {
    return (await interop()).exportData(this.store, parseOrThrow(ExportFormatSchema, format, 'format'), { now: this.now(), timeZone: this.timeZone() })
  }

  /** Replaces everything with a JSON backup, after validating it and backing up the current file. */
  async restoreBackup(text: string): Promise<{ contacts: number; backupPath: string }> {
    return (await interop()).restoreBackup(this.store, parseOrThrow(BackupText, text, 'backup'))
  }

  // ---- the data file itself ----

  /** Whether the data file can be used, as plain data a front can show (and send over IPC). */
  async dataStatus(): Promise<DataStatus> {
    const status = toDataStatus(this.store.status(), this.store.filePath)
    if (status.state === 'ok' || !status.latestBackup) return status
    // When the backup's data was saved: a hard link keeps the live file's time, a copy is made then.
    const saved = await stat(status.latestBackup).catch(() => undefined)
    return saved ? { ...status, latestBackupAt: saved.mtime.toISOString() } : status
  }

  /** The way back from a damaged or vanished file: restores the newest backup (the current state is kept aside first). */
  async restoreLatestBackup(): Promise<{ contacts: number; backupPath: string; restoredFrom: string }> {
    const latest = await latestBackup(this.store.dataDir)
    if (!latest) throw new ServiceError('not-found', `There is no backup in ${join(this.store.dataDir, BACKUP_DIR_NAME)} to restore.`)
    return { ...(await this.restoreBackup(await readFile(latest, 'utf8'))), restoredFrom: latest }
  }

  /** When the file vanished while Touchbase was running: writes back the data Touchbase still holds. */
  async recreateDataFile(): Promise<{ contacts: number }> {
    if (this.store.status().state !== 'missing') throw new ServiceError('conflict', 'The data file is not missing, so there is nothing to recreate.')
    try {
      return { contacts: await this.store.restoreLastKnown() }
    } catch (error) {
      // It came back (moved back, a drive mounted) while we were about to write: it is kept as it is.
      if (error instanceof DataFileBackError) throw new ServiceError('conflict', error.message, [], 'data-file-back')
      throw error
    }
  }

  // ---- helpers ----

  viewContext(doc: TouchbaseDocument): ViewContext {
    const now = this.now()
    const timeZone = this.timeZone()
    return { now, timeZone, settings: doc.settings, usualStop: usualStopFor(doc.contacts, now, timeZone) }
  }

  private views(doc: TouchbaseDocument): ContactView[] {
    const ctx = this.viewContext(doc)
    return doc.contacts.map((c) => toContactView(c, ctx))
  }

  /** The local day of now. */
  private localToday(): string {
    return localDay(this.now(), this.timeZone())
  }

  private streak(doc: TouchbaseDocument): Streak {
    return blockStreak(doc.blocks, this.localToday(), doc.settings.workdays)
  }

  private nowIso(): string {
    return this.now().toISOString()
  }

  /** A touch cannot be in the future (a minute of clock skew aside). */
  private checkTouchTime(at: string): void {
    if (Date.parse(at) > this.now().getTime() + 60_000) {
      throw new ServiceError('invalid-input', 'Invalid touch: at: must not be in the future', ['at: must not be in the future'], 'future-touch')
    }
  }

  private parseDate(text: string, field: string): string {
    parseOrThrow(DayOrInstant, text, field)
    return parseDayOrInstant(text, this.timeZone())
  }

  /**
   * Applies a change to one contact (found by id or unique id prefix) and returns its new view
   * together with the stored record as it was, for Undo.
   */
  private async change(id: string, apply: (doc: TouchbaseDocument, contact: Contact) => void, updatedAt = this.nowIso()): Promise<ContactChange> {
    const key = parseOrThrow(IdRef, id, 'id')
    return this.store.update((doc) => {
      const before = findContact(doc, key)
      // A private copy of this one contact; the others stay shared, unvalidated and unencoded.
      const contact = editContact(doc, doc.contacts.indexOf(before))
      apply(doc, contact)
      contact.updatedAt = updatedAt
      return { contact: toContactView(contact, this.viewContext(doc)), before }
    })
  }
}

const EPOCH = '1970-01-01T00:00:00.000Z'

/**
 * A touch before 1970, or before the contact was added, is nearly always a mistyped date
 * (0001-01-01, the wrong year). It takes `force` (the CLI's --force) to log one on purpose, e.g.
 * a real call from before the contact was entered into Touchbase.
 */
function checkTouchAfterCreation(at: string, contact: Contact): void {
  const ms = Date.parse(at)
  if (ms < Date.parse(EPOCH)) {
    const issue = `at: ${at} is before 1970; check the date (use --force if it is right)`
    throw new ServiceError('invalid-input', `Invalid touch: ${issue}`, [issue], 'touch-before-1970')
  }
  if (ms < Date.parse(contact.createdAt)) {
    const issue = `at: ${at} is before ${contact.name} was added (${contact.createdAt}); check the date (use --force if it is right)`
    throw new ServiceError('invalid-input', `Invalid touch: ${issue}`, [issue], 'touch-before-created')
  }
}

/** On a team board only the author may change or remove a touch; the server enforces the same. */
function isOwnTouch(doc: TouchbaseDocument, contact: Contact, touch: Contact['touches'][number]): boolean {
  const me = doc.settings.sync?.user
  return !contact.board || !touch.by || !me || touch.by === me
}

function assertOwnTouch(doc: TouchbaseDocument, contact: Contact, touch: Contact['touches'][number]): void {
  if (!isOwnTouch(doc, contact, touch)) {
    throw new ServiceError('conflict', `This touch on ${contact.name} was logged by ${touch.by}; only they can change or delete it.`, [], 'not-your-touch')
  }
}

/** The store, with every completed write announced (the service's 'local' changes). */
function announceWrites(store: Store, announce: () => void): Store {
  const after = async <T>(write: Promise<T>): Promise<T> => {
    const value = await write
    announce()
    return value
  }
  return {
    get filePath() {
      return store.filePath
    },
    get dataDir() {
      return store.dataDir
    },
    read: () => store.read(),
    update: (change, options) => after(store.update(change, options)),
    replace: (doc, options) => after(store.replace(doc, options)),
    restoreLastKnown: (options) => after(store.restoreLastKnown(options)),
    backupNow: (label) => store.backupNow(label),
    status: () => store.status(),
    watch: (listener, options) => store.watch(listener, options),
    close: () => store.close()
  }
}

function clearPromise(contact: Contact): void {
  delete contact.waitingUntil
  delete contact.waitingFor
  delete contact.waitingSince
}

/** What `onRead` and `onProgress` of an import follow: bytes read, then rows planned. */
export interface ImportProgress {
  onRead?: (bytesRead: number, bytesTotal: number) => void
  onProgress?: (done: number, total: number) => void
}

/** A warning about the data file for a front (a backup that could not be made, …); `message` is English. */
export type DataWarning = Pick<StoreWarning, 'code' | 'message'>

/** The data file's state for a front: ok, or what is wrong with it and the ways back. */
export type DataStatus =
  | { state: 'ok'; filePath: string }
  | {
      state: 'damaged' | 'missing'
      filePath: string
      code: DataFileErrorCode
      /** The full explanation, in English (the CLI's words); `code` is what a UI translates. */
      message: string
      details: string[]
      safeCopyPath?: string
      latestBackup?: string
      /** When the latest backup's data was saved (its file's modification time), ISO 8601. */
      latestBackupAt?: string
      /** missing only: the data Touchbase still holds can be written back (recreateDataFile). */
      canRecreate: boolean
    }

export function toDataStatus(status: StoreStatus, filePath: string): DataStatus {
  if (status.state === 'ok') return { state: 'ok', filePath }
  const { error } = status
  return {
    state: status.state,
    filePath,
    code: error.code,
    message: error.message,
    details: error.details,
    ...(error.safeCopyPath ? { safeCopyPath: error.safeCopyPath } : {}),
    ...(error.latestBackup ? { latestBackup: error.latestBackup } : {}),
    canRecreate: status.state === 'missing' && !error.danglingLink
  }
}

/** Finds a contact by exact id or by an unambiguous id prefix (handy on the command line). */
export function findContact(doc: TouchbaseDocument, id: string): Contact {
  const exact = doc.contacts.find((c) => c.id === id)
  if (exact) return exact
  const matches = doc.contacts.filter((c) => c.id.startsWith(id))
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) {
    throw new ServiceError('conflict', `"${id}" matches ${matches.length} contacts; give more of the id.`, [], 'ambiguous-id')
  }
  throw new ServiceError('not-found', `No contact with id "${id}". List ids with: touchbase list`, [], 'not-found')
}

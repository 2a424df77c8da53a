import { z } from 'zod'
import { rruleProblem } from './rrule-text'
import { multiLine, singleLine } from './text'

/** The data document's current version; migrations in ./migrations bring older files up to it. */
export const SCHEMA_VERSION = 1

export const CONTACT_KINDS = ['lead', 'customer', 'vendor', 'partner', 'colleague', 'other'] as const
export const CHANNELS = ['call', 'email', 'message', 'meeting', 'social', 'other'] as const
export const OUTCOMES = ['no-reply', 'replied', 'positive', 'negative'] as const
export const STATUSES = ['active', 'waiting', 'won', 'not-now', 'dropped'] as const
/** Statuses that put a contact on the board; the others are the exit lanes. */
export const BOARD_STATUSES = ['active', 'waiting'] as const
export const EXIT_STATUSES = ['won', 'not-now', 'dropped'] as const
/** Within a day, high comes first everywhere; a contact without one is normal. */
export const PRIORITIES = ['high', 'normal', 'low'] as const

export type ContactKind = (typeof CONTACT_KINDS)[number]
export type Channel = (typeof CHANNELS)[number]
export type Outcome = (typeof OUTCOMES)[number]
export type Status = (typeof STATUSES)[number]
export type ExitStatus = (typeof EXIT_STATUSES)[number]
export type Priority = (typeof PRIORITIES)[number]

/** An ISO-8601 instant with an offset or Z, e.g. 2026-11-27T09:00:00Z. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-27T09:00:00Z' })

/**
 * A day or an instant as a person types it: "2026-12-03" or a full ISO instant.
 * Turned into an instant (start of that local day) by core/dates `parseDayOrInstant`.
 */
export const DayOrInstant = z
  .string()
  .trim()
  .refine((s) => isCalendarDay(s) || Instant.safeParse(s).success, {
    message: 'must be a date like 2026-12-03 or an ISO-8601 date-time',
    params: { code: 'invalid-date' }
  })

const rruleSchema = (options: { allowSubDaily: boolean }) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .superRefine((text, ctx) => {
      const problem = rruleProblem(text, options)
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } })
    })

/**
 * A recurrence rule as stored. Files from before sub-daily rules were refused may hold one
 * (FREQ=HOURLY), so stored rules only have to be valid and occur; they are still evaluated with
 * bounded searches (core/rrule-text).
 */
export const Rrule = rruleSchema({ allowSubDaily: true })
/** A rule a person sets now, as a cadence or the reminder: at most daily, and occurring. */
export const RruleInput = rruleSchema({ allowSubDaily: false })

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional()

/**
 * The stored records are loose objects: a field this version does not know (added by hand, or
 * by a newer minor version with the same schemaVersion) is kept through every round trip
 * instead of being dropped on the next write.
 */
export const TouchSchema = z.looseObject({
  id: z.string().min(1),
  at: Instant,
  channel: z.enum(CHANNELS),
  note: optionalText(10_000),
  outcome: z.enum(OUTCOMES).optional(),
  /** Sync: the user who logged it (set when it was synced; absent = logged here before sync). */
  by: z.string().min(1).max(100).optional(),
  /** Sync: the device it was logged on. */
  device: z.string().min(1).max(100).optional()
})
export type Touch = z.infer<typeof TouchSchema>

/** A CouchDB database name (a team board): lowercase letter first, then a-z 0-9 _ $ ( ) + - /. */
export const BoardName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_$()+/-]{0,200}$/, 'must start with a lowercase letter and use only a-z, 0-9 and _ $ ( ) + - /')
  .refine((s) => !s.startsWith('userdb-'), 'userdb-… names are personal databases, not boards')
export const UserName = z.string().trim().min(1, 'must not be empty').max(100)

export const ContactSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  org: optionalText(200),
  kind: z.enum(CONTACT_KINDS),
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(80).optional(),
  tags: z.array(z.string().trim().min(1).max(60)),
  notes: optionalText(20_000),
  subject: optionalText(500),
  /** The contact's own RRULE; absent means the escalating default from settings. */
  cadence: Rrule.optional(),
  status: z.enum(STATUSES),
  /** Absent means normal (files from before priorities read unchanged). */
  priority: z.enum(PRIORITIES).optional(),
  /** waiting: they promised something by this instant (core/promises has the rules). */
  waitingUntil: Instant.optional(),
  /** waiting: what they promised, e.g. "the signed quote". */
  waitingFor: optionalText(500),
  /** waiting: when the promise was recorded; a touch after it keeps the promise but moves the chase to the cadence. */
  waitingSince: Instant.optional(),
  /** not-now: back on the board (at the same touch count) from this instant. */
  reentryAt: Instant.optional(),
  /** Snooze: the next follow-up is moved to this instant, until the next touch. */
  snoozedUntil: Instant.optional(),
  closedAt: Instant.optional(),
  /** The team board (a shared database) it belongs to; absent = the personal list. */
  board: BoardName.optional(),
  /** On a team board: the teammate who owns the follow-up; absent = unassigned. */
  owner: UserName.optional(),
  createdAt: Instant,
  updatedAt: Instant,
  /** The touch log, oldest first. The touch count is its length, never stored. */
  touches: z.array(TouchSchema)
})
export type Contact = z.infer<typeof ContactSchema>

export const DEFAULT_ESCALATION_DAYS = [2, 3, 5, 7, 14, 30] as const
export const DEFAULT_REMINDER_RULE = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0'

/** iCalendar's weekday codes (RRULE BYDAY), Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export const DEFAULT_WORKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR']
export const DEFAULT_QUICK_LOG_SHORTCUT = 'CommandOrControl+Shift+L'

/** The touch numbers the playbook (ideas and message templates) has an entry for; "5" means 5 or later. */
export const PLAYBOOK_TOUCHES = ['1', '2', '3', '4', '5'] as const
export type PlaybookTouch = (typeof PLAYBOOK_TOUCHES)[number]

/** One touch number's own texts; a blank or absent field means the built-in one (core/playbook). */
export const PlaybookStepSchema = z.object({
  idea: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  subject: z.string().trim().max(300, 'must be at most 300 characters').optional(),
  body: z.string().trim().max(5000, 'must be at most 5000 characters').optional()
})
export type PlaybookStep = z.infer<typeof PlaybookStepSchema>
export const PlaybookOverridesSchema = z.partialRecord(z.enum(PLAYBOOK_TOUCHES), PlaybookStepSchema)
export type PlaybookOverrides = z.infer<typeof PlaybookOverridesSchema>

/** Every setting, as a change may send it (no defaults: a patch must not reset what it leaves out). */
const SettingsFields = z.object({
  /** When the daily follow-up reminder fires, in local time. */
  reminderRule: Rrule,
  /**
   * The default escalating cadence: days to wait after touch 0, 1, 2, 3, 4 and 5+.
   * Evaluated as FREQ=DAILY;INTERVAL=n rules like any other cadence.
   */
  escalationDays: z.array(z.number().int().min(1).max(365)).length(6, 'must list 6 intervals: after 0, 1, 2, 3, 4 and 5+ touches'),
  language: z.enum(['system', 'en', 'zh-CN']),
  theme: z.enum(['system', 'light', 'dark']),
  startAtLogin: z.boolean(),
  /** The global shortcut that opens the quick-log window from any app (an Electron accelerator). */
  quickLogShortcut: z.string().trim().max(100),
  /** How long a follow-up block runs. */
  blockMinutes: z.union([z.literal(15), z.literal(30), z.literal(45)]),
  /** The days follow-ups are planned on; the escalating default moves off the others. */
  workdays: z.array(z.enum(WEEKDAYS)).min(1, 'must list at least one day'),
  /** How many follow-ups a day the planner and Spread aim for. */
  dailyCapacity: z.number().int().min(1).max(500),
  /** Your own ideas and message templates per touch number; what is absent is the built-in text in the UI language. */
  playbook: PlaybookOverridesSchema,
  /** Sync over the CouchDB replication protocol; absent = this data stays on this machine. */
  sync: z
    .object({
      server: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
      user: UserName,
      /** The team boards this person syncs, besides the personal list. */
      boards: z.array(BoardName)
    })
    .optional()
})

// Settings added after the first release carry defaults, so an older file reads without a migration.
// Stored settings keep fields they do not know, like the other records; a patch may not add any.
export const SettingsSchema = SettingsFields.extend({
  quickLogShortcut: SettingsFields.shape.quickLogShortcut.default(DEFAULT_QUICK_LOG_SHORTCUT),
  blockMinutes: SettingsFields.shape.blockMinutes.default(30),
  workdays: SettingsFields.shape.workdays.default([...DEFAULT_WORKDAYS]),
  dailyCapacity: SettingsFields.shape.dailyCapacity.default(15),
  playbook: SettingsFields.shape.playbook.default({})
}).loose()
export type Settings = z.infer<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  reminderRule: DEFAULT_REMINDER_RULE,
  escalationDays: [...DEFAULT_ESCALATION_DAYS],
  language: 'system',
  theme: 'system',
  startAtLogin: false,
  quickLogShortcut: DEFAULT_QUICK_LOG_SHORTCUT,
  blockMinutes: 30,
  workdays: [...DEFAULT_WORKDAYS],
  dailyCapacity: 15,
  playbook: {}
}

export const ReminderStateSchema = z.looseObject({
  /** The latest reminder occurrence that was handled (fired, or skipped as nothing was due). */
  lastFiredOccurrence: Instant.optional(),
  /** "Snooze today's reminder": the next reminder fires at this instant instead. */
  snoozedUntil: Instant.optional()
})
export type ReminderState = z.infer<typeof ReminderStateSchema>

/** A calendar day as "YYYY-MM-DD" that exists (no 2026-02-30). */
export const Day = z
  .string()
  .trim()
  .refine(isCalendarDay, { message: 'must be a real date like 2026-12-03', params: { code: 'invalid-date' } })

function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  // Parsed as an ISO date, not with Date.UTC, which reads years 0-99 as 1900-1999.
  const ms = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s
}

const BlockCount = z.number().int().min(0).max(10_000)

/** What a follow-up block did, as its front reports it when the block finishes (core/block). */
export const BlockRecordInputSchema = z
  .object({
    startedAt: Instant,
    endedAt: Instant,
    /** The timer it ran with. */
    minutes: z.union([z.literal(15), z.literal(30), z.literal(45)]),
    /** Why it counts as finished: the queue ran empty, or the timer ran out after at least one touch. */
    ended: z.enum(['queue-empty', 'time-up']),
    touches: BlockCount,
    byChannel: z.partialRecord(z.enum(CHANNELS), BlockCount).default({}),
    promises: BlockCount.default(0),
    delivered: BlockCount.default(0),
    snoozed: BlockCount.default(0),
    closed: BlockCount.default(0),
    skipped: BlockCount.default(0)
  })
  .refine((b) => Date.parse(b.endedAt) >= Date.parse(b.startedAt), { message: 'must not end before it started', path: ['endedAt'] })
  .refine((b) => b.ended === 'queue-empty' || b.touches >= 1, { message: 'a block that ran out of time counts only with at least one touch', path: ['touches'] })
  .refine((b) => Object.values(b.byChannel).reduce((a, n) => a + (n ?? 0), 0) === b.touches, { message: 'must add up to touches', path: ['byChannel'] })
export type BlockRecordInput = z.input<typeof BlockRecordInputSchema>

/** A finished follow-up block, kept in the data file for the streak. */
export const BlockRecordSchema = z.looseObject({
  id: z.string().min(1),
  /** The local day it was done on. */
  date: Day,
  startedAt: Instant,
  endedAt: Instant,
  minutes: z.union([z.literal(15), z.literal(30), z.literal(45)]),
  ended: z.enum(['queue-empty', 'time-up']),
  touches: BlockCount,
  byChannel: z.partialRecord(z.enum(CHANNELS), BlockCount),
  promises: BlockCount,
  delivered: BlockCount,
  snoozed: BlockCount,
  closed: BlockCount,
  skipped: BlockCount
})
export type BlockRecord = z.infer<typeof BlockRecordSchema>

const documentTop = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  settings: SettingsSchema,
  reminder: ReminderStateSchema,
  /** Finished follow-up blocks, oldest first. Absent in files from before blocks: none. */
  blocks: z.array(BlockRecordSchema).default([])
}

export const DocumentSchema = z
  .looseObject({
    schemaVersion: documentTop.schemaVersion,
    contacts: z.array(ContactSchema),
    settings: documentTop.settings,
    reminder: documentTop.reminder,
    blocks: documentTop.blocks
  })
  .superRefine((doc, ctx) => {
    for (const issue of duplicateIdIssues(doc.contacts)) ctx.addIssue({ code: 'custom', ...issue })
  })
export type TouchbaseDocument = z.infer<typeof DocumentSchema>

/** The document without its contacts: the store validates those one by one, and this whole. */
export const DocumentTopSchema = z.looseObject(documentTop)
export type DocumentTop = z.infer<typeof DocumentTopSchema>

/**
 * Ids must be unique: contacts within the document, touches within their contact. A duplicate
 * (a hand edit, a bad merge) would make `delete` remove both.
 */
export function duplicateIdIssues(contacts: readonly Pick<Contact, 'id' | 'touches'>[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = []
  const firstIndex = new Map<string, number>()
  contacts.forEach((contact, i) => {
    const first = firstIndex.get(contact.id)
    if (first === undefined) firstIndex.set(contact.id, i)
    else issues.push({ path: ['contacts', i, 'id'], message: `duplicate id "${contact.id}" (contacts.${first} has it too)` })
    issues.push(...duplicateTouchIdIssues(contact).map((issue) => ({ ...issue, path: ['contacts', i, ...issue.path] })))
  })
  return issues
}

export function duplicateTouchIdIssues(contact: Pick<Contact, 'touches'>): { path: (string | number)[]; message: string }[] {
  if (contact.touches.length < 2) return []
  const issues: { path: (string | number)[]; message: string }[] = []
  const firstIndex = new Map<string, number>()
  contact.touches.forEach((touch, j) => {
    const first = firstIndex.get(touch.id)
    if (first === undefined) firstIndex.set(touch.id, j)
    else issues.push({ path: ['touches', j, 'id'], message: `duplicate touch id "${touch.id}" (touches.${first} has it too)` })
  })
  return issues
}

/**
 * In a store.update() the contacts are the store's frozen records (so the ones a change does
 * not touch are never copied, validated or encoded again). This puts a private, editable copy
 * of one in its place and returns it.
 */
export function editContact(doc: TouchbaseDocument, index: number): Contact {
  const original = doc.contacts[index]
  if (original === undefined) throw new RangeError(`No contact at index ${index}`)
  const copy = structuredClone(original)
  doc.contacts[index] = copy
  return copy
}

export function emptyDocument(): TouchbaseDocument {
  return { schemaVersion: SCHEMA_VERSION, contacts: [], settings: structuredClone(DEFAULT_SETTINGS), reminder: {}, blocks: [] }
}

// ---- Inputs: what a person (CLI, form, IPC) may send. Shared by every entry point. ----

/**
 * The one rule for an id a front sends: a contact's id (or a unique prefix of it, or, on the
 * command line, a name), or a touch's id. Long enough for any id Touchbase makes, short enough
 * that a bad call cannot make the service search with megabytes of text.
 */
export const IdRef = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters')
/** How many touches one drag logs or undoes at once. */
export const TouchCount = z.number().int().min(1).max(100)

// A refinement's `params.code` is its IssueCode (core/issues): the message is English prose
// for the CLI, the code is what the UI translates.
const email = z
  .string()
  .trim()
  .max(320)
  .refine((s) => s === '' || z.email().safeParse(s).success, { message: 'is not a valid email address', params: { code: 'invalid-email' } })
const blankToUndefined = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && singleLine(v).trim() === '' ? undefined : v), schema.optional())
/**
 * Text a person typed or imported. One-line fields (name, organisation, subject, tags, phone)
 * lose their control characters, line breaks and tabs becoming spaces; notes keep line breaks
 * and tabs. So an ESC sequence in a name never reaches a terminal or a notification from here.
 */
const line = () => z.string().overwrite(singleLine).trim()
const lines = () => z.string().overwrite(multiLine).trim()
const Tag = line().min(1).max(60)

export const ContactInputSchema = z.object({
  name: line().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  org: blankToUndefined(line().max(200)),
  kind: z.enum(CONTACT_KINDS).default('lead'),
  email: blankToUndefined(email),
  phone: blankToUndefined(line().max(80)),
  tags: z.array(Tag).default([]),
  notes: blankToUndefined(lines().max(20_000)),
  subject: blankToUndefined(line().max(500)),
  cadence: blankToUndefined(RruleInput),
  priority: z.enum(PRIORITIES).optional()
})
export type ContactInput = z.input<typeof ContactInputSchema>

/** An edit: any subset of the fields; `cadence: null` returns to the default cadence. */
export const ContactPatchSchema = ContactInputSchema.partial().extend({
  cadence: z.union([z.null(), blankToUndefined(RruleInput)]),
  /** A teammate's user name; null unassigns. */
  owner: z.union([z.null(), blankToUndefined(UserName)]),
  kind: z.enum(CONTACT_KINDS).optional(),
  tags: z.array(Tag).optional()
})
export type ContactPatch = z.input<typeof ContactPatchSchema>

export const TouchInputSchema = z.object({
  /** Absent: the channel Touchbase suggests for this contact (core/suggestions). */
  channel: z.enum(CHANNELS).optional(),
  note: blankToUndefined(lines().max(10_000)),
  outcome: z.enum(OUTCOMES).optional(),
  at: Instant.optional(),
  /** Log it even though `at` is before 1970 or before the contact was created (a real old touch). */
  force: z.boolean().optional()
})
export type TouchInput = z.input<typeof TouchInputSchema>

export const TouchPatchSchema = z.object({
  channel: z.enum(CHANNELS).optional(),
  note: lines().max(10_000).optional(),
  outcome: z.union([z.enum(OUTCOMES), z.null()]).optional(),
  at: Instant.optional(),
  /** As in TouchInputSchema: allow an `at` before 1970 or before the contact was created. */
  force: z.boolean().optional()
})
export type TouchPatch = z.input<typeof TouchPatchSchema>

export const CloseInputSchema = z
  .object({
    as: z.enum(EXIT_STATUSES),
    until: DayOrInstant.optional()
  })
  .refine((c) => c.as !== 'not-now' || c.until !== undefined, {
    message: 'not-now needs a re-entry date (--until)',
    path: ['until'],
    params: { code: 'required' }
  })
export type CloseInput = z.input<typeof CloseInputSchema>

/** What they promised, said when recording a wait. */
export const PromiseWhat = blankToUndefined(line().max(500, 'must be at most 500 characters'))

/** How many days the planner and Spread look ahead. */
export const PlanDays = z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(92, 'must be at most 92 days')

export const SpreadRequestSchema = z
  .object({
    days: PlanDays.default(14),
    /** Only say what would move. */
    dryRun: z.boolean().default(false)
  })
  .default({ days: 14, dryRun: false })
export type SpreadRequest = z.input<typeof SpreadRequestSchema>

/** Undo of a Spread: the moves it returned (or some of them), each with the snooze it replaced. */
export const SpreadUndoSchema = z
  .array(
    z.object({
      id: IdRef,
      /** The snooze Spread set. */
      at: Instant,
      /** The snooze before it; null when there was none. */
      previous: z.union([Instant, z.null()])
    })
  )
  .max(100_000)
export type SpreadUndo = z.input<typeof SpreadUndoSchema>

/** The languages the built-in playbook is written in. */
export const PlaybookLanguageSchema = z.enum(['en', 'zh-CN'])

/** A change to some settings; what it leaves out stays as it is. */
export const SettingsPatchSchema = SettingsFields.partial().extend({ reminderRule: RruleInput.optional() })
export type SettingsPatch = z.input<typeof SettingsPatchSchema>

/** Turns a zod error into one line per field: "email: is not a valid email address". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.join('.')
    return path ? `${path}: ${i.message}` : i.message
  })
}

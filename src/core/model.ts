import { z } from 'zod'
import { isValidRrule } from './rrule-text'

/** The data document's current version; migrations in ./migrations bring older files up to it. */
export const SCHEMA_VERSION = 1

export const CONTACT_KINDS = ['lead', 'customer', 'vendor', 'partner', 'colleague', 'other'] as const
export const CHANNELS = ['call', 'email', 'message', 'meeting', 'social', 'other'] as const
export const OUTCOMES = ['no-reply', 'replied', 'positive', 'negative'] as const
export const STATUSES = ['active', 'waiting', 'won', 'not-now', 'dropped'] as const
/** Statuses that put a contact on the board; the others are the exit lanes. */
export const BOARD_STATUSES = ['active', 'waiting'] as const
export const EXIT_STATUSES = ['won', 'not-now', 'dropped'] as const

export type ContactKind = (typeof CONTACT_KINDS)[number]
export type Channel = (typeof CHANNELS)[number]
export type Outcome = (typeof OUTCOMES)[number]
export type Status = (typeof STATUSES)[number]
export type ExitStatus = (typeof EXIT_STATUSES)[number]

/** An ISO-8601 instant with an offset or Z, e.g. 2026-11-27T09:00:00Z. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-27T09:00:00Z' })

/**
 * A day or an instant as a person types it: "2026-12-03" or a full ISO instant.
 * Turned into an instant (start of that local day) by core/dates `parseDayOrInstant`.
 */
export const DayOrInstant = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || Instant.safeParse(s).success, {
    message: 'must be a date like 2026-12-03 or an ISO-8601 date-time',
    params: { code: 'invalid-date' }
  })

export const Rrule = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine(isValidRrule, { message: 'is not a valid iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=TU', params: { code: 'invalid-rrule' } })

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional()

export const TouchSchema = z.object({
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

export const ContactSchema = z.object({
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
  /** waiting: they promised an answer by this instant; due then. */
  waitingUntil: Instant.optional(),
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

export const SettingsSchema = z.object({
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
  // Settings added after the first release carry defaults, so an older file reads without a migration.
  /** The global shortcut that opens the quick-log window from any app (an Electron accelerator). */
  quickLogShortcut: z.string().trim().max(100).default(DEFAULT_QUICK_LOG_SHORTCUT),
  /** How long a follow-up block runs. */
  blockMinutes: z.union([z.literal(15), z.literal(30), z.literal(45)]).default(30),
  /** The days follow-ups are planned on; the escalating default moves off the others. */
  workdays: z.array(z.enum(WEEKDAYS)).min(1, 'must list at least one day').default([...DEFAULT_WORKDAYS]),
  /** How many follow-ups a day the planner and Spread aim for. */
  dailyCapacity: z.number().int().min(1).max(500).default(15),
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
  dailyCapacity: 15
}

export const ReminderStateSchema = z.object({
  /** The latest reminder occurrence that was handled (fired, or skipped as nothing was due). */
  lastFiredOccurrence: Instant.optional(),
  /** "Snooze today's reminder": the next reminder fires at this instant instead. */
  snoozedUntil: Instant.optional()
})
export type ReminderState = z.infer<typeof ReminderStateSchema>

export const DocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  contacts: z.array(ContactSchema),
  settings: SettingsSchema,
  reminder: ReminderStateSchema
})
export type TouchbaseDocument = z.infer<typeof DocumentSchema>

export function emptyDocument(): TouchbaseDocument {
  return { schemaVersion: SCHEMA_VERSION, contacts: [], settings: structuredClone(DEFAULT_SETTINGS), reminder: {} }
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
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())

export const ContactInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  org: blankToUndefined(z.string().trim().max(200)),
  kind: z.enum(CONTACT_KINDS).default('lead'),
  email: blankToUndefined(email),
  phone: blankToUndefined(z.string().trim().max(80)),
  tags: z.array(z.string().trim().min(1).max(60)).default([]),
  notes: blankToUndefined(z.string().trim().max(20_000)),
  subject: blankToUndefined(z.string().trim().max(500)),
  cadence: blankToUndefined(Rrule)
})
export type ContactInput = z.input<typeof ContactInputSchema>

/** An edit: any subset of the fields; `cadence: null` returns to the default cadence. */
export const ContactPatchSchema = ContactInputSchema.partial().extend({
  cadence: z.union([z.null(), blankToUndefined(Rrule)]),
  /** A teammate's user name; null unassigns. */
  owner: z.union([z.null(), blankToUndefined(UserName)]),
  kind: z.enum(CONTACT_KINDS).optional(),
  tags: z.array(z.string().trim().min(1).max(60)).optional()
})
export type ContactPatch = z.input<typeof ContactPatchSchema>

export const TouchInputSchema = z.object({
  /** Absent: the channel Touchbase suggests for this contact (core/suggestions). */
  channel: z.enum(CHANNELS).optional(),
  note: blankToUndefined(z.string().trim().max(10_000)),
  outcome: z.enum(OUTCOMES).optional(),
  at: Instant.optional()
})
export type TouchInput = z.input<typeof TouchInputSchema>

export const TouchPatchSchema = z.object({
  channel: z.enum(CHANNELS).optional(),
  note: z.string().trim().max(10_000).optional(),
  outcome: z.union([z.enum(OUTCOMES), z.null()]).optional(),
  at: Instant.optional()
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

export const SettingsPatchSchema = SettingsSchema.partial()
export type SettingsPatch = z.input<typeof SettingsPatchSchema>

/** Turns a zod error into one line per field: "email: is not a valid email address". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.join('.')
    return path ? `${path}: ${i.message}` : i.message
  })
}

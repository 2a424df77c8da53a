/**
 * The IPC contract between the renderer and the main process: the one source of truth.
 * Every type the bridge, the guard and the renderer's client use derives from `Api` and
 * `PushEvents`; the argument schemas are the same zod schemas the service validates with.
 */
import { z } from 'zod'
import {
  CloseInputSchema,
  ContactInputSchema,
  ContactPatchSchema,
  ContactSchema,
  DayOrInstant,
  SettingsPatchSchema,
  TouchInputSchema,
  TouchPatchSchema,
  type CloseInput,
  type Contact,
  type ContactInput,
  type ContactPatch,
  type Settings,
  type SettingsPatch,
  type TouchInput,
  type TouchPatch
} from '../core/model'
import { ContactQuerySchema, type ContactQuery } from '../core/filters'
import type { ContactView } from '../core/contact-view'
import type { Board } from '../core/board'
import type { Stats } from '../core/insights'
import type { ExportFormat, ExportedFile, ImportReport, ImportRequest } from '../core/interop/requests'
import { CONTACT_FIELDS } from '../core/interop/records'
import type { ImportErrorReason } from '../core/interop/errors'

export interface AppInfo {
  version: string
  dataFile: string
  platform: string
  timeZone: string
}

export interface Api {
  'contacts:list': (query?: ContactQuery) => ContactView[]
  'contacts:get': (id: string) => ContactView
  'contacts:add': (input: ContactInput) => ContactView
  'contacts:edit': (id: string, patch: ContactPatch) => ContactView
  'contacts:delete': (id: string) => Contact
  /** Undo: puts a contact back exactly as a snapshot taken before a change. */
  'contacts:restore': (snapshot: Contact) => ContactView
  'contacts:snooze': (id: string, until: string) => ContactView
  'contacts:wait': (id: string, until: string) => ContactView
  'contacts:close': (id: string, input: CloseInput) => ContactView
  'contacts:reopen': (id: string) => ContactView
  'touch:log': (id: string, input: TouchInput, count?: number) => ContactView
  'touch:undo': (id: string, count?: number) => ContactView
  'touch:edit': (id: string, touchId: string, patch: TouchPatch) => ContactView
  'touch:delete': (id: string, touchId: string) => ContactView
  'board:get': (query?: ContactQuery) => Board
  'due:list': () => ContactView[]
  'stats:get': () => Stats
  'settings:get': () => Settings
  'settings:update': (patch: SettingsPatch) => Settings
  /** Imports CSV or vCard text; progress arrives as 'import:progress' events. */
  'import:run': (request: ImportRequest) => ImportReport
  'export:run': (format: ExportFormat) => ExportedFile
  'backup:restore': (json: string) => { contacts: number; backupPath: string }
  'app:info': () => AppInfo
}

export type ApiChannel = keyof Api
export type ApiArgs<C extends ApiChannel> = Parameters<Api[C]>
export type ApiResult<C extends ApiChannel> = Awaited<ReturnType<Api[C]>>
export type ApiHandlers = { [C in ApiChannel]: (...args: ApiArgs<C>) => Promise<ApiResult<C>> }

/** Events main pushes to the renderer. */
export interface PushEvents {
  /** The data changed (here, in another window, or by the CLI): refetch. */
  'data:changed': undefined
  /** The reminder notification or the tray asked for today's follow-up list. */
  'reminder:open-due': undefined
  /** The tray asked to open one contact. */
  'contact:open': string
  /** A long import's progress. */
  'import:progress': { done: number; total: number }
}
export type PushEvent = keyof PushEvents

/**
 * Why a service call failed, for the errors a person meets in the UI. The message is English
 * (the CLI prints it); the reason is what the renderer translates.
 */
export const SERVICE_ERROR_REASONS = [
  'not-found',
  'ambiguous-id',
  'touch-not-found',
  'no-touch-to-undo',
  'future-touch',
  'touch-before-1970',
  'touch-before-created',
  'not-now-needs-date'
] as const
export type ServiceErrorReason = (typeof SERVICE_ERROR_REASONS)[number]

export interface IpcError {
  code: string
  message: string
  issues: string[]
  /** Set for the errors the UI says in its own words: an ImportError's or a ServiceError's reason. */
  reason?: ImportErrorReason | ServiceErrorReason
}
export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** What the preload exposes as `window.touchbase`. No Electron object crosses it. */
export interface TouchbaseBridge {
  invoke<C extends ApiChannel>(channel: C, ...args: ApiArgs<C>): Promise<IpcResponse<ApiResult<C>>>
  on<E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): () => void
}

const Id = z.string().trim().min(1).max(100)
const Count = z.number().int().min(1).max(100)

/** Argument schemas per channel, checked by main's guard before the service is called. */
export const apiArgSchemas = {
  'contacts:list': z.tuple([ContactQuerySchema.optional()]),
  'contacts:get': z.tuple([Id]),
  'contacts:add': z.tuple([ContactInputSchema]),
  'contacts:edit': z.tuple([Id, ContactPatchSchema]),
  'contacts:delete': z.tuple([Id]),
  'contacts:restore': z.tuple([ContactSchema]),
  'contacts:snooze': z.tuple([Id, DayOrInstant]),
  'contacts:wait': z.tuple([Id, DayOrInstant]),
  'contacts:close': z.tuple([Id, CloseInputSchema]),
  'contacts:reopen': z.tuple([Id]),
  'touch:log': z.tuple([Id, TouchInputSchema, Count.optional()]),
  'touch:undo': z.tuple([Id, Count.optional()]),
  'touch:edit': z.tuple([Id, Id, TouchPatchSchema]),
  'touch:delete': z.tuple([Id, Id]),
  'board:get': z.tuple([ContactQuerySchema.optional()]),
  'due:list': z.tuple([]),
  'stats:get': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([SettingsPatchSchema]),
  'import:run': z.tuple([
    z.object({
      fileName: z.string().max(1000),
      // 50 MB of text is far beyond any address book; the cap keeps a bad call from exhausting memory.
      text: z.string().max(50_000_000),
      dryRun: z.boolean().optional(),
      onDuplicate: z.enum(['merge', 'skip']).optional(),
      decisions: z.record(z.string(), z.enum(['merge', 'skip'])).optional(),
      mapping: z.record(z.string(), z.enum(CONTACT_FIELDS)).optional()
    })
  ]),
  'export:run': z.tuple([z.enum(['csv', 'vcf', 'json', 'ics'])]),
  'backup:restore': z.tuple([z.string().max(200_000_000)]),
  'app:info': z.tuple([])
} satisfies Record<ApiChannel, z.ZodTuple>

export const API_CHANNELS = Object.keys(apiArgSchemas) as ApiChannel[]
export const PUSH_EVENTS: readonly PushEvent[] = ['data:changed', 'reminder:open-due', 'contact:open', 'import:progress']

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && (API_CHANNELS as string[]).includes(value)
}
export function isPushEvent(value: unknown): value is PushEvent {
  return typeof value === 'string' && (PUSH_EVENTS as string[]).includes(value)
}

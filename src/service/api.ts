import type { AppInfo, IpcError, IpcResponse, PickedImport, PushEvent, PushEvents } from '../shared/ipc'
import { ImportError } from '../core/interop/errors'
import { DataFileError } from '../store'
import type { ContactQuery } from '../core/filters'
import type { BlockRecordInput, CloseInput, Contact, ContactInput, ContactPatch, SettingsPatch, SpreadRequest, SpreadUndo, TouchInput, TouchPatch } from '../core/model'
import type { PlaybookLanguage } from '../core/playbook'
import type { ExportFormat, ImportChoices, ImportReport } from '../core/interop/requests'
import type { SyncPanel, SyncSetupRequest, SyncSetupResult, SyncTestRequest } from '../core/sync/setup'
import type { SyncStatus } from '../core/sync/status'
import { ServiceError } from './errors'
import type { TouchbaseService } from './service'

/**
 * The IPC contract, written once. Each channel is one entry: a query (reads) or a command
 * (changes data), a thin call into the service, which validates every argument itself. The
 * renderer's types (src/shared/ipc.ts) are derived from this map; the preload mirrors its
 * channel names zod-free (electron/preload/channels.ts). docs/ARCHITECTURE.md: "Adding a channel".
 */
export function createApiHandlers(service: TouchbaseService, host: ApiHost) {
  const sync = (): SyncHost => host.sync ?? unavailable('Sync runs in the desktop app (or: touchbase sync).')
  const imports = (): ImportHost => host.imports ?? unavailable('Picking a file to import is for the desktop app (or: touchbase import FILE).')
  return {
    /** The window's list: summaries without touch logs (the CLI's service.list has them). */
    'contacts:list': query((filter?: ContactQuery) => service.summaries(filter)),
    /** One contact with its touch log: the open contact's detail. */
    'contacts:get': query((id: string) => service.get(id)),
    'settings:get': query(() => service.settings()),
    'export:run': query((format: ExportFormat) => service.exportData(format)),
    'app:info': query(async () => host.appInfo()),
    'today:get': query(() => service.today()),
    'stats:get': query(() => service.stats()),
    'plan:get': query((days?: number) => service.plan(days)),
    'block:queue': query(() => service.blockQueue()),
    'block:status': query(() => service.blockStatus()),
    'playbook:get': query((language: PlaybookLanguage) => service.playbook(language)),
    'playbook:message': query((id: string, language: PlaybookLanguage) => service.message(id, language)),
    'sync:status': query(() => sync().status()),
    /** Whether the data file can be used; changes arrive as 'data:status' events. */
    'data:status': query(() => service.dataStatus()),
    /** Main shows the system's file dialog; the page gets a token for the file, never its path. Null: cancelled. */
    'import:pick': query(() => imports().pick()),

    'contacts:add': command((input: ContactInput) => service.addContact(input)),
    'contacts:edit': command((id: string, patch: ContactPatch) => service.editContact(id, patch)),
    'contacts:delete': command((id: string) => service.deleteContact(id)),
    /** Undo: puts a contact back exactly as a `before` (or a deleted contact) a command returned. */
    'contacts:restore': command((snapshot: Contact) => service.restoreContact(snapshot)),
    'contacts:snooze': command((id: string, until: string) => service.snooze(id, until)),
    'contacts:wait': command((id: string, until: string, what?: string) => service.wait(id, until, what)),
    'contacts:delivered': command((id: string) => service.delivered(id)),
    'contacts:close': command((id: string, input: CloseInput) => service.close(id, input)),
    'contacts:reopen': command((id: string) => service.reopen(id)),
    'touch:log': command((id: string, input: TouchInput, count?: number) => service.logTouch(id, input, count)),
    'touch:undo': command((id: string, count?: number) => service.undoTouch(id, count)),
    'touch:edit': command((id: string, touchId: string, patch: TouchPatch) => service.editTouch(id, touchId, patch)),
    'touch:delete': command((id: string, touchId: string) => service.deleteTouch(id, touchId)),
    'settings:update': command((patch: SettingsPatch) => service.updateSettings(patch)),
    'plan:spread': command((request?: SpreadRequest) => service.spread(request)),
    /** Undo of plan:spread: the moves it returned (or some of them). */
    'plan:unspread': command((moves: SpreadUndo) => service.unspread(moves)),
    'block:record': command((block: BlockRecordInput) => service.recordBlock(block)),
    /** Imports (or, with dryRun, previews) a picked file, streamed; progress arrives as 'import:progress' events. */
    'import:file': command((token: string, choices?: ImportChoices) => imports().importFile(token, choices)),
    'backup:restore': command((json: string) => service.restoreBackup(json)),
    /** The way back from a damaged or missing data file: the newest backup (the current state is kept aside first). */
    'data:restore-latest': command(() => service.restoreLatestBackup()),
    /** A data file deleted while Touchbase runs: writes back what it still holds; never over a file that exists. */
    'data:recreate': command(() => service.recreateDataFile()),
    /** To a team board with all its touches, or back to the personal list with null. */
    'contacts:move': command((id: string, board: string | null) => service.moveToBoard(id, board)),
    /** Checks the server, user and password (absent: the kept one) without syncing or keeping anything. */
    'sync:test': command((request: SyncTestRequest) => sync().test(request)),
    /** Turns sync on (or changes it) and keeps the password; with data on both sides, first a preview. */
    'sync:setup': command((request: SyncSetupRequest) => sync().setup(request)),
    /** Syncs now; a password given (after a refusal) is kept for the next runs. */
    'sync:now': command((password?: string) => sync().syncNow(password)),
    /** Stops syncing and forgets the password; nothing is deleted here or on the server. */
    'sync:off': command(() => sync().off())
  }
}

/** What the contract needs from whoever hosts it (main, the browser harness, a test). */
export interface ApiHost {
  appInfo: () => AppInfo
  /** Events for the calling window (import progress). */
  push?: <E extends PushEvent>(event: E, payload: PushEvents[E]) => void
  /** Sync, which only main can do (network, the OS keyring, background runs); absent elsewhere. */
  sync?: SyncHost
  /** Import from a file main picks with the system's dialog (electron/main/import-host.ts); absent elsewhere. */
  imports?: ImportHost
}

/**
 * The app's Import: main asks for the file with the system's dialog and streams it through
 * service.importFile, so the page never reads the file or names a path.
 */
export interface ImportHost {
  pick(): Promise<PickedImport | null>
  /** Validates the token and the choices; a dry run of a CSV without a name column answers with its columns. */
  importFile(token: string, choices?: ImportChoices): Promise<ImportReport>
}

/**
 * Settings → Sync as main serves it (electron/main/sync-host.ts). Each method validates its
 * request with core/sync/setup's schemas; the password never reaches the data file or a log.
 */
export interface SyncHost {
  status(): Promise<SyncPanel>
  test(request: SyncTestRequest): Promise<SyncStatus>
  setup(request: SyncSetupRequest): Promise<SyncSetupResult>
  syncNow(password?: string): Promise<SyncPanel>
  off(): Promise<SyncPanel>
}

function unavailable(message: string): never {
  throw new ServiceError('unavailable', message)
}

export type ApiHandlers = ReturnType<typeof createApiHandlers>

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the map's entries keep their own precise types
type AnyHandler = (...args: any[]) => Promise<unknown>
const COMMAND = Symbol('command')
export type Query<F extends AnyHandler> = F & { readonly [COMMAND]?: false }
export type Command<F extends AnyHandler> = F & { readonly [COMMAND]: true }

function query<F extends AnyHandler>(handler: F): Query<F> {
  return handler
}
function command<F extends AnyHandler>(handler: F): Command<F> {
  return Object.assign(handler, { [COMMAND]: true as const })
}

/** Commands change data: main tells the other windows about them, never the caller (no echo). */
export function isCommand(handlers: ApiHandlers, channel: string): boolean {
  return isChannel(handlers, channel) && (handlers[channel] as { [COMMAND]?: boolean })[COMMAND] === true
}

export function isChannel(handlers: ApiHandlers, channel: unknown): channel is keyof ApiHandlers {
  return typeof channel === 'string' && Object.hasOwn(handlers, channel)
}

/**
 * Runs a raw (untrusted) call. Never throws: errors come back as data, so their code, message
 * and field issues survive any transport. Only the channel and the argument count are checked
 * here; the service parses the arguments themselves, once.
 */
export async function dispatch(handlers: ApiHandlers, channel: unknown, args: unknown): Promise<IpcResponse<unknown>> {
  if (!isChannel(handlers, channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown channel: ${String(channel)}`, issues: [] } }
  }
  const handler = handlers[channel] as AnyHandler
  if (!Array.isArray(args) || args.length > handler.length) {
    const message = `Invalid arguments for ${channel}: expected at most ${handler.length}`
    return { ok: false, error: { code: 'invalid-input', message, issues: [message] } }
  }
  try {
    return { ok: true, value: await handler(...args) }
  } catch (error) {
    return { ok: false, error: toIpcError(error) }
  }
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, issues: error.issues, ...(error.reason ? { reason: error.reason } : {}) }
  }
  // A whole file refused: its reason lets the UI say why in the person's language.
  if (error instanceof ImportError) return { code: 'import', message: error.message, issues: [], reason: error.reason }
  // The data file cannot be used: the window's banner says why; a refused change only points to it.
  if (error instanceof DataFileError) return { code: 'data-file', message: error.message, issues: [], reason: 'data-file' }
  const e = error as { code?: unknown; message?: unknown }
  return {
    code: typeof e?.code === 'string' ? e.code : 'internal',
    message: typeof e?.message === 'string' ? e.message : String(error),
    issues: []
  }
}

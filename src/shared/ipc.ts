/**
 * The IPC contract's types for the renderer and the preload. The contract itself is one handler
 * map, `createApiHandlers` in src/service/api.ts; every type here derives from it (a type-only
 * import: nothing of the service reaches the renderer's bundle).
 */
import type { ApiHandlers } from '../service/api'
import type { DataStatus, DataWarning } from '../service/service'
import type { ImportErrorReason } from '../core/interop/errors'
import type { SyncPanel } from '../core/sync/setup'

/** A file main picked for import (the page never sees or sends its path). */
export interface PickedImport {
  /** Names this pick in later `import:file` calls. */
  token: string
  fileName: string
  size: number
}

export interface AppInfo {
  version: string
  dataFile: string
  platform: string
  timeZone: string
}

export type ApiChannel = keyof ApiHandlers
/** Each channel as the renderer calls it: the handler's parameters, resolving to its result. */
export type Api = { [C in ApiChannel]: (...args: Parameters<ApiHandlers[C]>) => ApiResult<C> }
export type ApiArgs<C extends ApiChannel> = Parameters<ApiHandlers[C]>
export type ApiResult<C extends ApiChannel> = Awaited<ReturnType<ApiHandlers[C]>>

/** Events main pushes to the renderer. */
export interface PushEvents {
  /**
   * The data changed outside this window (the CLI, another window, sync): refetch. Never sent
   * for the window's own commands, whose results already carry what changed.
   */
  'data:changed': undefined
  /** The reminder notification or the tray asked for today's follow-up list. */
  'reminder:open-due': undefined
  /** The tray asked to open one contact. */
  'contact:open': string
  /** A long import's progress: bytes of the file read (`reading`), then rows planned (`planning`). */
  'import:progress': { stage: 'reading' | 'planning'; done: number; total: number }
  /** The tray (or a shortcut handled by main) asked to start a follow-up block. */
  'block:start': undefined
  /** Sync's state changed (syncing, synced, offline, an error): Settings → Sync and the toolbar show it. */
  'sync:status': SyncPanel
  /** The data file became unusable (damaged, missing) or usable again: the window's banner follows it. */
  'data:status': DataStatus
  /** Something about the data file the person should know, though their change was saved (a backup failed, …). */
  'data:warning': DataWarning
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
  'not-now-needs-date',
  'not-your-touch',
  'not-waiting',
  'channel-needed',
  /** The data file cannot be used right now (damaged or missing): nothing is saved until it is. */
  'data-file',
  /** The data file came back while Touchbase was about to write a new one: it was kept as it is. */
  'data-file-back'
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

export const PUSH_EVENTS: readonly PushEvent[] = ['data:changed', 'reminder:open-due', 'contact:open', 'import:progress', 'block:start', 'sync:status', 'data:status', 'data:warning']

export function isPushEvent(value: unknown): value is PushEvent {
  return typeof value === 'string' && (PUSH_EVENTS as string[]).includes(value)
}

import { apiArgSchemas, isApiChannel, type ApiChannel, type ApiHandlers, type AppInfo, type IpcError, type IpcResponse, type PushEvent, type PushEvents } from '../shared/ipc'
import { describeIssues } from '../core/model'
import { ImportError } from '../core/interop/errors'
import { ServiceError } from './errors'
import type { TouchbaseService } from './service'

/** Binds every channel of the IPC contract to the service. Main, the tests and the browser harness share it. */
export function createApiHandlers(
  service: TouchbaseService,
  appInfo: () => AppInfo,
  push: <E extends PushEvent>(event: E, payload: PushEvents[E]) => void = () => {}
): ApiHandlers {
  return {
    'contacts:list': (query) => service.list(query),
    'contacts:get': (id) => service.get(id),
    'contacts:add': (input) => service.addContact(input),
    'contacts:edit': (id, patch) => service.editContact(id, patch),
    'contacts:delete': (id) => service.deleteContact(id),
    'contacts:restore': (snapshot) => service.restoreContact(snapshot),
    'contacts:snooze': (id, until) => service.snooze(id, until),
    'contacts:wait': (id, until) => service.wait(id, until),
    'contacts:close': (id, input) => service.close(id, input),
    'contacts:reopen': (id) => service.reopen(id),
    'touch:log': (id, input, count) => service.logTouch(id, input, count),
    'touch:undo': (id, count) => service.undoTouch(id, count),
    'touch:edit': (id, touchId, patch) => service.editTouch(id, touchId, patch),
    'touch:delete': (id, touchId) => service.deleteTouch(id, touchId),
    'board:get': (query) => service.board(query),
    'due:list': () => service.due(),
    'stats:get': () => service.stats(),
    'settings:get': () => service.settings(),
    'settings:update': (patch) => service.updateSettings(patch),
    'import:run': (request) => service.importContacts(request, (done, total) => push('import:progress', { done, total })),
    'export:run': (format) => service.exportData(format),
    'backup:restore': (json) => service.restoreBackup(json),
    'app:info': async () => appInfo()
  }
}

/**
 * Validates a raw (untrusted) call against the contract and runs it. Never throws: errors come
 * back as data, so their code, message and field issues survive any transport.
 */
export async function dispatch(handlers: ApiHandlers, channel: unknown, args: unknown): Promise<IpcResponse<unknown>> {
  if (!isApiChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown channel: ${String(channel)}`, issues: [] } }
  }
  const parsed = apiArgSchemas[channel].safeParse(Array.isArray(args) ? args : [])
  if (!parsed.success) {
    const issues = describeIssues(parsed.error)
    return { ok: false, error: { code: 'invalid-input', message: `Invalid arguments for ${channel}: ${issues.join('; ')}`, issues } }
  }
  try {
    // The raw args (not zod's output) go on: the service parses them again with the same schemas
    // and applies its own defaults; what matters here is that they passed.
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>
    return { ok: true, value: await handler(...(args as unknown[])) }
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
  const e = error as { code?: unknown; message?: unknown }
  return {
    code: typeof e?.code === 'string' ? e.code : 'internal',
    message: typeof e?.message === 'string' ? e.message : String(error),
    issues: []
  }
}

export type { ApiChannel }

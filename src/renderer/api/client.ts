import type { ApiArgs, ApiChannel, ApiResult, IpcError, PushEvent, PushEvents } from '../../shared/ipc'

/**
 * A rejected call, keeping the service's code and per-field issues so forms can show them, and
 * its reason so the UI can say it in its own language (see errorText).
 */
export class ApiError extends Error {
  readonly code: string
  readonly issues: string[]
  readonly reason: IpcError['reason']

  constructor(error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.issues = error.issues
    this.reason = error.reason
  }
}

export async function call<C extends ApiChannel>(channel: C, ...args: ApiArgs<C>): Promise<ApiResult<C>> {
  const response = await window.touchbase.invoke(channel, ...args)
  if (!response.ok) throw new ApiError(response.error)
  return response.value
}

export function subscribe<E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
  return window.touchbase.on(event, listener)
}

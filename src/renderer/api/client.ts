import type { ApiArgs, ApiChannel, ApiResult, IpcError, PushEvent, PushEvents } from '../../shared/ipc'

/** A rejected call, keeping the service's code and per-field issues so forms can show them. */
export class ApiError extends Error {
  readonly code: string
  readonly issues: string[]

  constructor(error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.issues = error.issues
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

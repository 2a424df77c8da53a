import { openStore, type Store, type StoreOptions } from '../store'
import { TouchbaseService, type ServiceOptions } from './service'

export { TouchbaseService, findContact, newContactId, toDataStatus } from './service'
export type { DataStatus } from './service'
export { ServiceError } from './errors'
export { createApiHandlers, dispatch, toIpcError } from './api'

/** Opens the data file in `dataDir` and the service over it: the one way every front starts. */
export async function openService(
  dataDir: string,
  options: ServiceOptions = {},
  storeOptions: StoreOptions = {}
): Promise<{ service: TouchbaseService; store: Store }> {
  const store = await openStore(dataDir, { ...(options.now ? { now: options.now } : {}), ...storeOptions })
  return { service: new TouchbaseService(store, options), store }
}

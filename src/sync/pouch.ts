/**
 * PouchDB, set up once: the LevelDB adapter for the local replicas (prebuilt N-API LevelDOWN,
 * so it installs from the npm registry alone and loads in Node and Electron alike) and the
 * HTTP adapter for the server.
 */
import { createRequire } from 'node:module'
import type PouchDB from 'pouchdb'
import { databaseUrl } from '../core/sync/names'

export type Db = PouchDB.Database

// Loaded on first use: every CLI command imports this module (for `touchbase sync`), and
// PouchDB's start-up (~30 MB, ~80 ms) would otherwise be paid by `touch` and `list` too.
const require = createRequire(import.meta.url)
let loaded: typeof PouchDB | undefined
const Pouch = (): typeof PouchDB => (loaded ??= require('pouchdb') as typeof PouchDB)

export interface Credentials {
  user: string
  password: string
}

export function openReplica(folder: string): Db {
  return new (Pouch())(folder, { auto_compaction: true })
}

/**
 * The server's copy. skip_setup: PouchDB would otherwise try to create a missing database,
 * which a member may not do (and which crashes pouchdb-server 4.2 when refused).
 */
export function openRemote(server: string, database: string, credentials: Credentials): Db {
  return new (Pouch())(databaseUrl(server, database), {
    skip_setup: true,
    auth: { username: credentials.user, password: credentials.password }
  })
}

/** The other side of a fetch-style call PouchDB makes, for server set-up (admin) requests. */
export async function serverRequest(
  server: string,
  path: string,
  credentials: Credentials,
  init: { method?: string; body?: unknown } = {}
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.replace(/\/+$/, '')}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`,
      'content-type': 'application/json',
      accept: 'application/json'
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
  })
  const text = await response.text()
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
  } catch {
    return { status: response.status, body: { error: 'not-json', reason: text.slice(0, 200) } }
  }
}

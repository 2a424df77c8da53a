/**
 * Server set-up with an admin account (`touchbase admin …`, and the tests): users, their
 * personal databases and team boards with members and the board rules. The same HTTP calls
 * work on Apache CouchDB 3.x and pouchdb-server (docs/sync.md).
 */
import { DESIGN_DOC, DESIGN_DOC_ID } from '../core/sync/design-doc'
import { personalDatabase } from '../core/sync/names'
import { serverRequest, type Credentials } from './pouch'

export class ServerSetupError extends Error {
  override readonly name = 'ServerSetupError'
}

type Response = Awaited<ReturnType<typeof serverRequest>>

function check(response: Response, what: string, allowed: number[] = []): Response {
  if ((response.status >= 200 && response.status < 300) || allowed.includes(response.status)) return response
  const reason = String(response.body.reason ?? response.body.error ?? '')
  const hint = response.status === 401 ? ' (is the admin name and password right?)' : response.status === 403 ? ' (an admin account is needed)' : ''
  throw new ServerSetupError(`${what} failed: ${response.status} ${reason}${hint}`)
}

const db = (name: string) => `/${encodeURIComponent(name)}`

/** Creates a database if it is missing (412: it exists). */
async function ensureDatabase(server: string, admin: Credentials, name: string): Promise<void> {
  check(await serverRequest(server, db(name), admin, { method: 'PUT' }), `Creating database ${name}`, [412])
}

async function putSecurity(server: string, admin: Credentials, name: string, members: string[]): Promise<void> {
  const security = { admins: { names: [], roles: [] }, members: { names: [...new Set(members)].sort(), roles: [] } }
  check(await serverRequest(server, `${db(name)}/_security`, admin, { method: 'PUT', body: security }), `Setting the members of ${name}`)
}

/** Puts a document, updating it in place when it exists. */
async function upsert(server: string, admin: Credentials, path: string, body: Record<string, unknown>, what: string): Promise<void> {
  const existing = await serverRequest(server, path, admin)
  const rev = existing.status === 200 ? existing.body._rev : undefined
  check(await serverRequest(server, path, admin, { method: 'PUT', body: { ...body, ...(rev ? { _rev: rev } : {}) } }), what)
}

/** Adds (or updates the password of) a user, with a personal database only they can use. */
export async function addUser(server: string, admin: Credentials, user: string, password: string): Promise<{ database: string }> {
  await ensureDatabase(server, admin, '_users')
  const id = `org.couchdb.user:${user}`
  await upsert(server, admin, `/_users/${encodeURIComponent(id)}`, { _id: id, name: user, password, roles: [], type: 'user' }, `Adding user ${user}`)
  const database = personalDatabase(user)
  await ensureDatabase(server, admin, database)
  await putSecurity(server, admin, database, [user])
  return { database }
}

/**
 * Creates a team board (or updates it): a database whose members are exactly `members`, with
 * the rules of design-doc.ts. Members can read and write it; nobody else can.
 */
export async function setUpBoard(server: string, admin: Credentials, board: string, members: string[]): Promise<void> {
  if (members.length === 0) throw new ServerSetupError('A board needs at least one member: CouchDB opens a database without members to everyone.')
  await ensureDatabase(server, admin, board)
  await putSecurity(server, admin, board, members)
  await upsert(server, admin, `${db(board)}/${DESIGN_DOC_ID}`, { ...DESIGN_DOC }, `Installing the rules of ${board}`)
}

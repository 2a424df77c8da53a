/**
 * Database names. A person's own list lives in `userdb-<hex of the user name>`: the database
 * CouchDB's `couch_peruser` creates for each user, so a server with it turned on needs no
 * set-up per person. A team board is a database named by the team.
 */
export function personalDatabase(user: string): string {
  const hex = [...new TextEncoder().encode(user)].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `userdb-${hex}`
}

/** A folder name for a database's local replica: board names may contain `/` and `$`. */
export function replicaFolderName(database: string): string {
  return database.replace(/[^a-z0-9_-]/g, (ch) => `~${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** The database's URL on the server; CouchDB wants a `/` in a name as %2F. */
export function databaseUrl(server: string, database: string): string {
  return `${server.replace(/\/+$/, '')}/${encodeURIComponent(database)}`
}

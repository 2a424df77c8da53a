import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Credentials } from '../../src/sync/pouch'

const ROOT = resolve(__dirname, '../..')
/** pouchdb-server, with one bug fixed as it loads (see the file). */
const POUCHDB_SERVER = join(ROOT, 'tests/sync/couch-server.cjs')

export interface SyncServer {
  url: string
  admin: Credentials
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * A real CouchDB-protocol server for the tests: pouchdb-server, in memory, on 127.0.0.1 only,
 * with an admin account (so, as on CouchDB 3, nobody else is an admin).
 */
export async function startSyncServer(): Promise<SyncServer> {
  const dir = await mkdtemp(join(tmpdir(), 'touchbase-couch-'))
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [POUCHDB_SERVER, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--dir', dir, '--config', join(dir, 'config.json'), '--no-stdout-logs', '--no-color'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] }
  )
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited ${child.exitCode}: ${stderr}`)
    try {
      if ((await fetch(url)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not start: ${stderr}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const admin = { user: 'admin', password: 'admin-secret' }
  const made = await fetch(`${url}/_config/admins/${admin.user}`, { method: 'PUT', body: JSON.stringify(admin.password) })
  if (!made.ok) throw new Error(`could not create the admin: ${made.status}`)
  return {
    url,
    admin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    }
  }
}

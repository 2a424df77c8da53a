import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI, ensureCliBuilt, runCli } from '../cli/cli-harness'
import { openStore } from '../../src/store'
import { personalDatabase } from '../../src/core/sync/names'
import { serverRequest } from '../../src/sync/pouch'
import { startSyncServer, type SyncServer } from './server'
import { generatedDocument } from './fixtures'

let server: SyncServer
const dirs: string[] = []
const dataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'touchbase-sync-cli-'))
  dirs.push(dir)
  return dir
}
const ALICE = { TOUCHBASE_SYNC_PASSWORD: 'alice-pw' }
const cli = (dir: string, args: string[], env: Record<string, string> = ALICE) => runCli([...args, '--data', dir], env)
const setUp = (dir: string) => cli(dir, ['sync', '--server', server.url, '--user', 'alice', '--json'])
const docCount = async (db: string) => Number((await serverRequest(server.url, `/${db}`, server.admin)).body.doc_count ?? 0)
const contactsIn = async (dir: string) => {
  const store = await openStore(dir)
  try {
    return structuredClone((await store.read()).contacts)
  } finally {
    await store.close()
  }
}
const canonical = (contacts: { id: string; touches: { id: string }[] }[]) =>
  contacts.map((c) => `${c.id}:${c.touches.map((t) => t.id).sort().join(',')}`).sort()

beforeAll(async () => {
  await ensureCliBuilt()
  server = await startSyncServer()
  const admin = { TOUCHBASE_ADMIN_PASSWORD: server.admin.password, TOUCHBASE_NEW_USER_PASSWORD: 'alice-pw' }
  const added = await runCli(['admin', 'add-user', 'alice', '--server', server.url, '--admin', server.admin.user], admin)
  expect(added.stderr).toBe('')
  expect(added.stdout).toContain(personalDatabase('alice'))
}, 60_000)
afterAll(async () => {
  await server?.stop()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

describe('touchbase sync', () => {
  it('sets up, syncs, prints {pushed, pulled, conflictsResolved} and remembers the server and user, not the password', async () => {
    const dir = await dataDir()
    await cli(dir, ['add', '--name', 'Ada Lovelace'])
    const first = await setUp(dir)
    expect(first.stderr).toBe('')
    expect(JSON.parse(first.stdout)).toEqual({ pushed: 1, pulled: 0, conflictsResolved: 0 })
    const again = await cli(dir, ['sync', '--json'])
    expect(JSON.parse(again.stdout)).toEqual({ pushed: 0, pulled: 0, conflictsResolved: 0 })
    const status = JSON.parse((await cli(dir, ['sync', '--status', '--json'])).stdout)
    expect(status).toMatchObject({ state: 'synced', server: server.url, user: 'alice', boards: [], lastCounts: { pushed: 0, pulled: 0 } })
    const file = await readFile(join(dir, 'touchbase.json'), 'utf8')
    expect(file).toContain(server.url)
    expect(file).not.toContain('alice-pw')
    const text = await cli(dir, ['sync'])
    expect(text.stdout).toMatch(/^Synced: sent 0, received 0, 0 conflicts resolved\./)
  })

  it('a wrong password: a clear message and status, exit code 1, no stack trace', async () => {
    const dir = await dataDir()
    const result = await cli(dir, ['sync', '--server', server.url, '--user', 'alice'], { TOUCHBASE_SYNC_PASSWORD: 'wrong' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/touchbase: The server refused the user name or password/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(JSON.parse((await cli(dir, ['sync', '--status', '--json'])).stdout)).toMatchObject({ state: 'error', reason: 'wrong-password' })
    const test = await cli(dir, ['sync', '--test'], { TOUCHBASE_SYNC_PASSWORD: 'wrong' })
    expect(test.code).toBe(1)
    expect((await cli(dir, ['sync', '--test'])).stdout).toMatch(/Logged in/)
  })

  it('without a password and without a terminal, says how to give one', async () => {
    const dir = await dataDir()
    const result = await cli(dir, ['sync', '--server', server.url, '--user', 'alice'], {})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/TOUCHBASE_SYNC_PASSWORD/)
  })

  it('a SIGKILL in the middle of a sync loses nothing, and the next sync finishes the job', async () => {
    // A second user, so this test has a database of its own.
    const admin = { TOUCHBASE_ADMIN_PASSWORD: server.admin.password, TOUCHBASE_NEW_USER_PASSWORD: 'kim-pw' }
    await runCli(['admin', 'add-user', 'kim', '--server', server.url, '--admin', server.admin.user], admin)
    const KIM = { TOUCHBASE_SYNC_PASSWORD: 'kim-pw' }
    const database = personalDatabase('kim')

    const source = await dataDir()
    const store = await openStore(source)
    await store.replace(generatedDocument(1_500, 5))
    await store.close()
    const before = canonical(await contactsIn(source))

    // Kill the sender once part of its data has reached the server.
    const killed = await killWhen(source, ['sync', '--server', server.url, '--user', 'kim'], KIM, async () => (await docCount(database)) > 200)
    expect(killed.signal).toBe('SIGKILL')
    const partial = await docCount(database)
    expect(partial).toBeLessThan(1_500 * 6)
    expect(canonical(await contactsIn(source))).toEqual(before)
    const resumed = await cli(source, ['sync', '--json'], KIM)
    expect(resumed.stderr).toBe('')
    expect(await docCount(database)).toBe(1_500 * 6)

    // Kill the receiver in the middle too.
    const target = await dataDir()
    const killedToo = await killWhen(target, ['sync', '--server', server.url, '--user', 'kim'], KIM, async () => (await readFile(join(target, 'sync', database, 'shadow.json')).catch(() => null)) !== null || (await contactsIn(target).catch(() => [])).length > 0, 20)
    expect(killedToo.signal === 'SIGKILL' || killedToo.code === 0).toBe(true)
    const finished = await cli(target, ['sync', '--json'], KIM)
    expect(finished.stderr).toBe('')
    expect(canonical(await contactsIn(target))).toEqual(before)
  }, 240_000)
})

/** Runs the CLI and SIGKILLs it as soon as `ready` holds (polled every `everyMs`). */
async function killWhen(dir: string, args: string[], env: Record<string, string>, ready: () => Promise<boolean>, everyMs = 50): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, [CLI, ...args, '--data', dir], { env: { ...process.env, ...env }, stdio: 'ignore' })
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  let done = false
  void exited.then(() => (done = true))
  while (!done) {
    if (await ready().catch(() => false)) {
      child.kill('SIGKILL')
      break
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
  return exited
}

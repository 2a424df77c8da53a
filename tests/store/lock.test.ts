import { spawn } from 'node:child_process'
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { editContact } from '../../src/core/model'
import { DATA_FILE_NAME, StoreIoError, openStore, type StoreWarning } from '../../src/store'
import { thisMachine } from '../../src/store/file-lock'
import { useStoreBundle } from './store-bundle'
import { fixturesDir, makeContact, sleep, tempDirs } from './helpers'

const dirs = tempDirs()
const bundle = useStoreBundle()
afterAll(() => dirs.cleanup())

/** A lock folder as another holder leaves it: owner.json, and a time stamp. */
async function planted(dir: string, owner: { pid: number; machine: string }, mtime = new Date()): Promise<string> {
  const lockDir = join(dir, `${DATA_FILE_NAME}.lock`)
  await mkdir(lockDir)
  await writeFile(join(lockDir, 'owner.json'), JSON.stringify({ ...owner, host: 'somewhere', token: 'theirs', since: mtime.toISOString() }))
  await utimes(lockDir, mtime, mtime)
  return lockDir
}

/** A pid that is certainly not running: a child that has exited (and was reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'])
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid!
}

describe('the file lock', () => {
  it('is taken over at once when its holder was a process on this computer that has ended', async () => {
    const dir = await dirs.make()
    // Stale only after a minute, and we wait at most 5 s: only the dead-holder check can let us in.
    const store = await openStore(dir, { lockStaleMs: 60_000, lockTimeoutMs: 5_000 })
    await planted(dir, { pid: await deadPid(), machine: thisMachine() })
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    expect((await store.read()).contacts.map((c) => c.id)).toEqual(['a'])
    await store.close()
  })

  it('is waited out (stale time) when its holder is on another computer, whose processes we cannot see', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir, { lockStaleMs: 300, lockTimeoutMs: 5_000 })
    await planted(dir, { pid: process.pid, machine: 'another-computer||' })
    const started = Date.now()
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    await store.close()
  })

  it('goes stale even when dated in the future (a clock that jumped, a copy from another computer)', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir, { lockStaleMs: 300, lockTimeoutMs: 5_000 })
    await planted(dir, { pid: process.pid, machine: 'another-computer||' }, new Date(Date.now() + 24 * 3600 * 1000))
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    expect((await store.read()).contacts.map((c) => c.id)).toEqual(['a'])
    await store.close()
  })

  it('refuses a plain file where its folder belongs with a message that says what to do, and changes nothing', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    const before = await readFile(join(dir, DATA_FILE_NAME))
    const lockPath = join(dir, `${DATA_FILE_NAME}.lock`)
    await writeFile(lockPath, 'not a lock')
    const error = (await store.update((doc) => void doc.contacts.push(makeContact('b'))).catch((e: unknown) => e)) as StoreIoError
    expect(error).toBeInstanceOf(StoreIoError)
    expect(error.message).toContain(lockPath)
    expect(error.message).toContain(join(dir, DATA_FILE_NAME))
    expect(error.message).toMatch(/data file is unchanged/)
    expect(error.message).toMatch(/What to do: .*Delete/)
    expect(error.message).not.toMatch(/rmdir/)
    expect(await readFile(join(dir, DATA_FILE_NAME))).toEqual(before)
    expect(await readFile(lockPath, 'utf8')).toBe('not a lock')
    await store.close()
  })

  it('is never written through once lost: a writer stalled past the stale time finds out before renaming, and makes its change again', async () => {
    const dir = await dirs.make()
    const STALE_MS = 200
    const warnings: StoreWarning[] = []
    const store = await openStore(dir, { lockStaleMs: STALE_MS, onWarning: (w) => warnings.push(w) })
    await store.update((doc) => void doc.contacts.push(makeContact('shared')))

    // Another process that writes as soon as it can get the lock.
    const other = spawn(process.execPath, [join(fixturesDir, 'append-touches.mjs'), bundle.entry, dir, 'other', '1', String(STALE_MS)], { stdio: ['pipe', 'pipe', 'inherit'] })
    let otherOut = ''
    other.stdout.setEncoding('utf8').on('data', (d: string) => (otherOut += d))
    const otherExited = new Promise((resolve) => other.on('exit', resolve))
    while (!otherOut.includes('ready')) await sleep(10)

    let stalls = 0
    const ours = store.update((doc) => {
      if (stalls++ === 0) {
        // Hold the lock with a blocked event loop, as parsing a huge file would: no refresh can run.
        other.stdin.end('go\n')
        const until = Date.now() + 6 * STALE_MS
        while (Date.now() < until) {
          /* busy */
        }
      }
      editContact(doc, 0).tags.push('ours')
    })
    await ours
    expect(await otherExited).toBe(0)
    expect(otherOut).toContain('done')

    const onDisk = JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
    // Both acknowledged changes are there: the other process's touch and our tag.
    expect(onDisk.contacts[0].touches.map((t: { id: string }) => t.id)).toEqual(['other-0'])
    expect(onDisk.contacts[0].tags).toEqual(['ours'])
    // The stall really did cost us the lock, and the change was made again from the other's version.
    expect(stalls).toBe(2)
    expect(warnings.map((w) => w.code)).toEqual(['lock-lost-retried'])
    await store.close()
  })
})

import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { lstat, readFile, readdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { LockLostError, LockTimeoutError, StoreIoError } from './errors'

export interface FileLockOptions {
  /**
   * A lock whose holder has not refreshed it for this long is taken over. A live holder
   * refreshes it every staleMs / 4 from a timer, so it loses the lock only when its event loop
   * is blocked (or the process stopped) for longer than this. A holder on this computer whose
   * process has ended is taken over at once, whatever its age.
   */
  staleMs: number
  /** Give up waiting (LockTimeoutError) after this long. */
  timeoutMs: number
}

/** Passed to the locked section so it can check, right around a rename, that it still owns the lock. */
export interface HeldLock {
  /**
   * Synchronous, so nothing can run between this check and the rename that follows it. Throws
   * LockLostError when another process has taken the lock.
   */
  confirm(): void
  /** Like confirm() after the rename: the lock was ours throughout, so the write stands. */
  confirmWritten(): void
}

/** Who holds a lock: written into the lock folder as owner.json. */
interface LockOwner {
  pid: number
  /** The computer (and boot, and PID namespace) the pid belongs to: see thisMachine(). */
  machine: string
  host: string
  token: string
  since: string
}

const OWNER_FILE = 'owner.json'
/**
 * A lock folder without owner.json is younger than a few milliseconds (its holder writes the
 * file right after creating the folder), or its holder died in between, or it comes from a
 * Touchbase before 0.2, whose holders refreshed it every 2.5 s. So after this long unrefreshed
 * it is stale whatever staleMs says.
 */
const OWNERLESS_STALE_MS = 5_000
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * A waiter polls every 1–10 ms (random, so two waiters do not retry in lockstep): the lock is
 * held for one read-modify-write, milliseconds, and a waiter that backed off to seconds would
 * keep missing its turn.
 */
const MAX_RETRY_DELAY_MS = 10
/**
 * mkdir locks are not fair: a process that re-locks the moment it released would starve a
 * neighbour that polls. So a waiter touches `<file>.wanted` on every failed attempt, and a
 * process that released the lock less than this long ago and sees a fresh mark waits out the
 * rest of this gap (longer than a waiter's poll interval) before locking again. Without a
 * waiter nobody pays; with one, the two take turns.
 */
export const HANDOVER_GAP_MS = 15
/** A mark this much older than our release predates our turn: nobody was waiting on it. */
const WANTED_FRESHNESS_MS = 50

const lastReleasedAt = new Map<string, number>()
const wantedPathOf = (filePath: string) => `${filePath}.wanted`
export const lockPathOf = (filePath: string) => `${filePath}.lock`

let machineId: string | undefined
/**
 * A pid means something only on the computer, boot and PID namespace (container, sandbox) it
 * came from. Two processes that agree on all three can ask the OS whether the other is alive.
 */
export function thisMachine(): string {
  if (machineId === undefined) {
    const read = (f: () => string) => {
      try {
        return f().trim()
      } catch {
        return ''
      }
    }
    const boot = process.platform === 'linux' ? read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')) : ''
    const pidNamespace = process.platform === 'linux' ? read(() => readlinkSync('/proc/self/ns/pid')) : ''
    machineId = [hostname(), boot, pidNamespace].join('|')
  }
  return machineId
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>
    if (typeof owner.pid === 'number' && typeof owner.token === 'string' && typeof owner.machine === 'string') return owner as LockOwner
  } catch {
    // Half-written (its holder is creating it right now) or not ours: no owner known.
  }
  return undefined
}

function describeHolder(owner: LockOwner | undefined): string | undefined {
  if (!owner) return undefined
  return owner.machine === thisMachine() ? `process ${owner.pid} on this computer` : `process ${owner.pid} on ${owner.host}`
}

async function giveWaitersTheirTurn(filePath: string): Promise<void> {
  const released = lastReleasedAt.get(filePath)
  if (released === undefined || Date.now() - released >= HANDOVER_GAP_MS) return
  const wanted = await stat(wantedPathOf(filePath)).catch(() => undefined)
  if (wanted === undefined || wanted.mtimeMs < released - WANTED_FRESHNESS_MS) return
  const left = released + HANDOVER_GAP_MS - Date.now()
  if (left > 0) await sleep(left)
}

/** What a waiter saw of a held lock, and since when (its own monotonic clock). */
interface Sighting {
  key: string
  since: number
  owner: LockOwner | undefined
}

/** Locks this process holds, released if it exits while holding them. */
const held = new Map<string, string>()
let exitHookInstalled = false
function releaseOnExit(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const [lockPath, token] of held) {
      if (ownerTokenSync(lockPath) === token) rmSync(lockPath, { recursive: true, force: true })
    }
  })
}

function ownerTokenSync(lockPath: string): string | undefined {
  try {
    return parseOwner(readFileSync(join(lockPath, OWNER_FILE), 'utf8'))?.token
  } catch {
    return undefined
  }
}

/**
 * Runs `section` while holding the lock on `filePath`: a `<file>.lock` folder beside it (mkdir
 * is atomic everywhere, and works before the file exists), holding owner.json with our pid,
 * machine and a random token. The token is what ownership means: a taker replaces the folder,
 * so a holder that finds its token gone knows, before renaming anything, that it lost.
 */
export async function withFileLock<T>(filePath: string, options: FileLockOptions, section: (lock: HeldLock) => Promise<T>): Promise<T> {
  const lockPath = lockPathOf(filePath)
  const token = randomBytes(12).toString('hex')
  await giveWaitersTheirTurn(filePath)
  await acquire(filePath, lockPath, token, options)
  held.set(lockPath, token)
  releaseOnExit()

  let lost = false
  const check = (): boolean => {
    if (!lost && ownerTokenSync(lockPath) !== token) lost = true
    return !lost
  }
  // Refresh from a timer; any I/O error here is noticed by confirm() later.
  const refresh = setInterval(
    () =>
      void (async () => {
        if (!check()) return
        const now = new Date()
        await utimes(lockPath, now, now).catch(() => undefined)
      })(),
    Math.max(10, Math.floor(options.staleMs / 4))
  )
  refresh.unref()

  const lock: HeldLock = {
    confirm() {
      // No refresh here: the timer keeps the lock fresh, and one more change to the folder's
      // metadata would wait on the disk's journal right in the middle of the write.
      if (!check()) throw new LockLostError(filePath, false)
    },
    confirmWritten() {
      if (!check()) throw new LockLostError(filePath, true)
    }
  }
  try {
    return await section(lock)
  } finally {
    clearInterval(refresh)
    held.delete(lockPath)
    // A lost lock is someone else's now: leave it alone.
    if (check()) await removeLockFolder(lockPath).catch(() => undefined)
    lastReleasedAt.set(filePath, Date.now())
  }
}

/** Moves the folder aside first, so the lock is gone in one step (never left without its owner file). */
async function removeLockFolder(lockPath: string): Promise<void> {
  const aside = `${lockPath}.released-${randomBytes(6).toString('hex')}`
  await rename(lockPath, aside)
  await rm(aside, { recursive: true, force: true })
}

async function acquire(filePath: string, lockPath: string, token: string, options: FileLockOptions): Promise<void> {
  const started = Date.now()
  let sighting: Sighting | undefined
  let waited = false
  for (;;) {
    try {
      // Synchronous: two tiny metadata steps, cheaper than two trips through the thread pool.
      mkdirSync(lockPath, { mode: 0o700 })
      const owner: LockOwner = { pid: process.pid, machine: thisMachine(), host: hostname(), token, since: new Date().toISOString() }
      try {
        writeFileSync(join(lockPath, OWNER_FILE), JSON.stringify(owner), { flag: 'wx' })
      } catch (error) {
        await rm(lockPath, { recursive: true, force: true }).catch(() => undefined)
        throw lockIoError(filePath, lockPath, error)
      }
      // Our turn came; a waiter still queued marks again on its next attempt.
      if (waited) await unlink(wantedPathOf(filePath)).catch(() => undefined)
      return
    } catch (error) {
      if (error instanceof StoreIoError) throw error
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockIoError(filePath, lockPath, error)
    }

    sighting = await inspect(filePath, lockPath, sighting, options)
    if (sighting === undefined) continue // gone or taken over: try again at once
    const elapsed = Date.now() - started
    if (elapsed >= options.timeoutMs) throw new LockTimeoutError(filePath, lockPath, elapsed, describeHolder(sighting.owner))
    waited = true
    await writeFile(wantedPathOf(filePath), '').catch(() => undefined)
    await sleep(1 + Math.random() * (MAX_RETRY_DELAY_MS - 1))
  }
}

/**
 * Looks at a lock someone holds. Returns undefined when it is gone or was stale and has been
 * moved aside (so the caller should try again now), else what we saw of it.
 *
 * A lock is stale when its holder is a process on this computer that has ended, or when it has
 * not been refreshed for staleMs: by its time stamp, or by what we saw ourselves, so a lock
 * dated in the future (a clock that jumped, a copy from another computer) goes stale too.
 */
async function inspect(filePath: string, lockPath: string, previous: Sighting | undefined, options: FileLockOptions): Promise<Sighting | undefined> {
  let info
  try {
    info = await lstat(lockPath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw lockIoError(filePath, lockPath, error)
  }
  if (!info.isDirectory()) {
    throw new StoreIoError({
      filePath,
      action: 'lock its data file',
      cause: Object.assign(new Error(`${lockPath} is not a folder`), { code: 'ENOTDIR', path: lockPath }),
      dataUnchanged: true,
      reason: `${lockPath} is a ${info.isSymbolicLink() ? 'link' : 'file'}, where Touchbase keeps its lock folder`,
      advice: `Touchbase did not make it. Delete ${lockPath} (or move it away), then try again.`
    })
  }
  const owner = parseOwner(await readFile(join(lockPath, OWNER_FILE), 'utf8').catch(() => ''))
  const key = `${info.ino}:${info.mtimeMs}:${owner?.token ?? ''}`
  const now = performance.now()
  const sighting = previous?.key === key ? previous : { key, since: now, owner }
  const ended = owner !== undefined && owner.machine === thisMachine() && !processIsAlive(owner.pid)
  const staleMs = owner ? options.staleMs : Math.min(options.staleMs, OWNERLESS_STALE_MS)
  const old = info.mtimeMs < Date.now() - staleMs
  const unchangedTooLong = now - sighting.since >= staleMs
  if (!ended && !old && !unchangedTooLong) return sighting

  // Move it aside rather than delete it: rename is atomic, so of several waiters that all
  // judged it stale exactly one takes it, and a holder that was only stalled finds its token
  // gone at its next confirm() instead of writing over the file.
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`
  try {
    await rename(lockPath, aside)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw lockIoError(filePath, lockPath, error)
  }
  await rm(aside, { recursive: true, force: true }).catch(() => undefined)
  return undefined
}

/** Lock folders moved aside (released or taken over) whose removal a killed process never finished. */
export async function removeLockLeftovers(filePath: string, olderThanMs: number): Promise<void> {
  const dir = dirname(filePath)
  const prefix = `${basename(lockPathOf(filePath))}.`
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names.filter((n) => n.startsWith(prefix) && /\.(released|stale)-[0-9a-f]{12}$/.test(n))) {
    const path = join(dir, name)
    const info = await stat(path).catch(() => undefined)
    if (info && Date.now() - info.mtimeMs > olderThanMs) await rm(path, { recursive: true, force: true }).catch(() => undefined)
  }
}

function lockIoError(filePath: string, lockPath: string, error: unknown): StoreIoError {
  const code = (error as NodeJS.ErrnoException).code
  const folder = dirname(filePath)
  const reasons: Record<string, string> = {
    EACCES: `permission denied in the folder ${folder} (Touchbase needs to create its lock folder ${lockPath} there)`,
    EPERM: `the system did not allow creating the lock folder ${lockPath} in ${folder}`,
    EROFS: `the folder ${folder} is on a read-only file system`,
    ENOTDIR: `${lockPath} or its folder is not a folder`
  }
  const reason = code && reasons[code] ? `${reasons[code]} (${code})` : undefined
  return new StoreIoError({ filePath, action: 'lock its data file', cause: error, dataUnchanged: true, ...(reason ? { reason } : {}) })
}

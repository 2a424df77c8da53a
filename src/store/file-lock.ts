import { stat, unlink, writeFile } from 'node:fs/promises'
import lockfile from 'proper-lockfile'
import { LockTimeoutError } from './errors'

export interface FileLockOptions {
  /**
   * A lock whose holder stopped refreshing it for this long is taken over. It bounds how long
   * a holder killed with SIGKILL blocks everyone else. The holder refreshes every staleMs / 2,
   * so a live holder whose event loop stalls for more than staleMs / 2 can lose the lock.
   */
  staleMs: number
  /** Give up waiting (LockTimeoutError) after this long. */
  timeoutMs: number
}

/** Passed to the locked section so it can check, right before a rename, that it still owns the lock. */
export interface HeldLock {
  assertHeld(): void
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * A waiter polls every 1–10 ms (random, so two waiters do not retry in lockstep) rather than
 * with proper-lockfile's exponential backoff: the lock is held for one read-modify-write,
 * milliseconds, and a waiter that had backed off to seconds would keep missing its turn.
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

async function giveWaitersTheirTurn(filePath: string): Promise<void> {
  const released = lastReleasedAt.get(filePath)
  if (released === undefined || Date.now() - released >= HANDOVER_GAP_MS) return
  const wanted = await stat(wantedPathOf(filePath)).catch(() => undefined)
  if (wanted === undefined || wanted.mtimeMs < released - WANTED_FRESHNESS_MS) return
  const left = released + HANDOVER_GAP_MS - Date.now()
  if (left > 0) await sleep(left)
}

/**
 * Runs `section` while holding proper-lockfile's lock on `filePath` (a `<file>.lock` folder
 * beside it, so it works for a file that does not exist yet and across processes).
 */
export async function withFileLock<T>(filePath: string, options: FileLockOptions, section: (lock: HeldLock) => Promise<T>): Promise<T> {
  let compromised: Error | undefined
  const lockPath = `${filePath}.lock`
  const started = Date.now()
  let release: (() => Promise<void>) | undefined
  let waited = false
  await giveWaitersTheirTurn(filePath)
  while (release === undefined) {
    try {
      release = await lockfile.lock(filePath, {
        stale: options.staleMs,
        // The data file may not exist yet; realpath would fail on it.
        realpath: false,
        retries: 0,
        // proper-lockfile's default throws from a timer, which would crash the process.
        onCompromised: (error) => {
          compromised = error
        }
      })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ELOCKED') throw error
      const elapsed = Date.now() - started
      if (elapsed >= options.timeoutMs) throw new LockTimeoutError(filePath, lockPath, elapsed)
      waited = true
      await writeFile(wantedPathOf(filePath), '').catch(() => undefined)
      await sleep(1 + Math.random() * (MAX_RETRY_DELAY_MS - 1))
    }
  }
  // Our turn came; a waiter still queued marks again on its next attempt.
  if (waited) await unlink(wantedPathOf(filePath)).catch(() => undefined)
  const held: HeldLock = {
    assertHeld() {
      if (compromised) throw new Error(`Lost the lock on ${filePath} (${compromised.message}); the change was not written. Try again.`)
    }
  }
  try {
    return await section(held)
  } finally {
    // A compromised lock is already gone (and may now be someone else's): leave it alone.
    if (!compromised) await release().catch(() => undefined)
    lastReleasedAt.set(filePath, Date.now())
  }
}

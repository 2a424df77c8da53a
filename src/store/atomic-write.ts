import { randomBytes } from 'node:crypto'
import { closeSync, fsync, fsyncSync, openSync, renameSync, writev } from 'node:fs'
import { readdir, stat, unlink } from 'node:fs/promises'
import { promisify } from 'node:util'
import { basename, dirname, join } from 'node:path'

/** An error from the operating system (ENOENT, EACCES, …), not one of Node's own ERR_ codes. */
export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).errno === 'number'
}

const TEMP_SUFFIX = '.tmp'
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Unique per process and per call: a fixed ".name.tmp" would be shared by every process
 * writing the same file, so two of them could rename each other's half-written temp file.
 */
function tempPathFor(filePath: string): string {
  return join(dirname(filePath), `${basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
}

export function isTempFileOf(filePath: string, name: string): boolean {
  return name.startsWith(`${basename(filePath)}.`) && name.endsWith(TEMP_SUFFIX) && /\.\d+\.[0-9a-f]{12}\.tmp$/.test(name)
}

/**
 * Synchronous, like the other small steps around the write: each takes microseconds, while a
 * round trip through Node's thread pool costs a scheduling turn, which on a busy machine is
 * longer than the step. The large ones (writing and flushing the bytes) stay asynchronous.
 */
export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS makes the rename durable on its own.
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export interface AtomicWriteHooks {
  /** Runs synchronously right before the rename; throwing stops the write with nothing changed. */
  beforeRename?: () => void
  /** Runs synchronously right after the rename. */
  afterRename?: () => void
}

/** Thrown when the new bytes are in place but a later step (a hook, the folder fsync) failed. */
export class AfterRenameError extends Error {
  override readonly name = 'AfterRenameError'
}

/**
 * Replaces `filePath` with `data` so that a crash at any moment leaves either the old or the
 * new bytes, and once this resolves the new bytes survive a power cut: write a temp file
 * beside it, fsync it, rename it over the target, fsync the folder that holds the name.
 * `data` may be a list of pieces (written with one writev, never joined in memory).
 *
 * The rename is synchronous and runs right after `beforeRename`, so nothing else in this
 * process can run between the caller's last check and the moment the new file takes the name.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array | readonly Uint8Array[], hooks: AtomicWriteHooks = {}, mode = 0o600): Promise<void> {
  const tempPath = tempPathFor(filePath)
  const pieces = typeof data === 'string' ? [Buffer.from(data)] : data instanceof Uint8Array ? [data] : data
  let renamed = false
  try {
    // Only writing and flushing the bytes go through the thread pool (see fsyncDirectory).
    const fd = openSync(tempPath, 'wx', mode)
    try {
      await writeAll(fd, pieces)
      await fsyncAsync(fd)
    } finally {
      closeSync(fd)
    }
    await renameInPlace(tempPath, filePath, hooks.beforeRename)
    renamed = true
  } finally {
    if (!renamed) await unlink(tempPath).catch(() => undefined)
  }
  try {
    hooks.afterRename?.()
    fsyncDirectory(dirname(filePath))
  } catch (error) {
    throw new AfterRenameError(error instanceof Error ? error.message : String(error), { cause: error })
  }
}

const writevAsync = promisify(writev)
const fsyncAsync = promisify(fsync)

async function writeAll(fd: number, pieces: readonly Uint8Array[]): Promise<void> {
  // One writev for all pieces (libuv splits it at the system's limit); a short write (rare: a
  // signal, a full disk reported late) resumes where it stopped.
  let rest = [...pieces] as NodeJS.ArrayBufferView[]
  let expected = pieces.reduce((n, b) => n + b.byteLength, 0)
  while (expected > 0) {
    const { bytesWritten } = await writevAsync(fd, rest)
    if (bytesWritten === expected) return
    if (bytesWritten === 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO', errno: -5 })
    expected -= bytesWritten
    rest = skipBytes(rest as Uint8Array[], bytesWritten)
  }
}

function skipBytes(pieces: readonly Uint8Array[], count: number): Uint8Array[] {
  const rest: Uint8Array[] = []
  let skip = count
  for (const piece of pieces) {
    if (skip >= piece.byteLength) {
      skip -= piece.byteLength
      continue
    }
    rest.push(skip > 0 ? piece.subarray(skip) : piece)
    skip = 0
  }
  return rest
}

/**
 * On Windows a rename over a file that another process has open (a reader, an antivirus scan)
 * fails for a moment with EPERM/EACCES/EBUSY; elsewhere rename over an open file just works.
 * Each attempt runs the check and the rename back to back.
 */
async function renameInPlace(from: string, to: string, check: (() => void) | undefined): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    check?.()
    try {
      renameSync(from, to)
      return
    } catch (error) {
      const busy = isErrnoException(error) && ['EPERM', 'EACCES', 'EBUSY'].includes(error.code ?? '')
      if (process.platform !== 'win32' || !busy || attempt >= 10) throw error
      await sleep(10 * 2 ** Math.min(attempt, 6))
    }
  }
}

/** Temp files left by a process that died mid-write; old enough that no live writer owns them. */
export async function removeAbandonedTempFiles(filePath: string, olderThanMs: number, nowMs: number): Promise<void> {
  const dir = dirname(filePath)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return
  }
  for (const name of names.filter((n) => isTempFileOf(filePath, n))) {
    const path = join(dir, name)
    try {
      const s = await stat(path)
      if (nowMs - s.mtimeMs > olderThanMs) await unlink(path)
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}

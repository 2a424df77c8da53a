import { randomBytes } from 'node:crypto'
import { open, readdir, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * What identifies one version of a file without reading it. Writers replace the file by
 * rename, so a new version always has a new inode; size and the nanosecond times catch
 * in-place edits (a text editor) as well.
 */
export interface FileStamp {
  ino: bigint
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
}

export function sameStamp(a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean {
  if (a === undefined || b === undefined) return false
  if (a === null || b === null) return a === b
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs
}

function toStamp(s: { ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): FileStamp {
  return { ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs }
}

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
}

/** The file's stamp, or null when it does not exist. */
export async function statStamp(filePath: string): Promise<FileStamp | null> {
  try {
    return toStamp(await stat(filePath, { bigint: true }))
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null
    throw error
  }
}

const TEMP_SUFFIX = '.tmp'

/**
 * Unique per process and per call: steno's fixed ".name.tmp" is shared by every process
 * writing the same file, so two of them could rename each other's half-written temp file.
 */
function tempPathFor(filePath: string): string {
  return join(dirname(filePath), `${basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
}

export function isTempFileOf(filePath: string, name: string): boolean {
  return name.startsWith(`${basename(filePath)}.`) && name.endsWith(TEMP_SUFFIX) && /\.\d+\.[0-9a-f]{12}\.tmp$/.test(name)
}

async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS makes the rename durable on its own.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * On Windows a rename over a file that another process has open (a reader, an antivirus scan)
 * fails for a moment with EPERM/EACCES/EBUSY; elsewhere rename over an open file just works.
 */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (error) {
      const busy = isErrnoException(error) && ['EPERM', 'EACCES', 'EBUSY'].includes(error.code ?? '')
      if (process.platform !== 'win32' || !busy || attempt >= 10) throw error
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(attempt, 6)))
    }
  }
}

/**
 * Replaces `filePath` with `data` so that a crash at any moment leaves either the old or the
 * new bytes, and once this resolves the new bytes survive a power cut: write a temp file
 * beside it, fsync it, rename it over the target, fsync the directory that holds the name.
 * Returns the new file's stamp, taken right after the rename while the caller still owns it.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, mode = 0o600): Promise<FileStamp> {
  const tempPath = tempPathFor(filePath)
  let renamed = false
  try {
    const handle = await open(tempPath, 'wx', mode)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameOver(tempPath, filePath)
    renamed = true
    const stamp = toStamp(await stat(filePath, { bigint: true }))
    await fsyncDirectory(dirname(filePath))
    return stamp
  } finally {
    if (!renamed) await unlink(tempPath).catch(() => undefined)
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

export interface JsonCodec<T> {
  /** Throws when the bytes are not a usable T; the caller decides what that means. */
  decode(bytes: Buffer): T
  encode(data: T): string
}

/**
 * lowdb adapter over one file with durable atomic writes. It remembers the stamp of the
 * version it last read or wrote and hands back the decoded value again while the file is
 * unchanged, so a big file is not re-parsed and re-validated before every change.
 */
export class FsyncJsonAdapter<T> implements Adapter<T> {
  /** undefined: never looked; null: the file did not exist; otherwise the version we hold. */
  stamp: FileStamp | null | undefined = undefined
  /** Completed writes; tests count them to see that bursts were coalesced. */
  writeCount = 0
  private cached: T | undefined

  constructor(
    readonly filePath: string,
    private readonly codec: JsonCodec<T>,
    private readonly onWrite?: () => void
  ) {}

  async read(): Promise<T | null> {
    let handle
    try {
      handle = await open(this.filePath, 'r')
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') {
        this.stamp = null
        this.cached = undefined
        return null
      }
      throw error
    }
    try {
      // Stat the open descriptor, not the path: the path may be renamed over meanwhile, but
      // the inode we opened never changes, so stamp and bytes always belong together.
      const stamp = toStamp(await handle.stat({ bigint: true }))
      if (this.cached !== undefined && sameStamp(stamp, this.stamp)) return this.cached
      const bytes = await handle.readFile()
      const data = this.codec.decode(bytes)
      this.cached = data
      this.stamp = stamp
      return data
    } finally {
      await handle.close()
    }
  }

  async write(data: T): Promise<void> {
    const stamp = await writeFileAtomic(this.filePath, this.codec.encode(data))
    this.cached = data
    this.stamp = stamp
    this.writeCount++
    this.onWrite?.()
  }
}

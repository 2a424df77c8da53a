import { constants, lstatSync, type BigIntStats } from 'node:fs'
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { isErrnoException } from './atomic-write'
import { formatBytes } from './errors'

/**
 * The largest data file Touchbase opens: 100 MiB. Real use stays far below (10,000 contacts
 * with 100,000 touches take about 22 MB), and everything the store does with a file this size
 * (read, validate, write) takes a few seconds at most, well inside the lock's stale time.
 */
export const MAX_DATA_FILE_BYTES = 100 * 1024 * 1024

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

export function toStamp(s: BigIntStats): FileStamp {
  return { ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs }
}

/** The data file cannot be read as data: not a regular file, too large, or a link to nothing. */
export class DataFileProblem extends Error {
  override readonly name = 'DataFileProblem'
  constructor(
    readonly code: 'not-a-file' | 'too-large' | 'missing',
    detail: string,
    /** 'missing' because the data file is a symbolic link to nothing. */
    readonly danglingLink = false
  ) {
    super(detail)
  }
}

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (s.isDirectory()) return 'a folder'
  if (s.isFIFO()) return 'a named pipe (FIFO)'
  if (s.isCharacterDevice()) return 'a character device'
  if (s.isBlockDevice()) return 'a block device'
  if (s.isSocket()) return 'a socket'
  return 'not a regular file'
}

/**
 * The file's stamp, or null when it does not exist. Follows a symbolic link (the data file may
 * be a link into a synced folder); a link whose target does not exist is a DataFileProblem,
 * never "no file": treating it as absent would start a new, empty file in its place.
 */
export async function statStamp(filePath: string): Promise<FileStamp | null> {
  try {
    return toStamp(await stat(filePath, { bigint: true }))
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') {
      await refuseDanglingLink(filePath)
      return null
    }
    throw error
  }
}

async function refuseDanglingLink(filePath: string): Promise<void> {
  const link = await lstat(filePath).catch(() => undefined)
  if (link?.isSymbolicLink()) {
    const target = await readlink(filePath).catch(() => '?')
    throw new DataFileProblem('missing', `${filePath} is a link to ${resolve(dirname(filePath), target)}, which does not exist`, true)
  }
}

export interface OpenedDataFile {
  stamp: FileStamp
  /** Reads the whole file (at most `maxBytes`, checked when opening). */
  read(): Promise<Buffer>
  close(): Promise<void>
}

// Opening a FIFO for reading would wait for a writer forever; with O_NONBLOCK it returns at once
// and the fstat below refuses it. Windows has no FIFOs of this kind and no O_NONBLOCK.
const OPEN_FLAGS = constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK)

/**
 * Opens the data file for reading, or returns null when there is none. Refuses (DataFileProblem)
 * anything that is not a regular file (a FIFO would hang the reader, /dev/zero would never end)
 * and anything larger than `maxBytes`, before reading a byte of it.
 */
export async function openDataFile(filePath: string, maxBytes = MAX_DATA_FILE_BYTES): Promise<OpenedDataFile | null> {
  if ((await statStamp(filePath)) === null) return null
  let handle
  try {
    handle = await open(filePath, OPEN_FLAGS)
  } catch (error) {
    // Removed between the two looks: there is no file now.
    if (isErrnoException(error) && error.code === 'ENOENT') return openDataFile(filePath, maxBytes)
    throw error
  }
  // Stat the open descriptor, not the path: the path may be renamed over meanwhile, but the
  // inode we opened never changes, so stamp and bytes always belong together.
  let info: BigIntStats
  try {
    info = await handle.stat({ bigint: true })
    if (!info.isFile()) throw new DataFileProblem('not-a-file', `${filePath} is ${kindOf(info)}`)
    if (info.size > BigInt(maxBytes)) {
      throw new DataFileProblem('too-large', `${filePath} is ${formatBytes(Number(info.size))}; Touchbase accepts data files up to ${formatBytes(maxBytes)}`)
    }
  } catch (error) {
    await handle.close()
    throw error
  }
  const stamp = toStamp(info)
  return {
    stamp,
    async read() {
      const size = Number(stamp.size)
      const bytes = Buffer.allocUnsafe(size)
      let filled = 0
      while (filled < size) {
        const { bytesRead } = await handle.read(bytes, filled, size - filled, filled)
        if (bytesRead === 0) break
        filled += bytesRead
      }
      // One byte more than we were told means it grew while we read (an in-place editor): the
      // stamp's times will differ at the next look, which reads it again.
      return bytes.subarray(0, filled)
    },
    close: () => handle.close()
  }
}

/**
 * Where a write must go: the data file, or, when it is a symbolic link, the file it points to,
 * so the link stays and the target (e.g. in a synced folder) gets the new data. A link to
 * nothing is refused (DataFileProblem 'missing'), never replaced by a regular file.
 */
export async function writeTargetOf(filePath: string): Promise<string> {
  let link
  try {
    link = lstatSync(filePath)
  } catch (error) {
    if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error
  }
  if (!link?.isSymbolicLink()) return filePath
  try {
    return await realpath(filePath)
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') await refuseDanglingLink(filePath)
    throw error
  }
}

import { dirname, join } from 'node:path'
import { BACKUP_DIR_NAME } from './backups'

export type DataFileErrorCode = 'unreadable' | 'corrupt' | 'invalid' | 'too-new' | 'not-a-file' | 'too-large' | 'missing'

/** How many zod issues an error message shows; the rest are counted, not listed. */
const DETAILS_SHOWN = 5

/** Bytes, for people: "100 MiB", "23.4 MB" style without false precision. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MiB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`
  return `${bytes} bytes`
}

export interface DataFileErrorInit {
  code: DataFileErrorCode
  filePath: string
  safeCopyPath?: string
  /** The newest file in backups/, offered as the way back. */
  latestBackup?: string
  details: string[]
  /** 'missing' because the data file is a symbolic link to nothing. */
  danglingLink?: boolean
  cause?: unknown
}

/**
 * The data file cannot be used: it exists but is damaged, too new, too large or not a file at
 * all, or (code 'missing') it vanished while Touchbase was using it. The store never writes over
 * it: the person decides what happens, guided by the message. A store in this state recovers by
 * itself once the file is valid again.
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError'
  readonly code: DataFileErrorCode
  readonly filePath: string
  /** A byte-for-byte copy of the file as it was found, when one could be made. */
  readonly safeCopyPath?: string
  readonly latestBackup?: string
  /** One line per problem, e.g. "contacts.3.touches.0.at: must be an ISO-8601 date-time". */
  readonly details: string[]
  /** 'missing' because the data file is a symbolic link to nothing: a new file there would not be where the link points. */
  readonly danglingLink: boolean

  constructor(init: DataFileErrorInit) {
    super(describeDataFileProblem(init), init.cause === undefined ? undefined : { cause: init.cause })
    this.code = init.code
    this.filePath = init.filePath
    if (init.safeCopyPath !== undefined) this.safeCopyPath = init.safeCopyPath
    if (init.latestBackup !== undefined) this.latestBackup = init.latestBackup
    this.details = init.details
    this.danglingLink = init.danglingLink ?? false
  }
}

function describeDataFileProblem(init: DataFileErrorInit): string {
  const backups = join(dirname(init.filePath), BACKUP_DIR_NAME)
  const restore = init.latestBackup
    ? `restore the newest backup, ${init.latestBackup} (copy it over ${init.filePath}, or use Restore in Touchbase)`
    : `restore a backup: copy the newest good file from ${backups} over ${init.filePath}`
  const what: Record<DataFileErrorCode, string> = {
    unreadable: 'Touchbase cannot read its data file',
    corrupt: 'Touchbase cannot use its data file: it is not valid JSON (it may be truncated or damaged)',
    invalid: 'Touchbase cannot use its data file: its contents do not match the Touchbase format',
    'too-new': 'Touchbase cannot use its data file: it was written by a newer version of Touchbase',
    'not-a-file': 'Touchbase cannot use its data file: it is not a regular file',
    'too-large': 'Touchbase cannot use its data file: it is larger than Touchbase accepts',
    missing: 'Touchbase cannot find its data file: it was deleted or moved away, or it is a link to a file that does not exist'
  }
  const fix: Record<DataFileErrorCode, string> = {
    unreadable: `Check that the file is readable by you (permissions, disk). If it cannot be recovered, ${restore}, or move the file away to start with an empty one.`,
    corrupt: `${capitalize(restore)}. Or move ${init.filePath} away to start with an empty one.`,
    invalid: `Fix the entries listed below in a text editor, or ${restore}. Or move ${init.filePath} away to start with an empty one.`,
    'too-new': `Update Touchbase to the newest version and open it again. This version will not change the file, so nothing the newer version saved is lost.`,
    'not-a-file': `Put the Touchbase data file (or a link to it) at ${init.filePath}, or ${restore}. Touchbase reads only regular files there, never pipes, devices or folders.`,
    'too-large': `A real Touchbase file stays far below this (10,000 contacts with 100,000 touches take about 22 MB). Check that ${init.filePath} is the right file, or ${restore}.`,
    missing: `If you moved it, put it back (Touchbase picks it up again by itself). If it lives on a drive or synced folder that is not available, make that available. Otherwise ${restore}.`
  }
  const lines = [`${what[init.code]}.`, `  File: ${init.filePath}`]
  if (init.code !== 'missing') {
    lines.push(
      init.safeCopyPath === undefined
        ? '  No copy could be made; the file was left untouched.'
        : `  A byte-for-byte copy was saved as: ${init.safeCopyPath}`
    )
  }
  lines.push('  Touchbase will not write to the file until this is fixed.', `  What to do: ${fix[init.code]}`)
  if (init.details.length > 0) {
    lines.push('  Problems found:')
    for (const d of init.details.slice(0, DETAILS_SHOWN)) lines.push(`    - ${d}`)
    if (init.details.length > DETAILS_SHOWN) lines.push(`    … and ${init.details.length - DETAILS_SHOWN} more`)
  }
  return lines.join('\n')
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The data file came back while Touchbase was about to write its last known data in its place: nothing was written. */
export class DataFileBackError extends Error {
  override readonly name = 'DataFileBackError'
  constructor(readonly filePath: string) {
    super(`${filePath} exists again (it was put back or repaired), so Touchbase did not write over it. Nothing was changed; Touchbase uses the file as it is now.`)
  }
}

/** A change or a replacement would have produced a document that fails validation. */
export class InvalidDocumentError extends Error {
  override readonly name = 'InvalidDocumentError'
  constructor(
    message: string,
    readonly details: string[]
  ) {
    super(details.length > 0 ? `${message}: ${details.slice(0, DETAILS_SHOWN).join('; ')}` : message)
  }
}

/** Another process held the data file's lock for longer than we were willing to wait. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError'
  constructor(
    readonly filePath: string,
    readonly lockPath: string,
    waitedMs: number,
    holder?: string
  ) {
    super(
      `Another Touchbase process${holder ? ` (${holder})` : ''} has been using ${filePath} for over ${Math.round(waitedMs / 1000)} s. ` +
        `Your data is unchanged; this change was not saved. ` +
        `Close other Touchbase windows or commands and try again. If none is running, delete the folder ${lockPath}.`
    )
  }
}

/**
 * This process lost the data file's lock (another process judged it stale while this one was
 * stalled, e.g. suspended) before it could finish. `written` says whether our new file had
 * already been renamed into place.
 */
export class LockLostError extends Error {
  override readonly name = 'LockLostError'
  constructor(
    readonly filePath: string,
    readonly written: boolean
  ) {
    super(
      written
        ? `Another Touchbase process took over ${filePath} at the moment this change was written, so it may have been overwritten. ` +
            `Check whether the change is there (e.g. touchbase show) and make it again if not.`
        : `Another Touchbase process took over ${filePath} while this one was stalled. ` +
            `Your data is unchanged by this process; this change was not saved. Try again.`
    )
  }
}

/** The store was closed. */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError'
}

/** What went wrong, said plainly, and what a person can do about it; keyed by errno code. */
const FS_PROBLEMS: Record<string, { reason: (path: string) => string; advice: (folder: string) => string }> = {
  ENOSPC: {
    reason: (path) => `the disk holding ${dirname(path)} is full`,
    advice: () => 'Free some disk space, then try again.'
  },
  EDQUOT: {
    reason: (path) => `your disk quota for ${dirname(path)} is used up`,
    advice: () => 'Free some space in your quota, then try again.'
  },
  EACCES: {
    reason: (path) => `permission denied for ${path}`,
    advice: (folder) => `Make sure you may write to ${folder} (its permissions and owner), or use another data folder (--data or TOUCHBASE_DATA_DIR).`
  },
  EPERM: {
    reason: (path) => `the system did not allow changing ${path}`,
    advice: (folder) => `Make sure you may write to ${folder} and that no other program locks it, or use another data folder (--data or TOUCHBASE_DATA_DIR).`
  },
  EROFS: {
    reason: (path) => `${path} is on a read-only file system`,
    advice: (folder) => `Make ${folder} writable (e.g. remount the drive read-write), or use another data folder (--data or TOUCHBASE_DATA_DIR).`
  },
  EIO: {
    reason: (path) => `the disk reported an input/output error on ${path}`,
    advice: (folder) => `Check the disk, and copy ${folder} somewhere safe.`
  },
  EMFILE: {
    reason: () => 'too many files are open',
    advice: () => 'Close some programs and try again.'
  },
  ENFILE: {
    reason: () => 'too many files are open on this system',
    advice: () => 'Close some programs and try again.'
  },
  ENOENT: {
    reason: (path) => `${path} does not exist (its folder may have been removed)`,
    advice: (folder) => `Make sure ${folder} exists and is available, then try again.`
  }
}

/** The plain reason, without Node's "CODE: " prefix and syscall suffix (which would be said twice). */
export function plainFsReason(error: unknown, fallbackPath: string): string {
  const e = error as NodeJS.ErrnoException
  const path = typeof e?.path === 'string' ? e.path : fallbackPath
  const known = e?.code ? FS_PROBLEMS[e.code] : undefined
  if (known) return `${known.reason(path)} (${e.code})`
  const message = e instanceof Error ? e.message : String(error)
  // "EBUSY: resource busy or locked, rename 'a' -> 'b'" → "resource busy or locked, rename 'a' -> 'b' (EBUSY)"
  const stripped = e?.code && message.startsWith(`${e.code}: `) ? `${message.slice(e.code.length + 2)} (${e.code})` : message
  return stripped
}

/** Reason and advice for an error about `path` (whatever path the error itself names), e.g. a backups folder. */
export function describeFsProblem(error: unknown, path: string): { reason: string; advice: string } {
  const code = (error as NodeJS.ErrnoException)?.code
  const known = code ? FS_PROBLEMS[code] : undefined
  if (known) return { reason: `${known.reason(path)} (${code})`, advice: known.advice(path) }
  return { reason: plainFsReason(error, path), advice: 'Try again. If it keeps failing, check the disk and the folder’s permissions.' }
}

export interface StoreIoErrorInit {
  /** The data file the operation was for. */
  filePath: string
  /** What we were doing, e.g. "save your change". */
  action: string
  cause: unknown
  /** True when the data file on disk is exactly as before (the usual case: writes are atomic). */
  dataUnchanged: boolean
  /** Overrides the reason derived from the cause's errno code. */
  reason?: string
  /** Overrides the advice derived from the cause's errno code. */
  advice?: string
}

/**
 * A file-system operation on the data failed. The message names the file, says whether the
 * data is unchanged, and what to do; `code` keeps the errno code for programs.
 */
export class StoreIoError extends Error {
  override readonly name = 'StoreIoError'
  readonly filePath: string
  readonly code: string | undefined
  readonly dataUnchanged: boolean

  constructor(init: StoreIoErrorInit) {
    const folder = dirname(init.filePath)
    const code = (init.cause as NodeJS.ErrnoException | undefined)?.code
    const reason = init.reason ?? plainFsReason(init.cause, init.filePath)
    const advice = init.advice ?? (code && FS_PROBLEMS[code] ? FS_PROBLEMS[code].advice(folder) : 'Try again. If it keeps failing, check the disk and the folder’s permissions.')
    super(
      [
        `Touchbase could not ${init.action}: ${reason}.`,
        `  File: ${init.filePath}`,
        init.dataUnchanged
          ? '  The data file is unchanged: it still holds your last saved data, without this change.'
          : '  The change may or may not have been saved.',
        `  What to do: ${advice}`
      ].join('\n'),
      { cause: init.cause }
    )
    this.filePath = init.filePath
    this.code = code
    this.dataUnchanged = init.dataUnchanged
  }
}

import { dirname, join } from 'node:path'
import { BACKUP_DIR_NAME } from './backups'

export type DataFileErrorCode = 'unreadable' | 'corrupt' | 'invalid' | 'too-new'

/** How many zod issues an error message shows; the rest are counted, not listed. */
const DETAILS_SHOWN = 5

/**
 * The data file exists but cannot be used. The store never writes over it after this: the
 * person decides what happens to it, guided by the message.
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError'
  readonly code: DataFileErrorCode
  readonly filePath: string
  /** A byte-for-byte copy of the file as it was found, when one could be made. */
  readonly safeCopyPath?: string
  /** One line per problem, e.g. "contacts.3.touches.0.at: must be an ISO-8601 date-time". */
  readonly details: string[]

  constructor(init: { code: DataFileErrorCode; filePath: string; safeCopyPath?: string; details: string[]; cause?: unknown }) {
    super(describeDataFileProblem(init), init.cause === undefined ? undefined : { cause: init.cause })
    this.code = init.code
    this.filePath = init.filePath
    if (init.safeCopyPath !== undefined) this.safeCopyPath = init.safeCopyPath
    this.details = init.details
  }
}

function describeDataFileProblem(init: { code: DataFileErrorCode; filePath: string; safeCopyPath?: string; details: string[] }): string {
  const backups = join(dirname(init.filePath), BACKUP_DIR_NAME)
  const what: Record<DataFileErrorCode, string> = {
    unreadable: 'Touchbase cannot read its data file',
    corrupt: 'Touchbase cannot use its data file: it is not valid JSON (it may be truncated or damaged)',
    invalid: 'Touchbase cannot use its data file: its contents do not match the Touchbase format',
    'too-new': 'Touchbase cannot use its data file: it was written by a newer version of Touchbase'
  }
  const fix: Record<DataFileErrorCode, string> = {
    unreadable: `Check that the file is readable by you (permissions, disk, or a folder in its place). If it cannot be recovered, restore a backup from ${backups}, or move the file away to start with an empty one.`,
    corrupt: `Restore a backup: copy the newest good file from ${backups} over ${init.filePath}. Or move ${init.filePath} away to start with an empty one.`,
    invalid: `Fix the entries listed below in a text editor, or restore a backup: copy the newest good file from ${backups} over ${init.filePath}. Or move ${init.filePath} away to start with an empty one.`,
    'too-new': `Update Touchbase to the newest version and open it again. This version will not change the file, so nothing the newer version saved is lost.`
  }
  const lines = [`${what[init.code]}.`, `  File: ${init.filePath}`]
  lines.push(
    init.safeCopyPath === undefined
      ? '  No copy could be made; the file was left untouched.'
      : `  A byte-for-byte copy was saved as: ${init.safeCopyPath}`
  )
  lines.push('  Touchbase will not write to the file until this is fixed.', `  What to do: ${fix[init.code]}`)
  if (init.details.length > 0) {
    lines.push('  Problems found:')
    for (const d of init.details.slice(0, DETAILS_SHOWN)) lines.push(`    - ${d}`)
    if (init.details.length > DETAILS_SHOWN) lines.push(`    … and ${init.details.length - DETAILS_SHOWN} more`)
  }
  return lines.join('\n')
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
    waitedMs: number
  ) {
    super(
      `Another Touchbase process has been using ${filePath} for over ${Math.round(waitedMs / 1000)} s. ` +
        `Close other Touchbase windows or commands and try again. If none is running, delete the folder ${lockPath}.`
    )
  }
}

/** The store was closed, or refused work after an earlier DataFileError. */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError'
}

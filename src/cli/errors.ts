/** What the CLI prints for a failure: one message that names the file and says what to do. */

/** Node's errno codes in words; the code itself follows in brackets for searching. */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of the path is not a folder',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EEXIST: 'it already exists',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is busy',
  EIO: 'the disk reported an input/output error',
  ENAMETOOLONG: 'the name is too long'
}

const SYSCALL_VERBS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  rmdir: 'remove the folder',
  rename: 'replace',
  unlink: 'remove',
  stat: 'read',
  lstat: 'read',
  scandir: 'list the folder',
  copyfile: 'copy',
  fsync: 'save'
}

interface ErrnoLike {
  code?: string
  syscall?: string
  path?: string
  message: string
}

function isErrno(error: unknown): error is ErrnoLike {
  return error instanceof Error && typeof (error as ErrnoLike).code === 'string' && /^E[A-Z]+$/.test((error as ErrnoLike).code!)
}

/** "permission denied (EACCES)" for an errno error, else its message. */
export function errnoReason(error: unknown): string {
  if (!isErrno(error)) return error instanceof Error ? error.message : String(error)
  const words = ERRNO_WORDS[error.code!]
  return words ? `${words} (${error.code})` : stripErrnoPrefix(error.message)
}

// Node's messages read "EACCES: permission denied, open '/x'"; the code is said separately.
const stripErrnoPrefix = (message: string) => message.replace(/^E[A-Z]+: /, '')

/**
 * A file the CLI itself reads or writes (an import, a backup to restore, an export's --out).
 * `outcome` says what this means for the person's data, e.g. "Nothing was changed."
 */
export class CliFileError extends Error {
  override readonly name = 'CliFileError'
  constructor(verb: string, path: string, cause: unknown, outcome: string) {
    super(`Cannot ${verb} ${path}: ${errnoReason(cause)}. ${outcome}`, { cause })
  }
}

export function fileError(verb: string, path: string, outcome: string): (cause: unknown) => never {
  return (cause) => {
    throw new CliFileError(verb, path, cause, outcome)
  }
}

/**
 * The text after "touchbase: ". A raw errno error still names its file in words; a message that
 * already starts with "touchbase:", or repeats its errno code ("EACCES: EACCES: …"), is not
 * printed with the prefix twice.
 */
export function errorMessage(error: unknown): string {
  const text =
    isErrno(error) && error.path
      ? `Cannot ${SYSCALL_VERBS[error.syscall ?? ''] ?? 'use'} ${error.path}: ${errnoReason(error)}.`
      : error instanceof Error
        ? error.message
        : String(error)
  return text.replace(/^(touchbase: )+/, '').replace(/\b(E[A-Z]+): (?:\1: )+/g, '$1: ')
}

import { watch as watchPath, type FSWatcher } from 'node:fs'
import { constants, copyFile, mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import { emptyDocument, type TouchbaseDocument } from '../core/model'
import { AfterRenameError, isErrnoException, removeAbandonedTempFiles, writeFileAtomic } from './atomic-write'
import { BACKUP_DIR_NAME, ensureDailyBackup, fileTimestamp, freePath, latestBackup, localDay, writeLabeledBackup } from './backups'
import { DataFileProblem, MAX_DATA_FILE_BYTES, sameStamp, statStamp, writeTargetOf, type FileStamp } from './data-file'
import { Debouncer } from './debounce'
import { DecodeFailure, DocumentCodec, DraftIssues, deepFreeze, encodeDocument, parseWholeDocument } from './document-codec'
import { DataFileBackError, DataFileError, InvalidDocumentError, LockLostError, StoreClosedError, StoreIoError, describeFsProblem, type DataFileErrorCode } from './errors'
import { removeLockLeftovers, withFileLock, type HeldLock } from './file-lock'
import { FsyncJsonAdapter } from './fsync-adapter'

export const DATA_FILE_NAME = 'touchbase.json'
/**
 * A writer that has not refreshed its lock for this long is taken over. Safe for the largest
 * file accepted: decoding yields to the event loop every few milliseconds, so the refresh timer
 * keeps running while a 100 MiB file is read, and the longest single step (parsing or
 * validating one contact, writing the file) is far shorter. A holder whose process ended is
 * taken over at once, so this is only ever waited out for a process that hangs or sleeps.
 */
export const DEFAULT_LOCK_STALE_MS = 10_000
/** Long enough to outwait a hung holder's stale lock, plus real contention. */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000
/** The refresh timer runs every staleMs / 4; below this it would be mostly overhead. */
const MIN_LOCK_STALE_MS = 50
const WATCH_DEBOUNCE_MS = 100
/** While another process writes continuously, still report at least this often. */
const WATCH_MAX_WAIT_MS = 1_000
/** Used only when the OS will not watch the folder (e.g. out of inotify watches). */
const POLL_INTERVAL_MS = 1_000
/** A temp file this old has no live writer: writes take milliseconds. */
const ABANDONED_TEMP_AGE_MS = 60 * 60 * 1000
/**
 * A change whose write lost the lock (nothing was written) is made again this often before it
 * fails loudly: losing it means this process stalled for the whole stale time, which repeats
 * only on a machine in real trouble.
 */
const MAX_LOCK_RETRIES = 2
/** Changes made by another process (the CLI, a sync tool, an editor). */
export const EXTERNAL_ORIGIN = 'external'
/** Changes made through this store without an origin of their own. */
export const LOCAL_ORIGIN = 'local'

/** Whether the data file can be used right now; see DataFileError for what each problem means. */
export type StoreStatus =
  | { state: 'ok' }
  /** The file is damaged, too large, not a file or unreadable: reads and writes fail with `error`. */
  | { state: 'damaged'; error: DataFileError }
  /** The file we were using is gone (deleted, moved, a link to nothing); `error.latestBackup` is the way back. */
  | { state: 'missing'; error: DataFileError }

export interface StoreWarning {
  /**
   * backup-failed: a backup could not be made; the change was saved anyway.
   * lock-lost-retried: another process took our lock while we were stalled; the change was made again under a new lock.
   * new-file-with-backups: a new, empty data file was started although backups of earlier data exist.
   */
  code: 'backup-failed' | 'lock-lost-retried' | 'new-file-with-backups'
  message: string
}

export type StoreEvent =
  /**
   * The data changed. `origin` is EXTERNAL_ORIGIN for changes found on disk (then anything may
   * have changed), else the origin the write was made with; `contactIds` are the contacts it
   * added, changed or removed (absent: it may have changed any).
   */
  | { type: 'changed'; origin: string; contactIds?: readonly string[] }
  | { type: 'status'; status: StoreStatus }
  | { type: 'warning'; warning: StoreWarning }

export interface WriteOptions {
  /**
   * Tags the change for listeners, e.g. "sync" for changes that came from a remote, so the
   * sync does not send them back. Default LOCAL_ORIGIN.
   */
  origin?: string
}

export interface WatchOptions {
  /** Also report this store's own writes (with their origin). Default: only outside changes. */
  ownChanges?: boolean
}

export interface Store {
  readonly filePath: string
  readonly dataDir: string
  /**
   * The current validated document, re-read when the file changed on disk. It is deeply
   * frozen and shared, not copied: change data with update().
   */
  read(): Promise<TouchbaseDocument>
  /**
   * Applies `change` to a draft of the latest document (re-read under the file lock),
   * validates what it changed, writes atomically, and resolves with `change`'s return value
   * once that write is on disk. Changes that arrive while a write is in flight share the next
   * write. If `change` throws (or leaves the document invalid), only its caller is rejected.
   *
   * The draft's top level, `settings`, `reminder` and the `contacts` list are private copies,
   * but the contacts in the list are the store's frozen records: add, remove or replace them
   * freely, and to edit one in place take a copy first with `editContact(doc, index)` (from
   * core/model). That is what keeps a change to one contact from costing the whole file.
   * `change` may run twice (when another process took the lock meanwhile), so keep it free of
   * outside effects.
   */
  update<T>(change: (doc: TouchbaseDocument) => T, options?: WriteOptions): Promise<T>
  /**
   * Swaps in a whole document (restore, start over): validated first, then one atomic write.
   * Also allowed when the file is missing, or damaged but safely copied aside: it is the way
   * back from those states.
   */
  replace(doc: TouchbaseDocument, options?: WriteOptions): Promise<void>
  /**
   * Keeps the current file as backups/touchbase-<label>-<timestamp>.json; returns that path.
   * When the file is damaged, its safe copy is the backup; when it is missing, the document
   * this store last held is saved.
   */
  backupNow(label: string): Promise<string>
  /**
   * When the file went missing: writes back the document this store last held (what the app
   * still shows, newer than any backup). Resolves with its number of contacts.
   */
  restoreLastKnown(options?: WriteOptions): Promise<number>
  /** Whether the data file can be used; changes are announced to watchers as 'status' events. */
  status(): StoreStatus
  /**
   * Calls back (debounced) when the data changed outside this store, when the file's status
   * changes (damaged, missing, usable again) and with warnings. Returns an unsubscribe.
   */
  watch(listener: (event: StoreEvent) => void, options?: WatchOptions): () => void
  /** Waits for queued writes, then stops watchers and timers. */
  close(): Promise<void>
}

export interface StoreOptions {
  /** The clock for backup names and days; injectable so tests are deterministic. */
  now?: () => Date
  /** See DEFAULT_LOCK_STALE_MS; at least 50. */
  lockStaleMs?: number
  /** See DEFAULT_LOCK_TIMEOUT_MS. */
  lockTimeoutMs?: number
  /** Called after each completed write of the data file (diagnostics, tests). */
  onWrite?: () => void
  /** Warnings for the person (a backup that failed, …): the CLI prints them to stderr. */
  onWarning?: (warning: StoreWarning) => void
  /**
   * Open even when the file cannot be used, instead of throwing its DataFileError: the store
   * then reports the problem through status() and recovers once the file is fixed.
   */
  openDamaged?: boolean
}

interface PendingChange {
  /** For an update: runs the change on a draft and returns its value. */
  apply?: (draft: TouchbaseDocument) => unknown
  /** For a replace: the validated document to write. */
  replacement?: TouchbaseDocument
  /** Write the replacement only while the file is still missing: never over one that came back. */
  onlyIfMissing?: boolean
  origin: string
  /** How often it was put back after losing the lock (see MAX_LOCK_RETRIES). */
  retries?: number
  resolve(value: unknown): void
  reject(error: unknown): void
}

function isThenable(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function'
}

/** Errors that say nothing about the file itself: fail this operation, not the store. */
const TRANSIENT_FS_ERRORS = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EINTR'])

/** A draft for one change: private copies of everything but the contacts, which are the shared frozen records. */
function draftOf(doc: TouchbaseDocument): TouchbaseDocument {
  const draft = { ...doc } as Record<string, unknown>
  for (const key of Object.keys(draft)) {
    const value = draft[key]
    if (key === 'contacts') draft[key] = [...doc.contacts]
    else if (typeof value === 'object' && value !== null) draft[key] = structuredClone(value)
  }
  return draft as TouchbaseDocument
}

/** Replacing the file is the way out of these states; a damaged file with no safe copy is kept. */
function replaceableDespite(problem: DataFileError): boolean {
  return problem.code === 'missing' || problem.safeCopyPath !== undefined
}

class FileStore implements Store {
  readonly filePath: string
  private readonly now: () => Date
  private readonly lockOptions: { staleMs: number; timeoutMs: number }
  private readonly codec = new DocumentCodec()
  private readonly adapter: FsyncJsonAdapter
  private readonly db: Low<TouchbaseDocument>
  private readonly empty = deepFreeze(emptyDocument())

  private queue: PendingChange[] = []
  private flushing: Promise<void> | undefined
  private mutexTail: Promise<unknown> = Promise.resolve()
  private closed = false
  private current: StoreStatus = { state: 'ok' }
  /** This store has seen the file exist: from then on its disappearance is news, not a fresh start. */
  private hadFile = false
  /** The local day whose daily backup is known to exist: later writes that day skip even the check. */
  private backedUpDay: string | undefined
  private readonly warned = new Set<string>()

  private readonly listeners = new Map<(event: StoreEvent) => void, WatchOptions>()
  private watcher: FSWatcher | undefined
  private pollTimer: NodeJS.Timeout | undefined
  private readonly check = new Debouncer(() => void this.checkForExternalChange(), WATCH_DEBOUNCE_MS, WATCH_MAX_WAIT_MS)
  private readonly emit = new Debouncer(() => this.dispatch({ type: 'changed', origin: EXTERNAL_ORIGIN }, false), WATCH_DEBOUNCE_MS, WATCH_MAX_WAIT_MS)
  /** The external version we last told listeners about, so one change is announced once. */
  private lastAnnounced: FileStamp | null | undefined

  constructor(
    readonly dataDir: string,
    private readonly options: StoreOptions
  ) {
    this.filePath = join(dataDir, DATA_FILE_NAME)
    this.now = options.now ?? (() => new Date())
    this.lockOptions = {
      staleMs: Math.max(MIN_LOCK_STALE_MS, options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS),
      timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS
    }
    this.adapter = new FsyncJsonAdapter(this.filePath, this.codec, MAX_DATA_FILE_BYTES, options.onWrite)
    this.db = new Low<TouchbaseDocument>(this.adapter, this.empty)
  }

  /** The first read; openStore fails with its DataFileError unless openDamaged. */
  async open(): Promise<void> {
    try {
      await this.exclusive(() => this.load())
    } catch (error) {
      if (!(error instanceof DataFileError && this.options.openDamaged)) throw error
    }
  }

  read(): Promise<TouchbaseDocument> {
    if (this.closed) return Promise.reject(this.closedError())
    // No file lock: writers only ever rename complete files into place.
    return this.exclusive(() => this.load())
  }

  update<T>(change: (doc: TouchbaseDocument) => T, options: WriteOptions = {}): Promise<T> {
    return this.enqueue<T>({
      origin: options.origin ?? LOCAL_ORIGIN,
      apply: (draft) => {
        const value = change(draft)
        // An async change would go on editing the draft after it was written.
        if (isThenable(value)) throw new TypeError('store.update() needs a synchronous change function; do any awaiting before calling it')
        return value
      }
    })
  }

  replace(doc: TouchbaseDocument, options: WriteOptions = {}): Promise<void> {
    const parsed = parseWholeDocument(doc)
    if (!parsed.ok) return Promise.reject(new InvalidDocumentError('The replacement document is not valid', parsed.details))
    // zod's output is a fresh object: later edits to the argument do not leak in.
    return this.enqueue<void>({ origin: options.origin ?? LOCAL_ORIGIN, replacement: parsed.doc })
  }

  async backupNow(label: string): Promise<string> {
    if (this.closed) throw this.closedError()
    return withFileLock(this.filePath, this.lockOptions, () =>
      this.exclusive(async () => {
        let doc: TouchbaseDocument
        try {
          // Validates the file first: a backup of a damaged file would only look like a way back.
          doc = await this.load()
        } catch (error) {
          // A damaged file's exact bytes are already kept aside: that copy is its backup.
          if (error instanceof DataFileError && error.safeCopyPath) return error.safeCopyPath
          // A vanished file's last version is what this store still holds.
          if (error instanceof DataFileError && error.code === 'missing') doc = this.db.data
          else throw error
        }
        try {
          const source = this.adapter.stamp ? { file: await writeTargetOf(this.filePath) } : { bytes: Buffer.from(encodeDocument(doc)) }
          const path = await writeLabeledBackup(this.dataDir, label, this.now(), source)
          await this.adapter.noteLinked()
          return path
        } catch (error) {
          throw new StoreIoError({ filePath: this.filePath, action: `make a backup of its data file in ${join(this.dataDir, BACKUP_DIR_NAME)}`, cause: error, dataUnchanged: true })
        }
      })
    )
  }

  async restoreLastKnown(options: WriteOptions = {}): Promise<number> {
    const status = this.current
    if (status.state !== 'missing') throw new Error(`The data file is not missing (it is ${status.state}); there is nothing to put back`)
    const doc = this.db.data
    // Checked again under the lock: the file may come back (moved back, a drive mounted) meanwhile.
    await this.enqueue<void>({ origin: options.origin ?? LOCAL_ORIGIN, replacement: doc, onlyIfMissing: true })
    return doc.contacts.length
  }

  status(): StoreStatus {
    return this.current
  }

  watch(listener: (event: StoreEvent) => void, options: WatchOptions = {}): () => void {
    if (this.closed) return () => undefined
    this.listeners.set(listener, options)
    this.startWatching()
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.stopWatching()
    }
  }

  async close(): Promise<void> {
    this.closed = true
    while (this.flushing) await this.flushing
    this.listeners.clear()
    this.stopWatching()
    this.emit.cancel()
  }

  // ---- writing ----

  private closedError(): StoreClosedError {
    return new StoreClosedError(`The Touchbase store for ${this.filePath} is closed`)
  }

  private enqueue<T>(change: Omit<PendingChange, 'resolve' | 'reject'>): Promise<T> {
    if (this.closed) return Promise.reject(this.closedError())
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...change, resolve: resolve as (value: unknown) => void, reject })
      this.kick()
    })
  }

  /** One writer loop per store: each turn takes everything queued so far into one write. */
  private kick(): void {
    if (this.flushing) return
    this.flushing = (async () => {
      try {
        while (this.queue.length > 0) {
          // Callers hear back as soon as their change is durable, before the lock is given back:
          // giving it back touches the folder again, which costs as much as the write on a busy disk.
          await withFileLock(this.filePath, this.lockOptions, (lock) =>
            this.exclusive(async () => {
              const settle = await this.commit(lock)
              settle()
            })
          )
        }
      } catch (error) {
        // The lock could not be taken (timeout, permissions): nothing queued can be written.
        for (const pending of this.queue.splice(0)) pending.reject(error)
      } finally {
        this.flushing = undefined
      }
    })()
  }

  /** Applies and writes everything queued; returns how to settle each caller. */
  private async commit(lock: HeldLock): Promise<() => void> {
    const settlements: (() => void)[] = []
    const settle = () => settlements.forEach((s) => s())
    let base: TouchbaseDocument | undefined
    let problem: DataFileError | undefined
    try {
      base = await this.load()
    } catch (error) {
      if (!(error instanceof DataFileError)) {
        const failed = this.queue.splice(0)
        return () => failed.forEach((pending) => pending.reject(error))
      }
      problem = error
    }
    // Taken only now, under the lock: everything that arrived while we waited joins this write.
    const batch = this.queue.splice(0)
    let state = base
    const applied: { pending: PendingChange; value: unknown; contactIds?: string[] }[] = []
    for (const pending of batch) {
      if (pending.replacement) {
        if (pending.onlyIfMissing && problem?.code !== 'missing') {
          settlements.push(() => pending.reject(new DataFileBackError(this.filePath)))
          continue
        }
        if (problem && !replaceableDespite(problem)) {
          const error = problem
          settlements.push(() => pending.reject(error))
          continue
        }
        state = this.codec.adopt(pending.replacement)
        problem = undefined
        applied.push({ pending, value: undefined })
        continue
      }
      if (problem || state === undefined) {
        const error = problem
        settlements.push(() => pending.reject(error))
        continue
      }
      try {
        const draft = draftOf(state)
        const value = pending.apply!(draft)
        const finished = this.codec.finishDraft(state, draft)
        if (finished.changed) state = finished.doc
        applied.push({ pending, value, contactIds: finished.contactIds })
      } catch (error) {
        const reason = error instanceof DraftIssues ? new InvalidDocumentError('The change would make the data invalid', error.details) : error
        settlements.push(() => pending.reject(reason))
      }
    }
    if (applied.length === 0) return settle

    try {
      // A restore into an empty folder is deliberate: no "started a new file" warning for it.
      const deliberate = applied.some((a) => a.pending.replacement !== undefined)
      if (state !== undefined && state !== base) await this.persist(state, lock, deliberate)
    } catch (error) {
      if (error instanceof LockLostError && !error.written && applied.every((a) => (a.pending.retries ?? 0) < MAX_LOCK_RETRIES)) {
        // Nothing was written: make the same changes again, from the file as it is now.
        for (const { pending } of applied) pending.retries = (pending.retries ?? 0) + 1
        this.queue.unshift(...applied.map((a) => a.pending))
        this.warn('lock-lost-retried', `${error.message} Touchbase made the change again.`)
        return settle
      }
      for (const { pending } of applied) settlements.push(() => pending.reject(error))
      return settle
    }
    for (const { pending, value, contactIds } of applied) {
      settlements.push(() => {
        pending.resolve(value)
        if (contactIds === undefined || contactIds.length > 0) {
          this.dispatch({ type: 'changed', origin: pending.origin, ...(contactIds ? { contactIds } : {}) }, true)
        }
      })
    }
    return settle
  }

  private async persist(doc: TouchbaseDocument, lock: HeldLock, replacing: boolean): Promise<void> {
    /** Backups made just now of the live file (hard links, usually): undone if the write fails. */
    const backups: string[] = []
    if (this.adapter.stamp !== null) {
      // The file was just read and validated under this lock, so it is a good version to keep.
      try {
        if (this.adapter.migratedFrom !== undefined) {
          backups.push(await writeLabeledBackup(this.dataDir, `before-upgrade-from-v${this.adapter.migratedFrom}`, this.now(), { file: await writeTargetOf(this.filePath) }))
        }
        const day = localDay(this.now())
        if (this.backedUpDay !== day) {
          const daily = await ensureDailyBackup(this.dataDir, this.now(), () => writeTargetOf(this.filePath))
          if (daily) backups.push(daily)
          this.backedUpDay = day
        }
      } catch (error) {
        this.backupFailed(error)
      }
    } else if (!this.hadFile && !replacing) {
      await this.noteNewFile()
    }

    const previous = this.db.data
    this.adapter.hooks = { beforeRename: () => lock.confirm(), afterRename: () => lock.confirmWritten() }
    try {
      this.db.data = doc
      await this.db.write()
    } catch (error) {
      this.db.data = previous
      throw await this.writeFailed(error, backups)
    } finally {
      this.adapter.hooks = {}
    }
    this.hadFile = true
    this.setStatus({ state: 'ok' })
  }

  /** Turns a failed write into the error to report, undoing what must not outlive it. */
  private async writeFailed(error: unknown, backups: readonly string[]): Promise<unknown> {
    if (error instanceof AfterRenameError) {
      // The new file is in place (the rename happened); we no longer know what the file holds.
      this.adapter.forget()
      if (error.cause instanceof LockLostError) return error.cause
      return new StoreIoError({ filePath: this.filePath, action: 'make your change durable', cause: error.cause, dataUnchanged: false })
    }
    // Nothing was renamed. Backups made as hard links of the live file are dropped (and made
    // again by the next write), so the live file never stays linked to a backup: an editor that
    // writes in place would change both.
    for (const backup of backups) await unlink(backup).catch(() => undefined)
    if (backups.length > 0) this.backedUpDay = undefined
    if (error instanceof LockLostError) return error
    if (error instanceof DataFileProblem) return this.fail(error)
    return new StoreIoError({ filePath: this.filePath, action: 'save your change', cause: error, dataUnchanged: true })
  }

  private backupFailed(error: unknown): void {
    const day = localDay(this.now())
    if (this.warned.has(`backup-${day}`)) return
    this.warned.add(`backup-${day}`)
    const backups = join(this.dataDir, BACKUP_DIR_NAME)
    const { reason, advice } = describeFsProblem(error, backups)
    this.warn('backup-failed', `Touchbase could not make today’s backup: ${reason}. Your change was saved all the same; only the backup is missing. What to do: ${advice}`)
  }

  /** Starting a fresh file next to backups usually means the old one was lost: say so once. */
  private async noteNewFile(): Promise<void> {
    const backup = await latestBackup(this.dataDir)
    if (!backup) return
    this.warn(
      'new-file-with-backups',
      `Touchbase found no data file, so it started a new one at ${this.filePath}. Earlier data is in the backups; the newest is ${backup}. To bring it back: touchbase restore "${backup}".`
    )
  }

  private warn(code: StoreWarning['code'], message: string): void {
    const warning = { code, message }
    try {
      this.options.onWarning?.(warning)
    } catch {
      // A broken sink must not break the write.
    }
    this.dispatch({ type: 'warning', warning }, false)
  }

  // ---- reading ----

  /** Serializes everything that touches the adapter's remembered version within this process. */
  private exclusive<T>(section: () => Promise<T>): Promise<T> {
    const run = this.mutexTail.then(section, section)
    this.mutexTail = run.catch(() => undefined)
    return run
  }

  private async load(): Promise<TouchbaseDocument> {
    const before = this.adapter.stamp
    try {
      await this.db.read()
    } catch (error) {
      throw await this.fail(error)
    }
    const after = this.adapter.stamp
    if (after === null) {
      // The file we were using is gone: say so, rather than quietly start an empty one.
      if (this.hadFile) throw await this.fail(new DataFileProblem('missing', `${this.filePath} no longer exists`))
      // Low.read keeps the old data when the adapter finds no file; no file means empty.
      this.db.data = this.empty
    } else {
      this.hadFile = true
    }
    if (!sameStamp(before, after) && before !== undefined) this.announceExternalChange(after)
    this.setStatus({ state: 'ok' })
    return this.db.data
  }

  /** Makes a DataFileError of a file problem (keeping a safe copy), and records the status; other errors pass through. */
  private async fail(error: unknown): Promise<unknown> {
    if (error instanceof DataFileError) return error
    let code: DataFileErrorCode
    let details: string[]
    if (error instanceof DecodeFailure) {
      code = error.code
      details = error.details
    } else if (error instanceof DataFileProblem) {
      code = error.code
      details = [error.message]
    } else if (isErrnoException(error) && !TRANSIENT_FS_ERRORS.has(error.code ?? '')) {
      code = 'unreadable'
      details = [error.message]
    } else {
      return error
    }
    if (code === 'missing' && this.current.state === 'missing') return this.current.error
    let safeCopyPath: string | undefined
    if (code === 'corrupt' || code === 'invalid' || code === 'too-new' || code === 'unreadable') {
      try {
        safeCopyPath = await this.keepSafeCopy(code, error instanceof DecodeFailure ? error.bytes : undefined)
      } catch {
        // No copy is possible (e.g. unreadable file, full disk); the original is untouched anyway.
      }
    }
    const backup = await latestBackup(this.dataDir)
    const failure = new DataFileError({ code, filePath: this.filePath, ...(safeCopyPath ? { safeCopyPath } : {}), ...(backup ? { latestBackup: backup } : {}), details, ...(error instanceof DataFileProblem && error.danglingLink ? { danglingLink: true } : {}), cause: error })
    this.adapter.rememberFailure(failure)
    this.setStatus(code === 'missing' ? { state: 'missing', error: failure } : { state: 'damaged', error: failure })
    return failure
  }

  private setStatus(status: StoreStatus): void {
    const same = status.state === this.current.state && (status.state === 'ok' || status.error === (this.current as { error?: unknown }).error)
    if (same) return
    this.current = status
    this.dispatch({ type: 'status', status }, false)
  }

  /**
   * Saves the exact bytes we found as touchbase.<code>-<timestamp>.json beside the file. An
   * identical earlier copy is reused, so reopening a broken file does not pile up copies.
   */
  private async keepSafeCopy(code: DataFileErrorCode, bytes: Buffer | undefined): Promise<string> {
    const prefix = `touchbase.${code}-`
    if (bytes !== undefined) {
      for (const name of (await readdir(this.dataDir)).filter((n) => n.startsWith(prefix) && n.endsWith('.json'))) {
        const path = join(this.dataDir, name)
        if ((await stat(path)).size === bytes.length && (await readFile(path)).equals(bytes)) return path
      }
    }
    const path = await freePath(join(this.dataDir, `${prefix}${fileTimestamp(this.now())}`), '.json')
    if (bytes !== undefined) await writeFileAtomic(path, bytes)
    else await copyFile(this.filePath, path, constants.COPYFILE_EXCL)
    return path
  }

  // ---- watching ----

  private dispatch(event: StoreEvent, own: boolean): void {
    for (const [listener, options] of [...this.listeners]) {
      if (own && !options.ownChanges) continue
      try {
        listener(event)
      } catch {
        // One listener's bug must not keep the others from hearing about the change.
      }
    }
  }

  private startWatching(): void {
    if (this.watcher || this.pollTimer) return
    try {
      // The folder, not the file: every write renames a new inode over the name, which would
      // leave a watch on the old file looking at nothing.
      this.watcher = watchPath(this.dataDir, { persistent: false }, (_event, name) => {
        if (name === null || name === DATA_FILE_NAME) this.check.trigger()
      })
      this.watcher.on('error', () => {
        this.watcher?.close()
        this.watcher = undefined
        if (this.listeners.size > 0) this.startPolling()
      })
    } catch {
      this.startPolling()
    }
    // A data file that is a link lives elsewhere: its folder's events do not reach ours.
    void this.linkedElsewhere().then((linked) => linked && this.startPolling())
  }

  private async linkedElsewhere(): Promise<boolean> {
    try {
      return (await writeTargetOf(this.filePath)) !== this.filePath
    } catch {
      return true
    }
  }

  private startPolling(): void {
    if (this.pollTimer || this.closed || this.listeners.size === 0) return
    this.pollTimer = setInterval(() => void this.checkForExternalChange(), POLL_INTERVAL_MS)
    this.pollTimer.unref()
  }

  private stopWatching(): void {
    this.watcher?.close()
    this.watcher = undefined
    clearInterval(this.pollTimer)
    this.pollTimer = undefined
    this.check.cancel()
  }

  private async checkForExternalChange(): Promise<void> {
    if (this.closed || this.listeners.size === 0) return
    // Our own write may have renamed the file but not yet recorded its stamp: look again after.
    if (this.flushing) return this.check.trigger()
    if (this.current.state === 'ok') {
      let stamp: FileStamp | null
      try {
        stamp = await statStamp(this.filePath)
      } catch {
        stamp = null
      }
      if (sameStamp(stamp, this.adapter.stamp)) return
    }
    // Changed, gone, or maybe repaired: load it now, so listeners hear what state it is in.
    await this.exclusive(() => this.load()).catch(() => undefined)
  }

  private announceExternalChange(stamp: FileStamp | null | undefined): void {
    if (sameStamp(stamp, this.lastAnnounced)) return
    this.lastAnnounced = stamp
    if (this.listeners.size > 0) this.emit.trigger()
  }
}

/** Opens (without creating) `<dataDir>/touchbase.json`; throws DataFileError when it is unusable. */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const dir = resolve(dataDir)
  // The folder must exist for the lock and the watcher; the file itself waits for the first write.
  try {
    await mkdir(dir, { recursive: true })
  } catch (error) {
    throw new StoreIoError({ filePath: join(dir, DATA_FILE_NAME), action: `create its data folder ${dir}`, cause: error, dataUnchanged: true })
  }
  const store = new FileStore(dir, options)
  await removeAbandonedTempFiles(store.filePath, ABANDONED_TEMP_AGE_MS, Date.now())
  await removeLockLeftovers(store.filePath, ABANDONED_TEMP_AGE_MS)
  await store.open()
  return store
}

import { watch as watchPath, type FSWatcher } from 'node:fs'
import { constants, copyFile, mkdir, readFile, readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import type { ZodError } from 'zod'
import { DocumentSchema, describeIssues, emptyDocument, type TouchbaseDocument } from '../core/model'
import { ensureDailyBackup, fileTimestamp, freePath, writeLabeledBackup } from './backups'
import { Debouncer } from './debounce'
import { DecodeFailure, cloneDocument, decodeDocument, deepFreeze, encodeDocument } from './document-codec'
import { DataFileError, InvalidDocumentError, StoreClosedError } from './errors'
import { withFileLock, type HeldLock } from './file-lock'
import {
  FsyncJsonAdapter,
  isErrnoException,
  removeAbandonedTempFiles,
  sameStamp,
  statStamp,
  writeFileAtomic,
  type FileStamp
} from './fsync-adapter'

export const DATA_FILE_NAME = 'touchbase.json'
/**
 * A holder killed by SIGKILL blocks the others for at most this long. A live holder refreshes
 * the lock every 2.5 s, so only an event-loop stall of over 2.5 s (GC, a giant file, a busy
 * machine) could make another process take it over.
 */
export const DEFAULT_LOCK_STALE_MS = 5_000
/** Long enough to outwait a dead holder's stale lock twice over, plus real contention. */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000
/** proper-lockfile refuses to go lower. */
const MIN_LOCK_STALE_MS = 2_000
const WATCH_DEBOUNCE_MS = 100
/** While another process writes continuously, still report at least this often. */
const WATCH_MAX_WAIT_MS = 1_000
/** Used only when the OS will not watch the folder (e.g. out of inotify watches). */
const POLL_INTERVAL_MS = 1_000
/** A temp file this old has no live writer: writes take milliseconds. */
const ABANDONED_TEMP_AGE_MS = 60 * 60 * 1000

export interface Store {
  readonly filePath: string
  readonly dataDir: string
  /**
   * The current validated document, re-read when the file changed on disk. It is deeply
   * frozen and shared, not copied: change data with update().
   */
  read(): Promise<TouchbaseDocument>
  /**
   * Applies `change` to a private copy of the latest document (re-read under the file lock),
   * validates, writes atomically, and resolves with `change`'s return value once that write is
   * on disk. Changes that arrive while a write is in flight share the next write. If `change`
   * throws (or leaves the document invalid), only its caller is rejected. `change` may run
   * twice when another change in the same write fails, so keep it free of outside effects.
   */
  update<T>(change: (doc: TouchbaseDocument) => T): Promise<T>
  /** Swaps in a whole document (restore, import): validated first, then one atomic write. */
  replace(doc: TouchbaseDocument): Promise<void>
  /** Copies the current file to backups/touchbase-<label>-<timestamp>.json; returns that path. */
  backupNow(label: string): Promise<string>
  /** Calls back (debounced) when another process changed the file. Returns an unsubscribe. */
  watch(onExternalChange: () => void): () => void
  /** Waits for queued writes, then stops watchers and timers. */
  close(): Promise<void>
}

export interface StoreOptions {
  /** The clock for backup names and days; injectable so tests are deterministic. */
  now?: () => Date
  /** See DEFAULT_LOCK_STALE_MS; at least 2000. */
  lockStaleMs?: number
  /** See DEFAULT_LOCK_TIMEOUT_MS. */
  lockTimeoutMs?: number
  /** Called after each completed write of the data file (diagnostics, tests). */
  onWrite?: () => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

interface PendingChange {
  /** Returns the caller's value and the document to continue with (the draft, or a replacement). */
  apply(draft: TouchbaseDocument): { value: unknown; doc: TouchbaseDocument }
  resolve(value: unknown): void
  reject(error: unknown): void
}

function isThenable(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function'
}

/** Errors that say nothing about the file itself: fail this operation, not the store. */
const TRANSIENT_FS_ERRORS = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EINTR'])

function invalidChange(error: ZodError): InvalidDocumentError {
  return new InvalidDocumentError('The change would make the data invalid', describeIssues(error))
}

/**
 * Applies a batch to one private copy and validates once: the common case costs one clone and
 * one validation however many changes share the write. Only when something fails does it fall
 * back to one copy and one validation per change, so the failure is pinned on its own caller.
 */
export function applyBatch(
  base: TouchbaseDocument,
  batch: readonly Pick<PendingChange, 'apply'>[]
): { doc: TouchbaseDocument | undefined; outcomes: Outcome[] } {
  const outcomes: Outcome[] = []
  let draft = cloneDocument(base)
  let threw = false
  for (const pending of batch) {
    try {
      const result = pending.apply(draft)
      draft = result.doc
      outcomes.push({ ok: true, value: result.value })
    } catch (error) {
      outcomes.push({ ok: false, error })
      threw = true
      break
    }
  }
  if (!threw) {
    const parsed = DocumentSchema.safeParse(draft)
    if (parsed.success) return { doc: parsed.data, outcomes }
    if (batch.length === 1) return { doc: undefined, outcomes: [{ ok: false, error: invalidChange(parsed.error) }] }
  }

  let state: TouchbaseDocument | undefined
  const careful: Outcome[] = batch.map((pending, i) => {
    const first = outcomes[i]
    // A change that threw is not given a second chance: it might throw differently.
    if (first !== undefined && !first.ok) return first
    try {
      const result = pending.apply(cloneDocument(state ?? base))
      const parsed = DocumentSchema.safeParse(result.doc)
      if (!parsed.success) return { ok: false, error: invalidChange(parsed.error) }
      state = parsed.data
      return { ok: true, value: result.value }
    } catch (error) {
      return { ok: false, error }
    }
  })
  return { doc: state, outcomes: careful }
}

class FileStore implements Store {
  readonly filePath: string
  private readonly now: () => Date
  private readonly lockOptions: { staleMs: number; timeoutMs: number }
  private readonly adapter: FsyncJsonAdapter<TouchbaseDocument>
  private readonly db: Low<TouchbaseDocument>
  private readonly empty = deepFreeze(emptyDocument())

  private queue: PendingChange[] = []
  private flushing: Promise<void> | undefined
  private mutexTail: Promise<unknown> = Promise.resolve()
  private closed = false
  /** Set once the file proved unusable; from then on every operation fails with it. */
  private failure: DataFileError | undefined
  /** The version the file on disk was migrated from, until our first write upgrades it. */
  private migratedFrom: number | undefined
  /** Exactly what our last write put on disk, while the file still holds it: skips no-op writes. */
  private lastWrittenText: string | undefined
  private encoded: { doc: TouchbaseDocument; text: string } | undefined

  private readonly listeners = new Set<() => void>()
  private watcher: FSWatcher | undefined
  private pollTimer: NodeJS.Timeout | undefined
  private readonly check = new Debouncer(() => void this.checkForExternalChange(), WATCH_DEBOUNCE_MS, WATCH_MAX_WAIT_MS)
  private readonly emit = new Debouncer(() => this.emitExternalChange(), WATCH_DEBOUNCE_MS, WATCH_MAX_WAIT_MS)
  /** The external version we last told listeners about, so one change is announced once. */
  private lastAnnounced: FileStamp | null | undefined

  constructor(
    readonly dataDir: string,
    options: StoreOptions
  ) {
    this.filePath = join(dataDir, DATA_FILE_NAME)
    this.now = options.now ?? (() => new Date())
    this.lockOptions = {
      staleMs: Math.max(MIN_LOCK_STALE_MS, options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS),
      timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS
    }
    this.adapter = new FsyncJsonAdapter<TouchbaseDocument>(
      this.filePath,
      {
        decode: (bytes) => {
          const { doc, migratedFrom } = decodeDocument(bytes)
          this.migratedFrom = migratedFrom
          return deepFreeze(doc)
        },
        encode: (doc) => this.encode(doc)
      },
      options.onWrite
    )
    this.db = new Low<TouchbaseDocument>(this.adapter, this.empty)
  }

  /** The first read; openStore fails with its DataFileError. */
  async open(): Promise<void> {
    await this.exclusive(() => this.load())
  }

  read(): Promise<TouchbaseDocument> {
    const refused = this.refusal()
    if (refused) return Promise.reject(refused)
    // No file lock: writers only ever rename complete files into place.
    return this.exclusive(() => this.load())
  }

  update<T>(change: (doc: TouchbaseDocument) => T): Promise<T> {
    return this.enqueue<T>((draft) => {
      const value = change(draft)
      // An async change would go on editing the draft after it was written.
      if (isThenable(value)) throw new TypeError('store.update() needs a synchronous change function; do any awaiting before calling it')
      return { value, doc: draft }
    })
  }

  replace(doc: TouchbaseDocument): Promise<void> {
    const parsed = DocumentSchema.safeParse(doc)
    if (!parsed.success) {
      return Promise.reject(new InvalidDocumentError('The replacement document is not valid', describeIssues(parsed.error)))
    }
    const replacement = parsed.data
    return this.enqueue<void>(() => ({ value: undefined, doc: cloneDocument(replacement) }))
  }

  async backupNow(label: string): Promise<string> {
    const refused = this.refusal()
    if (refused) throw refused
    return withFileLock(this.filePath, this.lockOptions, () =>
      this.exclusive(async () => {
        // Validates the file first: a backup of a damaged file would only look like a way back.
        const doc = await this.load()
        const bytes = this.adapter.stamp === null ? Buffer.from(this.encode(doc)) : await readFile(this.filePath)
        return writeLabeledBackup(this.dataDir, label, this.now(), bytes)
      })
    )
  }

  watch(onExternalChange: () => void): () => void {
    if (this.closed) return () => undefined
    this.listeners.add(onExternalChange)
    this.startWatching()
    return () => {
      this.listeners.delete(onExternalChange)
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

  private refusal(): Error | undefined {
    if (this.failure) return this.failure
    if (this.closed) return new StoreClosedError(`The Touchbase store for ${this.filePath} is closed`)
    return undefined
  }

  private enqueue<T>(apply: PendingChange['apply']): Promise<T> {
    const refused = this.refusal()
    if (refused) return Promise.reject(refused)
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ apply, resolve: resolve as (value: unknown) => void, reject })
      this.kick()
    })
  }

  /** One writer loop per store: each turn takes everything queued so far into one write. */
  private kick(): void {
    if (this.flushing) return
    this.flushing = (async () => {
      try {
        while (this.queue.length > 0) {
          await withFileLock(this.filePath, this.lockOptions, (lock) => this.exclusive(() => this.commit(lock)))
        }
      } catch (error) {
        // The lock could not be taken (timeout, permissions): nothing queued can be written.
        for (const pending of this.queue.splice(0)) pending.reject(error)
      } finally {
        this.flushing = undefined
      }
    })()
  }

  private async commit(lock: HeldLock): Promise<void> {
    let base: TouchbaseDocument
    try {
      base = await this.load()
    } catch (error) {
      for (const pending of this.queue.splice(0)) pending.reject(error)
      return
    }
    // Taken only now, under the lock: everything that arrived while we waited joins this write.
    const batch = this.queue.splice(0)
    let outcomes: Outcome[]
    try {
      const applied = applyBatch(base, batch)
      outcomes = applied.outcomes
      if (applied.doc !== undefined) await this.persist(applied.doc, lock)
    } catch (error) {
      for (const pending of batch) pending.reject(error)
      return
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]
      if (outcome?.ok) pending.resolve(outcome.value)
      else pending.reject(outcome?.error)
    })
  }

  private async persist(doc: TouchbaseDocument, lock: HeldLock): Promise<void> {
    const text = this.encode(doc)
    if (this.adapter.stamp !== null && text === this.lastWrittenText) return
    if (this.adapter.stamp !== null) {
      // The file was just read and validated under this lock, so these bytes are a good version.
      const current = () => readFile(this.filePath)
      const now = this.now()
      if (this.migratedFrom !== undefined) {
        await writeLabeledBackup(this.dataDir, `before-upgrade-from-v${this.migratedFrom}`, now, await current())
      }
      await ensureDailyBackup(this.dataDir, now, current)
    }
    lock.assertHeld()
    const previous = this.db.data
    this.db.data = deepFreeze(doc)
    try {
      await this.db.write()
    } catch (error) {
      this.db.data = previous
      throw error
    }
    this.migratedFrom = undefined
    this.lastWrittenText = text
  }

  private encode(doc: TouchbaseDocument): string {
    if (this.encoded?.doc !== doc) this.encoded = { doc, text: encodeDocument(doc) }
    return this.encoded.text
  }

  // ---- reading ----

  /** Serializes everything that touches the adapter's remembered version within this process. */
  private exclusive<T>(section: () => Promise<T>): Promise<T> {
    const run = this.mutexTail.then(section, section)
    this.mutexTail = run.catch(() => undefined)
    return run
  }

  private async load(): Promise<TouchbaseDocument> {
    if (this.failure) throw this.failure
    const before = this.adapter.stamp
    try {
      await this.db.read()
    } catch (error) {
      const fileProblem = error instanceof DecodeFailure || (isErrnoException(error) && !TRANSIENT_FS_ERRORS.has(error.code ?? ''))
      if (fileProblem) throw await this.fail(error)
      throw error
    }
    const after = this.adapter.stamp
    // Low.read keeps the old data when the adapter finds no file; no file means empty.
    if (after === null) this.db.data = this.empty
    if (!sameStamp(before, after)) {
      this.lastWrittenText = undefined
      if (before !== undefined) this.announceExternalChange(after)
    }
    return this.db.data
  }

  private async fail(error: DecodeFailure | NodeJS.ErrnoException): Promise<DataFileError> {
    const code = error instanceof DecodeFailure ? error.code : 'unreadable'
    const details = error instanceof DecodeFailure ? error.details : [`${error.code ?? 'error'}: ${error.message}`]
    let safeCopyPath: string | undefined
    try {
      safeCopyPath = await this.keepSafeCopy(code, error instanceof DecodeFailure ? error.bytes : undefined)
    } catch {
      // No copy is possible (e.g. unreadable file, full disk); the original is untouched anyway.
    }
    this.failure = new DataFileError({ code, filePath: this.filePath, safeCopyPath, details, cause: error })
    return this.failure
  }

  /**
   * Saves the exact bytes we found as touchbase.<code>-<timestamp>.json beside the file. An
   * identical earlier copy is reused, so reopening a broken file does not pile up copies.
   */
  private async keepSafeCopy(code: DataFileError['code'], bytes: Buffer | undefined): Promise<string> {
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
  }

  private startPolling(): void {
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
    let stamp: FileStamp | null
    try {
      stamp = await statStamp(this.filePath)
    } catch {
      return
    }
    if (sameStamp(stamp, this.adapter.stamp)) return
    // Already debounced on the way here.
    this.announceExternalChange(stamp, true)
  }

  private announceExternalChange(stamp: FileStamp | null | undefined, now = false): void {
    if (sameStamp(stamp, this.lastAnnounced)) return
    this.lastAnnounced = stamp
    if (this.listeners.size === 0) return
    if (now) {
      this.emit.cancel()
      this.emitExternalChange()
    } else {
      this.emit.trigger()
    }
  }

  private emitExternalChange(): void {
    if (this.closed) return
    for (const listener of [...this.listeners]) {
      try {
        listener()
      } catch {
        // One listener's bug must not keep the others from hearing about the change.
      }
    }
  }
}

/** Opens (without creating) `<dataDir>/touchbase.json`; throws DataFileError when it is unusable. */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const dir = resolve(dataDir)
  // The folder must exist for the lock and the watcher; the file itself waits for the first write.
  await mkdir(dir, { recursive: true })
  const store = new FileStore(dir, options)
  await removeAbandonedTempFiles(store.filePath, ABANDONED_TEMP_AGE_MS, Date.now())
  await store.open()
  return store
}

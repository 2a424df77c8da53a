import { statSync } from 'node:fs'
import type { Adapter } from 'lowdb'
import type { TouchbaseDocument } from '../core/model'
import { writeFileAtomic, type AtomicWriteHooks } from './atomic-write'
import { openDataFile, sameStamp, toStamp, writeTargetOf, type FileStamp } from './data-file'
import type { DecodedDocument, DocumentCodec } from './document-codec'

/**
 * lowdb adapter over the data file with durable atomic writes. It remembers the stamp of the
 * version it last read or wrote and hands back the decoded document again while the file is
 * unchanged, so a big file is not re-read and re-validated before every change. A version that
 * failed to decode fails again at once, without being read again, until the file changes.
 */
export class FsyncJsonAdapter implements Adapter<TouchbaseDocument> {
  /** undefined: never looked; null: the file did not exist; otherwise the version we hold. */
  stamp: FileStamp | null | undefined = undefined
  /** Set by the last read that decoded an older schema version. */
  migratedFrom: number | undefined
  /** Checks run right around the next write's rename (the store's lock ownership). */
  hooks: AtomicWriteHooks = {}
  /** The version the last read looked at, even if it failed to decode. */
  lastSeen: FileStamp | undefined
  private cached: TouchbaseDocument | undefined
  private failed: { stamp: FileStamp; error: unknown } | undefined

  constructor(
    readonly filePath: string,
    private readonly codec: DocumentCodec,
    private readonly maxBytes: number,
    private readonly onWrite?: () => void
  ) {}

  async read(): Promise<TouchbaseDocument | null> {
    // The usual case, the version we hold: one stat, nothing opened.
    if (this.cached !== undefined && this.stamp && sameStamp(currentStamp(this.filePath), this.stamp)) return this.cached
    const file = await openDataFile(this.filePath, this.maxBytes)
    if (file === null) {
      this.stamp = null
      this.cached = undefined
      return null
    }
    try {
      if (this.cached !== undefined && sameStamp(file.stamp, this.stamp)) return this.cached
      if (this.failed && sameStamp(file.stamp, this.failed.stamp)) throw this.failed.error
      this.failed = undefined
      this.lastSeen = file.stamp
      const decoded: DecodedDocument = await this.codec.decode(await file.read())
      this.cached = decoded.doc
      this.stamp = file.stamp
      this.migratedFrom = decoded.migratedFrom
      return decoded.doc
    } finally {
      await file.close()
    }
  }

  /** Remembers the error the store made of a failed read, for that exact version of the file. */
  rememberFailure(error: unknown): void {
    if (this.lastSeen) this.failed = { stamp: this.lastSeen, error }
  }

  /**
   * A hard link to the file (a backup) changes its ctime, not its contents: keep holding
   * this version rather than mistake that for someone else's change.
   */
  async noteLinked(): Promise<void> {
    if (!this.stamp) return
    let now: FileStamp | undefined
    try {
      now = statOf(this.filePath)
    } catch {
      return
    }
    if (now && now.ino === this.stamp.ino && now.size === this.stamp.size && now.mtimeNs === this.stamp.mtimeNs) this.stamp = now
  }

  /** Forget what we hold, so the next read looks at the file again. */
  forget(): void {
    this.cached = undefined
    this.stamp = undefined
  }

  async write(doc: TouchbaseDocument): Promise<void> {
    // Through a symbolic link to its target: the link stays, the target gets the data.
    const target = await writeTargetOf(this.filePath)
    await writeFileAtomic(target, this.codec.encode(doc), this.hooks)
    this.cached = doc
    this.stamp = statOf(this.filePath)
    this.migratedFrom = undefined
    this.onWrite?.()
  }
}

/** The path's stamp now, or undefined when it cannot be looked at (the full read says why). */
function currentStamp(filePath: string): FileStamp | undefined {
  try {
    return statOf(filePath)
  } catch {
    return undefined
  }
}

function statOf(filePath: string): FileStamp {
  return toStamp(statSync(filePath, { bigint: true }))
}

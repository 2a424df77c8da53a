import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { access, copyFile, link, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'

export const BACKUP_DIR_NAME = 'backups'
/** Daily backups kept: with at most one per day, the newest 7 always cover the last 7 days. */
export const DAILY_BACKUPS_KEPT = 7

const DAILY_BACKUP = /^touchbase-(\d{4}-\d{2}-\d{2})\.json$/

const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day, e.g. "2026-11-27": backups follow the person's days, not UTC's. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A UTC instant that is safe in a file name on every OS (no colons): "2026-11-27T09-00-00Z". */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')
}

export function backupDirOf(dataDir: string): string {
  return join(dataDir, BACKUP_DIR_NAME)
}

export function dailyBackupPath(dataDir: string, day: string): string {
  return join(backupDirOf(dataDir), `touchbase-${day}.json`)
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/** A free name: `base + ext`, else `base-2 + ext`, … (two copies in the same second). */
export async function freePath(base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}${ext}` : `${base}-${n}${ext}`
    if (!(await exists(candidate))) return candidate
  }
}

/**
 * Keeps the newest `keep` daily backups. Labeled ones (before-restore, …) are never pruned:
 * they are rare and made on purpose.
 */
export async function pruneDailyBackups(dataDir: string, keep = DAILY_BACKUPS_KEPT): Promise<string[]> {
  const dir = backupDirOf(dataDir)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  // ISO days sort as text.
  const daily = names.filter((n) => DAILY_BACKUP.test(n)).sort()
  const doomed = daily.slice(0, Math.max(0, daily.length - keep))
  for (const name of doomed) await unlink(join(dir, name)).catch(() => undefined)
  return doomed.map((n) => join(dir, n))
}

/**
 * Keeps `sourcePath` (the current data file) as `destPath`, byte for byte.
 *
 * A hard link when possible: instant, whatever the file's size. That is safe because every
 * writer replaces the data file by renaming a new file over its name and never writes into it,
 * so once the next write lands, the old file is reachable only through the backup's name. Where
 * links do not work (another file system, e.g. a data file linked into a synced folder, or one
 * without hard links), the file is copied by the kernel and renamed into place.
 */
export async function preserveFile(sourcePath: string, destPath: string): Promise<void> {
  try {
    await link(sourcePath, destPath)
    return
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error
  }
  const temp = `${destPath}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await copyFile(sourcePath, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE)
    await rename(temp, destPath)
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/**
 * Called before a write, with the current good file: the first write of each local day keeps
 * it as that day's backup, then old daily backups are pruned. Returns the new backup's path,
 * or undefined when today's already exists.
 */
export async function ensureDailyBackup(dataDir: string, now: Date, currentFile: () => Promise<string>): Promise<string | undefined> {
  const path = dailyBackupPath(dataDir, localDay(now))
  if (await exists(path)) return undefined
  await mkdir(backupDirOf(dataDir), { recursive: true })
  await preserveFile(await currentFile(), path)
  await pruneDailyBackups(dataDir)
  return path
}

/** The newest backup file (by modification time), offered when the data file is lost or damaged. */
export async function latestBackup(dataDir: string): Promise<string | undefined> {
  const dir = backupDirOf(dataDir)
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith('touchbase-') && n.endsWith('.json'))
  } catch {
    return undefined
  }
  let newest: { path: string; mtimeMs: number } | undefined
  for (const name of names) {
    const path = join(dir, name)
    const info = await stat(path).catch(() => undefined)
    if (info?.isFile() && info.size > 0 && (!newest || info.mtimeMs > newest.mtimeMs)) newest = { path, mtimeMs: info.mtimeMs }
  }
  return newest?.path
}

/** "Before restore!" becomes "before-restore": labels end up in file names. */
export function labelSlug(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug === '' ? 'manual' : slug
}

/**
 * Saves the current file (or, when there is none yet, `bytes`) as
 * `backups/touchbase-<label>-<timestamp>.json` and returns its path.
 */
export async function writeLabeledBackup(dataDir: string, label: string, now: Date, source: { file: string } | { bytes: Uint8Array }): Promise<string> {
  await mkdir(backupDirOf(dataDir), { recursive: true })
  for (;;) {
    const path = await freePath(join(backupDirOf(dataDir), `touchbase-${labelSlug(label)}-${fileTimestamp(now)}`), '.json')
    try {
      if ('file' in source) await preserveFile(source.file, path)
      else await writeFileAtomic(path, source.bytes)
      return path
    } catch (error) {
      // Another process took the same name in the same second: take the next one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

import { mkdir, readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic } from '../../src/store/atomic-write'

/** The part of Electron's safeStorage used here: the seam the tests replace. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/**
 * Keeps the sync password encrypted by the OS (Keychain, DPAPI, the Secret Service / kwallet)
 * in its own file under userData: never in the data file, the settings or a log.
 */
export function createPasswordKeeper(safeStorage: SafeStorageLike, file: string) {
  return {
    /** False when the OS offers no encryption: then the password is not kept (asked each start). */
    async save(password: string): Promise<boolean> {
      if (!safeStorage.isEncryptionAvailable()) return false
      await mkdir(dirname(file), { recursive: true })
      await writeFileAtomic(file, safeStorage.encryptString(password))
      return true
    },
    async load(): Promise<string | undefined> {
      if (!safeStorage.isEncryptionAvailable()) return undefined
      try {
        return safeStorage.decryptString(await readFile(file))
      } catch {
        // Missing, or encrypted under another OS account: ask again.
        return undefined
      }
    },
    clear: () => rm(file, { force: true })
  }
}

export type PasswordKeeper = ReturnType<typeof createPasswordKeeper>

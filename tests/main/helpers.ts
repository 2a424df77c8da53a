import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../../src/store'
import { TouchbaseService } from '../../src/service/service'
import type { ReminderMessage } from '../../src/service/reminder-message'
import type { Notifier } from '../../src/service/notifier'
import type { SafeStorageLike } from '../../electron/main/sync-password'

/** A real service over a real store in a fresh temp folder, with a settable clock. */
export async function realService(options: { now: Date; timeZone: string }) {
  const dir = await mkdtemp(join(tmpdir(), 'touchbase-main-'))
  let now = options.now
  const store: Store = await openStore(dir, { now: () => now })
  let ids = 0
  const service = new TouchbaseService(store, { now: () => now, timeZone: () => options.timeZone, newId: () => `id${++ids}` })
  return {
    dir,
    store,
    service,
    setNow(next: Date) {
      now = next
    },
    async close() {
      await store.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** A Notifier that records what it was asked to show; `click(i)` plays the user's click. */
export function recordingNotifier() {
  const shown: { message: ReminderMessage; onClick?: () => void }[] = []
  const notifier: Notifier = {
    async notify(message, options = {}) {
      shown.push({ message, ...(options.onClick ? { onClick: options.onClick } : {}) })
    }
  }
  return { notifier, shown, click: (i = shown.length - 1) => shown[i]?.onClick?.() }
}

/** A stand-in for Electron's safeStorage (the OS keyring): reversible, and visibly not the plain text. */
export function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString('utf8')
  }
}

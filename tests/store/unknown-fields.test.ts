import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { DATA_FILE_NAME, openStore } from '../../src/store'
import { TouchbaseService } from '../../src/service'
import { exportData } from '../../src/service/interop'
import { docWith, makeContact, makeTouch, tempDirs } from './helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

/** A file as a newer minor version (same schemaVersion) or a person editing by hand might leave it. */
function withExtras() {
  const doc = docWith(
    { ...makeContact('a', { touches: [{ ...makeTouch('t1'), durationMinutes: 12 }] }), website: 'https://ada.example' },
    makeContact('b')
  )
  return { ...doc, settings: { ...doc.settings, weekStartsOn: 1 }, reminder: { ...doc.reminder, quietHours: '22-07' }, syncState: { since: 42 } }
}

async function onDisk(dir: string) {
  return JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
}

function expectExtras(doc: ReturnType<typeof withExtras>) {
  expect(doc.syncState).toEqual({ since: 42 })
  expect(doc.settings.weekStartsOn).toBe(1)
  expect(doc.reminder.quietHours).toBe('22-07')
  const a = doc.contacts.find((c) => c.id === 'a')!
  expect(a.website).toBe('https://ada.example')
  expect(a.touches.find((t) => t.id === 't1')!.durationMinutes).toBe(12)
}

it('keeps fields it does not know (top level, contacts, touches, settings) through every kind of write', async () => {
  const dir = await dirs.make()
  await writeFile(join(dir, DATA_FILE_NAME), JSON.stringify(withExtras(), null, 2))
  const store = await openStore(dir, { now: () => new Date('2026-11-27T09:00:00Z') })
  const service = new TouchbaseService(store, { now: () => new Date('2026-11-27T09:00:00Z'), timeZone: () => 'UTC' })

  // A change to the contact that carries them, to another contact, and to the settings.
  await service.logTouch('a', { channel: 'call', note: 'called' })
  await service.editContact('a', { org: 'Engines Ltd' })
  await service.logTouch('b', { channel: 'email' })
  await service.updateSettings({ theme: 'dark' })
  expectExtras(await onDisk(dir))
  expect((await onDisk(dir)).contacts[0].org).toBe('Engines Ltd')

  // Undo of a delete gives the contact back with them.
  const deleted = await service.deleteContact('a')
  await service.restoreContact(deleted)
  expectExtras(await onDisk(dir))

  // A JSON backup carries them, and restoring it keeps them.
  const backup = (await exportData(store, 'json', { now: new Date('2026-11-27T09:00:00Z'), timeZone: 'UTC' })).content
  await service.updateSettings({ theme: 'light' })
  await service.restoreBackup(backup)
  expectExtras(await onDisk(dir))
  await store.close()

  // And a later process sees them as well.
  const again = await openStore(dir)
  expectExtras((await again.read()) as unknown as ReturnType<typeof withExtras>)
  await again.close()
})

import { readFile } from 'node:fs/promises'
import { afterEach, expect, it } from 'vitest'
import { ImportError } from '../../src/core/interop'
import { InvalidDocumentError, openStore } from '../../src/store'
import { TouchbaseService } from '../../src/service'
import { docWith, makeContact, makeTouch, tempDirs } from './helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

// A file with duplicate ids is refused on load (corrupt-file.test.ts); here, every way in
// while running: a restore, a whole-document replace, and a change.
it('refuses duplicate ids from a restore, a replace or a change, and writes nothing', async () => {
  const dir = await dirs.make()
  const store = await openStore(dir)
  const service = new TouchbaseService(store)
  await store.update((doc) => void doc.contacts.push(makeContact('a'), makeContact('b')))
  const before = await readFile(store.filePath)

  const backup = JSON.stringify(docWith(makeContact('x'), makeContact('x', { name: 'Twin' })))
  const restoreError = await service.restoreBackup(backup).catch((e: unknown) => e)
  expect(restoreError).toBeInstanceOf(ImportError)
  expect((restoreError as Error).message).toContain('contacts.1.id: duplicate id "x" (contacts.0 has it too)')

  const replaceError = await store.replace(docWith(makeContact('x'), makeContact('x'))).catch((e: unknown) => e)
  expect(replaceError).toBeInstanceOf(InvalidDocumentError)
  expect((replaceError as InvalidDocumentError).details).toEqual(['contacts.1.id: duplicate id "x" (contacts.0 has it too)'])

  const updateError = await store.update((doc) => void doc.contacts.push(makeContact('a', { name: 'Second A' }))).catch((e: unknown) => e)
  expect((updateError as InvalidDocumentError).details).toEqual(['contacts.2.id: duplicate id "a" (contacts.0 has it too)'])
  // The same record twice is a duplicate too.
  const twiceError = await store.update((doc) => void doc.contacts.push(doc.contacts[1]!)).catch((e: unknown) => e)
  expect((twiceError as InvalidDocumentError).details).toEqual(['contacts.2.id: duplicate id "b" (contacts.1 has it too)'])
  const touchError = await store
    .update((doc) => void (doc.contacts[0] = { ...doc.contacts[0]!, touches: [makeTouch('t'), makeTouch('t')] }))
    .catch((e: unknown) => e)
  expect((touchError as InvalidDocumentError).details).toEqual(['contacts.0.touches.1.id: duplicate touch id "t" (touches.0 has it too)'])

  expect(await readFile(store.filePath)).toEqual(before)
  // And delete removes exactly one contact.
  await service.deleteContact('a')
  expect((await store.read()).contacts.map((c) => c.id)).toEqual(['b'])
  await store.close()
})

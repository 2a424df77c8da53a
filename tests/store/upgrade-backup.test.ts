import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { BACKUP_DIR_NAME, DATA_FILE_NAME, openStore } from '../../src/store'
import { docWith, makeContact, tempDirs } from './helpers'

// No schema older than v1 exists yet, so stand in for one: a schemaVersion 0 file marked
// `legacy` is migrated by dropping the mark. This exercises the store's side of an upgrade
// without inventing a schema.
vi.mock('../../src/core/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/migrations')>()
  return {
    ...actual,
    migrate(raw: unknown) {
      if (typeof raw === 'object' && raw !== null && 'legacy' in raw) {
        const { legacy: _legacy, ...rest } = raw as Record<string, unknown>
        return { doc: actual.migrate({ ...rest, schemaVersion: 1 }).doc, migratedFrom: 0 }
      }
      return actual.migrate(raw)
    }
  }
})

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

it('keeps the pre-upgrade file as a labeled backup before the first write rewrites it', async () => {
  const dir = await dirs.make()
  const legacyBytes = Buffer.from(JSON.stringify({ ...docWith(makeContact('a')), schemaVersion: 0, legacy: true }))
  await writeFile(join(dir, DATA_FILE_NAME), legacyBytes)
  const store = await openStore(dir, { now: () => new Date('2026-11-27T09:00:00Z') })
  expect((await store.read()).contacts.map((c) => c.id)).toEqual(['a'])
  // Reading alone does not rewrite the old file.
  expect(await readFile(join(dir, DATA_FILE_NAME))).toEqual(legacyBytes)

  await store.update((doc) => void doc.contacts.push(makeContact('b')))
  await store.update((doc) => void doc.contacts.push(makeContact('c')))
  const names = (await readdir(join(dir, BACKUP_DIR_NAME))).sort()
  expect(names.filter((n) => n.startsWith('touchbase-before-upgrade-from-v0-'))).toHaveLength(1)
  const upgradeBackup = names.find((n) => n.startsWith('touchbase-before-upgrade-from-v0-'))!
  expect(await readFile(join(dir, BACKUP_DIR_NAME, upgradeBackup))).toEqual(legacyBytes)
  expect(JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))).not.toHaveProperty('legacy')
  await store.close()
})

/** A data folder holding a generated document, written by the store itself so its bytes are the real format. */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATA_FILE_NAME, openStore } from '../src/store'
import { generateDocument } from './generate'

export interface Dataset {
  contacts: number
  dir: string
  file: string
  /** Ids of board contacts to log touches on, a different one each time. */
  ids: string[]
  bytes(): Promise<number>
  remove(): Promise<void>
}

export async function makeDataset(contacts: number, now: Date): Promise<Dataset> {
  const dir = await mkdtemp(join(tmpdir(), `touchbase-bench-${contacts}-`))
  const doc = generateDocument({ contacts, now })
  const store = await openStore(dir)
  await store.replace(doc)
  await store.close()
  const file = join(dir, DATA_FILE_NAME)
  return {
    contacts,
    dir,
    file,
    ids: doc.contacts.filter((c) => c.status === 'active' || c.status === 'waiting').map((c) => c.id),
    bytes: async () => (await stat(file)).size,
    remove: () => rm(dir, { recursive: true, force: true })
  }
}

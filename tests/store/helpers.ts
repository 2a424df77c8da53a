import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Contact, Touch, TouchbaseDocument } from '../../src/core/model'
import { emptyDocument } from '../../src/core/model'

/** The child-process scripts the multi-process tests run with plain `node`. */
export const fixturesDir = resolve(__dirname, '../fixtures/store')

/** Fresh temp folders, removed by `cleanup()` (call it from afterEach/afterAll). */
export function tempDirs() {
  const made: string[] = []
  return {
    async make(prefix = 'touchbase-store-'): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      made.push(dir)
      return dir
    },
    async cleanup(): Promise<void> {
      await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })))
    }
  }
}

export function makeContact(id: string, overrides: Partial<Contact> = {}): Contact {
  return {
    id,
    name: `Contact ${id}`,
    kind: 'lead',
    tags: [],
    status: 'active',
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-01T09:00:00Z',
    touches: [],
    ...overrides
  }
}

export function makeTouch(id: string, at = '2026-11-02T09:00:00Z'): Touch {
  return { id, at, channel: 'email' }
}

export function docWith(...contacts: Contact[]): TouchbaseDocument {
  return { ...emptyDocument(), contacts }
}

/** Files in `dir` that look like our atomic-write temp files. */
export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith('.tmp'))
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls until `check` passes or `timeoutMs` elapses (then its last error is thrown). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(25)
    }
  }
}

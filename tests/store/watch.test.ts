import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { editContact } from '../../src/core/model'
import { openStore } from '../../src/store'
import { eventually, fixturesDir, makeContact, sleep, tempDirs } from './helpers'

const run = promisify(execFile)
const dirs = tempDirs()
afterEach(() => dirs.cleanup())

/** Another process rewrites the data file. */
const writeFromOtherProcess = (filePath: string, name: string) =>
  run(process.execPath, [join(fixturesDir, 'external-writer.mjs'), filePath, name])

/** Longer than the debounce plus slack, to be sure a callback that should not come did not. */
const QUIET_MS = 500

describe('watch', () => {
  it('fires once per write by another process, and the next read sees that write', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    await store.update((doc) => void doc.contacts.push(makeContact('a')))
    let calls = 0
    store.watch(() => calls++)

    await writeFromOtherProcess(store.filePath, 'From the CLI')
    await eventually(() => expect(calls).toBe(1))
    expect((await store.read()).contacts.map((c) => c.name)).toEqual(['From the CLI'])
    await sleep(QUIET_MS)
    expect(calls).toBe(1)

    await writeFromOtherProcess(store.filePath, 'Again')
    await eventually(() => expect(calls).toBe(2))
    await store.close()
  })

  it('does not fire for our own writes', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    let calls = 0
    store.watch(() => calls++)
    for (let i = 0; i < 5; i++) await store.update((doc) => void doc.contacts.push(makeContact(`c${i}`)))
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update((doc) => void editContact(doc, 0).tags.push(`t${i}`))))
    await store.replace({ ...(await store.read()), contacts: [] })
    await store.backupNow('manual')
    await sleep(QUIET_MS)
    expect(calls).toBe(0)
    await store.close()
  })

  it('notices a file created by another process when there was none', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    let calls = 0
    store.watch(() => calls++)
    await writeFromOtherProcess(store.filePath, 'First')
    await eventually(() => expect(calls).toBe(1))
    await store.close()
  })

  it('stops after unsubscribe and after close', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    let first = 0
    let second = 0
    const unsubscribe = store.watch(() => first++)
    store.watch(() => second++)
    unsubscribe()
    await writeFromOtherProcess(store.filePath, 'One')
    await eventually(() => expect(second).toBe(1))
    expect(first).toBe(0)

    await store.close()
    await writeFromOtherProcess(store.filePath, 'Two')
    await sleep(QUIET_MS)
    expect(second).toBe(1)
    // close() left nothing running: watching a closed store is a no-op.
    expect(store.watch(() => undefined)).toBeTypeOf('function')
  })

  it('a throwing listener does not stop the others', async () => {
    const dir = await dirs.make()
    const store = await openStore(dir)
    let calls = 0
    store.watch(() => {
      throw new Error('listener bug')
    })
    store.watch(() => calls++)
    await writeFromOtherProcess(store.filePath, 'X')
    await eventually(() => expect(calls).toBe(1))
    await store.close()
  })
})

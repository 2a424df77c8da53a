import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ensureCliBuilt, runCli, tempDataDir } from './cli-harness'

beforeAll(() => ensureCliBuilt())

const valid = {
  schemaVersion: 1,
  contacts: [],
  settings: { reminderRule: 'FREQ=DAILY;BYHOUR=9', escalationDays: [2, 3, 5, 7, 14, 30], language: 'en', theme: 'system', startAtLogin: false },
  reminder: {}
}

const cases: [string, Buffer][] = [
  ['garbage', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x13, 0x37, 0x42])],
  ['a truncated file', Buffer.from(JSON.stringify(valid, null, 2).slice(0, 60))],
  ['a schema-invalid file', Buffer.from(JSON.stringify({ ...valid, contacts: [{ id: 'x', name: '', kind: 'wizard' }] }))]
]

describe.each(cases)('the CLI given %s', (_label, bytes) => {
  let cleanup: () => Promise<void> = async () => {}
  afterEach(() => cleanup())

  it('exits non-zero with a clear message, and the original bytes survive', async () => {
    const tmp = await tempDataDir()
    cleanup = tmp.cleanup
    await mkdir(tmp.dir, { recursive: true })
    const file = join(tmp.dir, 'touchbase.json')
    await writeFile(file, bytes)

    for (const args of [['list'], ['add', '--name', 'Would overwrite'], ['touch', 'x']]) {
      const result = await runCli([...args, '--data', tmp.dir])
      expect(result.code, `touchbase ${args[0]}`).toBe(3)
      expect(result.stderr).toContain(file)
      expect(result.stderr).toMatch(/copy was saved as/i)
      expect(result.stdout).toBe('')
    }
    expect(await readFile(file)).toEqual(bytes)
    // The safe copy beside it is byte-identical too.
    const copies = (await readdir(tmp.dir)).filter((f) => f.startsWith('touchbase.') && f !== 'touchbase.json')
    expect(copies.length).toBeGreaterThanOrEqual(1)
    expect(await readFile(join(tmp.dir, copies[0]!))).toEqual(bytes)
  })
})

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { ROOT, cliJson, runCli, useCliDataDir } from './cli-harness'

const data = useCliDataDir()

const fixture = (name: string) => join(ROOT, 'tests/fixtures/import', name)
interface Report {
  dryRun: boolean
  added: { name: string }[]
  merged: unknown[]
  skipped: unknown[]
}

it('imports a Google Contacts CSV after a dry run that changes nothing', async () => {
  const dry = await cliJson<Report>(data.dir, ['import', fixture('google-contacts.csv'), '--dry-run'])
  expect(dry.dryRun).toBe(true)
  expect(dry.added.length).toBeGreaterThan(0)
  expect(await cliJson<unknown[]>(data.dir, ['list'])).toHaveLength(0)

  const real = await cliJson<Report>(data.dir, ['import', fixture('google-contacts.csv')])
  expect(real.added.map((a) => a.name)).toEqual(dry.added.map((a) => a.name))
  expect(await cliJson<unknown[]>(data.dir, ['list'])).toHaveLength(real.added.length)

  // Importing the same file again duplicates nothing: skipped by default, merged on request.
  const again = await cliJson<Report>(data.dir, ['import', fixture('google-contacts.csv')])
  expect(again.added).toHaveLength(0)
  expect(again.skipped).toHaveLength(real.added.length)
  const merged = await cliJson<Report>(data.dir, ['import', fixture('google-contacts.csv'), '--on-duplicate', 'merge'])
  expect(merged.merged).toHaveLength(real.added.length)
  expect(await cliJson<unknown[]>(data.dir, ['list'])).toHaveLength(real.added.length)
})

it('refuses a file that is neither CSV nor vCard and changes nothing', async () => {
  const before = await readFile(join(data.dir, 'touchbase.json'))
  const result = await runCli(['import', join(ROOT, 'package.json'), '--data', data.dir])
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(/touchbase: .*(CSV|vCard)/)
  expect(await readFile(join(data.dir, 'touchbase.json'))).toEqual(before)
})

it('exports every format, and a JSON backup restores to the same data', async () => {
  for (const [format, marker] of [['csv', '\uFEFF'], ['vcf', 'BEGIN:VCARD'], ['ics', 'BEGIN:VCALENDAR'], ['json', '"schemaVersion"']]) {
    const result = await runCli(['export', '--format', format!, '--data', data.dir])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(marker)
  }
  const backup = join(data.dir, 'backup.json')
  expect((await runCli(['export', '--format', 'json', '--out', backup, '--data', data.dir])).code).toBe(0)
  const before = await cliJson<unknown[]>(data.dir, ['list', '--now', '2026-11-27T10:00:00Z'])
  await runCli(['add', '--name', 'Added after the backup', '--data', data.dir])
  const restored = await runCli(['restore', backup, '--data', data.dir])
  expect(restored.code, restored.stderr).toBe(0)
  expect(restored.stdout).toMatch(/Restored \d+ contacts/)
  expect(await cliJson<unknown[]>(data.dir, ['list', '--now', '2026-11-27T10:00:00Z'])).toEqual(before)
})

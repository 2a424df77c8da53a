import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { ContactView } from '../../src/core/contact-view'
import { CLI, cliJson, runCli, tempDataDir, useCliDataDir } from './cli-harness'

/** Issue 10: input written by an attacker, or by accident, handled at the command line. */

const data = useCliDataDir()
const NOW = '2026-11-27T15:00:00Z'
const ESC = '\u001b'

describe('CSV export (item 8)', () => {
  it('defuses a multi-line formula in a notes cell', async () => {
    const { dir, cleanup } = await tempDataDir()
    const notes = '=HYPERLINK("http://evil.example","x")\nline2'
    await cliJson(dir, ['add', '--name', 'Ada', '--notes', notes])
    const csv = await runCli(['export', '--format', 'csv', '--data', dir])
    expect(csv.code, csv.stderr).toBe(0)
    const [header, row] = Papa.parse<string[]>(csv.stdout.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    expect(row![header!.indexOf('Notes')]).toBe(`'${notes}`)
    await cleanup()
  })
})

describe('control characters (item 11)', () => {
  it('strips them from a name given on the command line, so list prints no escape sequence', async () => {
    const added = await cliJson<ContactView>(data.dir, ['add', '--name', `Mallory${ESC}[2J${ESC}[H\tEvil`, '--tag', `a${ESC}]0;title\u0007b`, '--subject', 'x\r\ny'])
    expect(added.name).toBe('Mallory[2J[H Evil')
    expect(added.tags).toEqual(['a]0;titleb'])
    expect(added.subject).toBe('x y')
    const list = await runCli(['list', '--data', data.dir])
    expect(list.stdout).toContain('Mallory[2J[H Evil')
    expect(list.stdout).not.toContain(ESC)
  })

  it('escapes the ones already in a data file when printing to a terminal, text and JSON alike', async () => {
    const { dir, cleanup } = await tempDataDir()
    const eve = await cliJson<ContactView>(dir, ['add', '--name', 'Eve'])
    // A file written by an older version, or by hand: the stored name still holds an ESC sequence and a C1 CSI.
    const file = join(dir, 'touchbase.json')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Eve"', '"Eve\\u001b[2J\\u009b31m\\u202eevil"'))
    for (const args of [['list'], ['show', eve.id], ['board'], ['list', '--json']]) {
      const out = await runCli([...args, '--data', dir])
      expect(out.code, out.stderr).toBe(0)
      for (const raw of ['\u001b', '\u009b', '\u202e']) expect(out.stdout, args.join(' ')).not.toContain(raw)
      expect(out.stdout, args.join(' ')).toContain('Eve\\u001b[2J\\u009b31m\\u202eevil')
    }
    // The JSON is still JSON and gives the name back exactly.
    expect((await cliJson<ContactView[]>(dir, ['list']))[0]!.name).toBe('Eve\u001b[2J\u009b31m\u202eevil')
    await cleanup()
  })
})

describe('dates (item 12)', () => {
  it('refuses an impossible --now instead of moving it to 2 March', async () => {
    for (const now of ['2026-02-30T00:00:00Z', '2026-02-29', '2026-04-31T10:00:00+02:00', '2026-01-01T24:00:00Z']) {
      const result = await runCli(['list', '--data', data.dir, '--now', now])
      expect(result.code, now).toBe(2)
      expect(result.stderr).toMatch(/--now.*is invalid.*real date/)
    }
    expect((await runCli(['list', '--data', data.dir, '--now', '2028-02-29'])).code).toBe(0)
  })

  it('refuses impossible dates for --at and --until too', async () => {
    const { dir, cleanup } = await tempDataDir()
    const ada = await cliJson<ContactView>(dir, ['add', '--name', 'Ada', '--now', '2026-11-20T09:00:00Z'])
    const at = await runCli(['touch', ada.id, '--at', '2026-02-30T10:00:00Z', '--data', dir, '--now', NOW])
    expect(at.code).toBe(2)
    const until = await runCli(['snooze', ada.id, '--until', '2026-11-31', '--data', dir, '--now', NOW])
    expect(until.code).toBe(1)
    expect(until.stderr).toMatch(/until: must be a date like 2026-12-03/)
    expect((await cliJson<ContactView>(dir, ['show', ada.id])).touchCount).toBe(0)
    await cleanup()
  })

  it('refuses a touch before 1970 or before the contact was added, unless --force', async () => {
    const { dir, cleanup } = await tempDataDir()
    const ada = await cliJson<ContactView>(dir, ['add', '--name', 'Ada', '--email', 'ada@example.com', '--now', '2026-11-20T09:00:00Z'])
    const ancient = await runCli(['touch', ada.id, '--at', '0001-01-01', '--data', dir, '--now', NOW])
    expect(ancient.code).toBe(1)
    expect(ancient.stderr).toMatch(/before 1970.*--force/)
    const early = await runCli(['touch', ada.id, '--at', '2026-11-19T09:00:00Z', '--data', dir, '--now', NOW])
    expect(early.code).toBe(1)
    expect(early.stderr).toMatch(/before Ada was added/)
    expect((await cliJson<ContactView>(dir, ['show', ada.id])).touchCount).toBe(0)

    const forced = await cliJson<ContactView>(dir, ['touch', ada.id, '--at', '2026-11-19T09:00:00Z', '--force', '--now', NOW])
    expect(forced.touches.map((t) => t.at)).toEqual(['2026-11-19T09:00:00Z'])
    // A plain day works for --at, as for every other date.
    const day = await cliJson<ContactView>(dir, ['touch', ada.id, '--at', '2026-11-25', '--now', NOW])
    expect(day.touchCount).toBe(2)
    await cleanup()
  })
})

describe('recurrence rules (item 10)', () => {
  it('refuses a rule that never occurs or repeats within a day, at once and saying why', async () => {
    const { dir, cleanup } = await tempDataDir()
    const never = await runCli(['add', '--name', 'Ada', '--cadence', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', '--data', dir])
    expect(never.code).toBe(1)
    expect(never.stderr).toBe('touchbase: Invalid contact: cadence: has no date within 10 years (e.g. BYMONTH=2;BYMONTHDAY=30 never happens)\n')
    const often = await runCli(['add', '--name', 'Ada', '--cadence', 'FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30', '--data', dir])
    expect(often.code).toBe(1)
    expect(often.stderr).toMatch(/cadence: repeats more than once a day \(FREQ=SECONDLY\)/)
    await cleanup()
  })

  it('warns, without failing, when UNTIL or COUNT leaves the contact never due again', async () => {
    const { dir, cleanup } = await tempDataDir()
    const ada = await cliJson<ContactView>(dir, ['add', '--name', 'Ada', '--now', '2026-11-20T09:00:00Z'])
    const edited = await runCli(['edit', ada.id, '--cadence', 'FREQ=WEEKLY;UNTIL=20260301T000000Z', '--data', dir, '--now', NOW])
    expect(edited.code, edited.stderr).toBe(0)
    expect(edited.stdout).toBe('Updated Ada.\n')
    expect(edited.stderr).toMatch(/^Warning: the cadence FREQ=WEEKLY;UNTIL=20260301T000000Z has no date after the latest touch, so Ada will not be due again/)
    const shown = await cliJson<ContactView>(dir, ['show', ada.id, '--now', NOW])
    expect(shown.cadenceNotice?.code).toBe('cadence-ended')
    await cleanup()
  })
})

describe('a closed pipe (item 15)', () => {
  it('ends import | head -3 quietly, with the import complete', async () => {
    const { dir, cleanup } = await tempDataDir()
    // Enough rows that the report outgrows the pipe's buffer before head goes away.
    const csv = join(dir, 'many.csv')
    await writeFile(csv, ['Name,Email', ...Array.from({ length: 5000 }, (_, i) => `Person number ${i},p${i}@example.com`)].join('\n'))
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" import "${csv}" --data "${dir}" | head -3`], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(3)
    expect(await cliJson<unknown[]>(dir, ['list'])).toHaveLength(5000)

    const list = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" list --data "${dir}" | head -1`], { encoding: 'utf8' })
    expect(list.stderr).toBe('')
    expect(list.status).toBe(0)
    await cleanup()
  })
})

describe('error messages (item 16, the CLI part)', () => {
  it('names the file, says nothing changed, and prints the prefix once', async () => {
    const missing = join(data.dir, 'no-such-backup.json')
    const restore = await runCli(['restore', missing, '--data', data.dir])
    expect(restore.code).toBe(1)
    expect(restore.stderr).toBe(`touchbase: Cannot read ${missing}: no such file or folder (ENOENT). Nothing was restored; your data is unchanged.\n`)

    const out = join(data.dir, 'no-such-folder', 'contacts.csv')
    const exported = await runCli(['export', '--format', 'csv', '--out', out, '--data', data.dir])
    expect(exported.code).toBe(1)
    expect(exported.stderr).toBe(`touchbase: Cannot write ${out}: no such file or folder (ENOENT). Nothing was exported; your data is unchanged.\n`)

    const gone = join(data.dir, 'no-such-contacts.csv')
    const missingImport = await runCli(['import', gone, '--data', data.dir])
    expect(missingImport.code).toBe(1)
    expect(missingImport.stderr).toBe(`touchbase: Cannot read ${gone}: no such file or folder (ENOENT). Nothing was imported.\n`)
    for (const r of [restore, exported, missingImport]) expect(r.stderr).not.toMatch(/touchbase: touchbase:|(E[A-Z]+): \1:/)
  })
})

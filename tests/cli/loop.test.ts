import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ContactView } from '../../src/core/contact-view'
import { runCli, useCliDataDir } from './cli-harness'
import pkg from '../../package.json' with { type: 'json' }

const data = useCliDataDir()
const BERLIN = { TZ: 'Europe/Berlin' }
const run = (args: string[], env: Record<string, string> = BERLIN) => runCli([...args, '--data', data.dir], env)
async function json<T>(args: string[], env: Record<string, string> = BERLIN): Promise<T> {
  const result = await run([...args, '--json'], env)
  if (result.code !== 0) throw new Error(`touchbase ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return JSON.parse(result.stdout) as T
}

// A week in Berlin: contacts added Monday 30 November 2026, followed up until Wednesday 9 December.
describe('the command line of the daily loop', () => {
  let karen: ContactView
  let smith: ContactView

  it('prints its version, and a usage error in two lines', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version)
    const usage = await runCli(['touch'])
    expect(usage.code).toBe(2)
    expect(usage.stderr.trim().split('\n')).toEqual(["error: missing required argument 'id'", 'Usage: touchbase touch [options] <id>  (more: touchbase touch --help)'])
  })

  it('adds with a priority, and takes names as ids, asking for more when several match', async () => {
    karen = await json<ContactView>(['add', '--name', 'Karen Lee', '--org', 'Acme', '--email', 'karen@acme.example', '--subject', 'the server quote', '--priority', 'high', '--tag', 'q4', '--now', '2026-11-30T09:00:00Z'])
    smith = await json<ContactView>(['add', '--name', 'Karen Smith', '--kind', 'vendor', '--phone', '+49 30 1', '--now', '2026-11-30T09:00:00Z'])
    expect(karen.priority).toBe('high')
    const ambiguous = await run(['touch', 'karen', '--now', '2026-12-01T09:00:00Z'])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toContain('"karen" matches 2 contacts; give more of the name, or the id:')
    expect(ambiguous.stderr).toContain(`${smith.id}  Karen Smith`)
    // Tuesday: touch 1, then 3 days: Friday 4 December, 10:00 in Berlin.
    const touched = await run(['touch', 'KAREN LEE', '--channel', 'call', '--now', '2026-12-01T09:00:00Z'])
    expect(touched.stdout).toBe('Touch 1 logged for Karen Lee (call). Next follow-up 2026-12-04 10:00.\n')
    expect((await json<ContactView>(['show', 'lee'])).touchCount).toBe(1)
    expect((await json<ContactView>(['edit', 'smith', '--priority', 'low'])).priority).toBe('low')
  })

  it('takes a plain date for --at and --now (the start of that local day) and refuses impossible ones', async () => {
    const back = await json<ContactView>(['touch', smith.id, '--at', '2026-12-01', '--channel', 'email', '--now', '2026-12-01'])
    // Midnight in Berlin (the CLI's zone here) is 23:00 UTC the day before.
    expect(back.touches.map((t) => t.at)).toEqual(['2026-11-30T23:00:00.000Z'])
    const impossible = await run(['touch', smith.id, '--at', '2026-02-30'])
    expect(impossible.code).toBe(2)
    expect(impossible.stderr).toMatch(/'2026-02-30' is invalid. expected a real date/)
  })

  it('refuses a touch without a channel when there is no email or phone to suggest one', async () => {
    await json(['add', '--name', 'Met at the fair', '--now', '2026-11-30T09:00:00Z'])
    const refused = await run(['touch', 'fair', '--now', '2026-12-01T09:00:00Z'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Met at the fair has no email or phone, so there is no channel to suggest. Say how you reached them, e.g. --channel meeting')
  })

  it('records a promise with what and by when', async () => {
    const waiting = await json<ContactView>(['wait', 'smith', '--until', '2026-12-04', '--what', 'the signed quote', '--now', '2026-12-02T09:00:00Z'])
    expect(waiting).toMatchObject({ status: 'waiting', waitingFor: 'the signed quote', promise: { byDay: '2026-12-04' }, dueDay: '2026-12-04' })
    const neither = await run(['wait', 'smith'])
    expect(neither.code).toBe(1)
    expect(neither.stderr).toContain('say until when with --until DATE, or --done when they delivered')
  })

  it('shows due in sections with the subject, the suggested channel and how late', async () => {
    const due = await run(['due', '--now', '2026-12-08T09:00:00Z'])
    expect(due.code).toBe(0)
    const text = due.stdout
    expect(text).toMatch(/^3 follow-ups due today\.\n\nOverdue \(2\)\n/)
    expect(text).toMatch(/Overdue \(2\)\n.*Met at the fair\s+6 days late · touch 1 next, try meeting\n.*Karen Lee \(Acme\) \[high\]\s+the server quote · 4 days late · touch 2 next, try call\n/)
    expect(text).toMatch(/They owe you \(1\)\n.*Karen Smith \[low\]\s+Promised Dec 4 · 4 days late: the signed quote · touch 2 next, try email\n/)
    // Filters, and the JSON list most overdue first.
    expect((await json<ContactView[]>(['due', '--kind', 'vendor', '--now', '2026-12-08T09:00:00Z'])).map((v) => v.name)).toEqual(['Karen Smith'])
    expect((await json<ContactView[]>(['due', '--now', '2026-12-08T09:00:00Z'])).map((v) => v.name)).toEqual(['Met at the fair', 'Karen Lee', 'Karen Smith'])
    expect((await json<ContactView[]>(['list', '--tag', 'Q4'])).map((v) => v.name)).toEqual(['Karen Lee'])
    expect((await json<ContactView[]>(['list', '--priority', 'low'])).map((v) => v.name)).toEqual(['Karen Smith'])
  })

  it('says touches and contacts in the right number', async () => {
    const list = (await run(['list', '--now', '2026-12-08T09:00:00Z'])).stdout
    expect(list).toMatch(/Karen Lee .* 1 touch {2}4 days late/)
    expect(list).toMatch(/Met at the fair .* 0 touches {2}6 days late/)
    expect((await run(['board', '--now', '2026-12-08T09:00:00Z'])).stdout).toMatch(/== 0 touches \(1\) ==[\s\S]*== 1 touch \(2\) ==[\s\S]*== 2 touches \(0\) ==/)
    const undone = await run(['untouch', 'smith', '--now', '2026-12-08T09:00:00Z'])
    expect(undone.stdout).toBe('Removed the latest touch of Karen Smith; 0 touches left.\n')
  })

  it('prints local times in show, and promised dates in the local day in stats', async () => {
    const ny = { TZ: 'America/New_York' }
    const shown = (await run(['show', 'lee', '--now', '2026-12-07T09:00:00Z'], ny)).stdout
    // The call at 09:00 UTC was 04:00 in New York.
    expect(shown).toContain('  2026-12-01 04:00  call')
    expect(shown).not.toContain('T09:00:00')
    // Promised by 4 December 00:00 in Berlin, 23:00 UTC on the 3rd: the 4th in Berlin, the 3rd in New York.
    expect((await run(['stats', '--now', '2026-12-07T09:00:00Z'])).stdout).toContain('Karen Smith: the signed quote, promised 2026-12-04 · 3 days late')
    expect((await run(['stats', '--now', '2026-12-07T09:00:00Z'], ny)).stdout).toContain('promised 2026-12-03 · 4 days late')
    const stats = await json<{ gaveUpAt: { sample: number; bars: { touches: number }[] }; streak: { current: number } }>(['stats', '--now', '2026-12-07T09:00:00Z'])
    expect(stats.gaveUpAt.sample).toBe(0)
    expect(stats.gaveUpAt.bars.map((b) => b.touches)).toEqual([0, 1, 2, 3, 4, 5])
    expect(stats.streak.current).toBe(0)
  })

  it('changes settings, plans per day against capacity, and spreads undoably', async () => {
    const settings = await json<{ workdays: string[]; dailyCapacity: number; blockMinutes: number }>(['settings', '--workdays', 'mo,tu,we,th,fr', '--capacity', '1', '--block-minutes', '15'])
    expect(settings).toMatchObject({ workdays: ['MO', 'TU', 'WE', 'TH', 'FR'], dailyCapacity: 1, blockMinutes: 15 })
    const bad = await run(['settings', '--workdays', 'monday'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('expected days like MO,TU,WE,TH,FR')

    // Tuesday 8th: all three are overdue; nothing else is due.
    const at = ['--now', '2026-12-08T09:00:00Z']
    const plan = await json<{ capacity: number; overdue: number; days: { date: string; due: number; ids: string[]; over: boolean }[] }>(['plan', '--days', '3', ...at])
    expect(plan).toMatchObject({ capacity: 1, overdue: 3, days: [{ date: '2026-12-08', due: 0, ids: [], over: true }, { date: '2026-12-09', due: 0, ids: [] }, { date: '2026-12-10' }] })
    expect((await run(['plan', '--days', '3', ...at])).stdout).toContain('2026-12-08 Tue   3 ###                  incl. 3 overdue, over capacity')

    // Today keeps the most overdue (the fair contact); then Karen Lee (high) before Karen Smith (low).
    const dry = await json<{ moves: { id: string; from: string; to: string }[] }>(['spread', '--days', '5', '--dry-run', ...at])
    expect(dry.moves.map((m) => [m.id, m.from, m.to])).toEqual([
      [karen.id, '2026-12-04', '2026-12-09'],
      [smith.id, '2026-12-04', '2026-12-10']
    ])
    const moved = await run(['spread', '--days', '5', '--json', ...at])
    const file = join(data.dir, 'moves.json')
    await writeFile(file, moved.stdout)
    expect(JSON.parse(moved.stdout).moves).toEqual(dry.moves.map((m) => ({ ...m, at: expect.any(String), previous: null })))
    expect((await json<{ overdue: number }>(['plan', ...at])).overdue).toBe(1)
    expect((await run(['unspread', file, ...at])).stdout).toBe('Put back 2 follow-ups.\n')
    expect((await json<{ overdue: number }>(['plan', ...at])).overdue).toBe(3)
  })

  it('shows and edits the ideas and templates, and fills a message', async () => {
    const own = await run(['playbook', '--touch', '2', '--subject', 'Chasing {subject}', '--body', 'Hi {name}, any news on {subject}?'], { ...BERLIN, LANG: 'en_US.UTF-8' })
    expect(own.stdout).toContain('Touch 2 (your own)')
    const message = await json<{ touch: string; subject: string; body: string; mailto: string }>(['message', 'lee'])
    expect(message).toMatchObject({ touch: '2', subject: 'Chasing the server quote', body: 'Hi Karen Lee, any news on the server quote?' })
    expect(message.mailto).toMatch(/^mailto:karen@acme\.example\?subject=Chasing%20the%20server%20quote/)
    expect((await run(['playbook'], { ...BERLIN, LANG: 'zh_CN.UTF-8' })).stdout).toContain('开门见山')
  })

  it('says a vendor was received rather than won, and needs a terminal for a block', async () => {
    const vendor = await json<ContactView>(['add', '--name', 'Parts Ltd', '--kind', 'vendor', '--email', 'parts@example.com'])
    expect((await run(['close', vendor.id, '--as', 'won'])).stdout).toBe('Parts Ltd closed as received.\n')
    expect((await run(['close', vendor.id, '--as', 'dropped'])).stdout).toBe('Parts Ltd closed as cancelled.\n')
    await run(['delete', vendor.id])
    const piped = await run(['block'])
    expect(piped.code).toBe(1)
    expect(piped.stderr).toContain('touchbase block reads single keys, so it needs a terminal')
  })

  it('deletes a contact by name', async () => {
    const deleted = await run(['delete', 'fair'])
    expect(deleted.stdout).toBe('Deleted Met at the fair. The backups in the data folder still have it.\n')
    const doc = JSON.parse(await readFile(join(data.dir, 'touchbase.json'), 'utf8'))
    expect(doc.contacts.map((c: { name: string }) => c.name)).toEqual(['Karen Lee', 'Karen Smith'])
  })

  it('prints the due list from remind without a desktop session, and says why no notification was shown', async () => {
    const result = await run(['remind', '--now', '2026-12-09T09:00:00Z'], { ...BERLIN, DISPLAY: '', WAYLAND_DISPLAY: '' })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^2 follow-ups due today\./)
    expect(result.stderr).toContain('no notification was shown: there is no desktop session here (neither DISPLAY nor WAYLAND_DISPLAY is set)')
  })
})

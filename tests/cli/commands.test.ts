import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Board } from '../../src/core/board'
import type { ContactView } from '../../src/core/contact-view'
import { DocumentSchema } from '../../src/core/model'
import { cliJson, runCli, tempDataDir, useCliDataDir } from './cli-harness'

const data = useCliDataDir()

const NOW = '2026-11-27T15:00:00Z'

describe('touchbase CLI', () => {
  let ada: ContactView

  it('adds a contact and prints it as JSON with the documented fields', async () => {
    ada = await cliJson<ContactView>(data.dir, ['add', '--name', 'Ada Lovelace', '--org', 'Analytical Ltd', '--kind', 'vendor', '--email', 'ada@example.com', '--subject', 'quote for server maintenance', '--tag', 'servers', '--tag', 'q4', '--now', '2026-11-20T09:00:00Z'])
    expect(ada).toMatchObject({ name: 'Ada Lovelace', kind: 'vendor', touchCount: 0, lastTouchAt: null, status: 'active', tags: ['servers', 'q4'] })
    expect(ada.id).toMatch(/^[0-9a-f]{10}$/)
    // Default escalation: 2 days after creation, Sunday the 22nd, on the next workday.
    expect(ada.nextDueAt).toBe('2026-11-23T09:00:00.000Z')
  })

  it('logs touches, restarts the cadence, and undoes the latest', async () => {
    const touched = await cliJson<ContactView>(data.dir, ['touch', ada.id, '--channel', 'call', '--note', 'left a voicemail', '--outcome', 'no-reply', '--now', NOW])
    expect(touched.touchCount).toBe(1)
    expect(touched.lastTouchAt).toBe('2026-11-27T15:00:00.000Z')
    expect(touched.nextDueAt).toBe('2026-11-30T15:00:00.000Z')
    const back = await cliJson<ContactView>(data.dir, ['touch', ada.id, '--at', '2026-11-26T10:00:00Z', '--now', NOW])
    expect(back.touchCount).toBe(2)
    // The latest touch by time is still the call, so the 5-day step runs from it.
    expect(back.nextDueAt).toBe('2026-12-02T15:00:00.000Z')
    const undone = await cliJson<ContactView>(data.dir, ['untouch', ada.id, '--now', NOW])
    expect(undone.touchCount).toBe(1)
    expect(undone.touches[0]!.at).toBe('2026-11-26T10:00:00Z')
  })

  it('says which channel a touch used, the suggested one when none is given', async () => {
    const { dir, cleanup } = await tempDataDir()
    const grace = await cliJson<ContactView>(dir, ['add', '--name', 'Grace', '--phone', '+1 555 0100', '--now', '2026-11-20T09:00:00Z'])
    const suggested = await runCli(['touch', grace.id, '--data', dir, '--now', NOW])
    expect(suggested.stdout).toMatch(/^Touch 1 logged for Grace \(call\)\./)
    const backDated = await runCli(['touch', grace.id, '--channel', 'meeting', '--at', '2026-11-21T09:00:00Z', '--data', dir, '--now', NOW])
    expect(backDated.stdout).toMatch(/^Touch 2 logged for Grace \(meeting\)\./)
    await cleanup()
  })

  it('shows the board as ordered columns with their touch counts', async () => {
    await cliJson(data.dir, ['add', '--name', 'Babbage', '--kind', 'lead', '--now', '2026-11-01T09:00:00Z'])
    const board = await cliJson<Board>(data.dir, ['board', '--now', NOW])
    expect(board.columns.map((c) => c.touchCount)).toEqual([0, 1, 2, 3, 4, 5])
    expect(board.columns[0]!.contacts.map((c) => c.name)).toEqual(['Babbage'])
    expect(board.columns[1]!.contacts.map((c) => c.name)).toEqual(['Ada Lovelace'])
  })

  it('lists what is due on or before the day of --now, most overdue first', async () => {
    // Ada's latest touch is 2026-11-26T10:00Z, so her 3-day step lands on Sunday the 29th: Monday the 30th.
    const due = await cliJson<ContactView[]>(data.dir, ['due', '--now', '2026-11-28T08:00:00Z'])
    expect(due.map((c) => c.name)).toEqual(['Babbage'])
    const later = await cliJson<ContactView[]>(data.dir, ['due', '--now', '2026-11-30T08:00:00Z'])
    expect(later.map((c) => [c.name, c.dueState])).toEqual([
      ['Babbage', 'overdue'],
      ['Ada Lovelace', 'today']
    ])
  })

  it('snoozes, waits, closes as not-now and reopens', async () => {
    const snoozed = await cliJson<ContactView>(data.dir, ['snooze', ada.id, '--until', '2026-12-20', '--now', NOW])
    expect(snoozed.nextDueAt?.slice(0, 10)).toMatch(/2026-12-(19|20)/)
    const waiting = await cliJson<ContactView>(data.dir, ['wait', ada.id, '--until', '2026-12-10T09:00:00Z', '--now', NOW])
    expect(waiting).toMatchObject({ status: 'waiting', nextDueAt: '2026-12-10T09:00:00.000Z' })
    const closed = await cliJson<ContactView>(data.dir, ['close', ada.id, '--as', 'not-now', '--until', '2027-01-15T00:00:00Z', '--now', NOW])
    expect(closed.status).toBe('not-now')
    const back = await cliJson<ContactView>(data.dir, ['show', ada.id, '--now', '2027-01-15T10:00:00Z'])
    expect(back).toMatchObject({ status: 'active', touchCount: 1, dueState: 'today' })
    const reopened = await cliJson<ContactView>(data.dir, ['reopen', ada.id, '--now', NOW])
    expect(reopened.status).toBe('active')
  })

  it('keeps the data file valid JSON that matches the schema', async () => {
    const doc = JSON.parse(await readFile(join(data.dir, 'touchbase.json'), 'utf8'))
    expect(DocumentSchema.safeParse(doc).success).toBe(true)
    // The touch count is derived, never stored.
    expect(JSON.stringify(doc)).not.toContain('touchCount')
  })

  it('rejects an invalid RRULE naming the field, and saves nothing', async () => {
    const before = await readFile(join(data.dir, 'touchbase.json'))
    const result = await runCli(['add', '--name', 'Bad', '--cadence', 'every tuesday', '--data', data.dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/cadence: is not a valid iCalendar RRULE/)
    expect(await readFile(join(data.dir, 'touchbase.json'))).toEqual(before)
  })

  it('explains unknown ids, bad dates and bad options on stderr with a non-zero exit', async () => {
    const unknown = await runCli(['touch', 'nope', '--data', data.dir])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/No contact with the id or name "nope"/)
    const badDate = await runCli(['snooze', ada.id, '--until', 'soon', '--data', data.dir])
    expect(badDate.code).toBe(1)
    expect(badDate.stderr).toMatch(/until: must be a date like 2026-12-03/)
    const badChannel = await runCli(['touch', ada.id, '--channel', 'pigeon', '--data', data.dir])
    expect(badChannel.code).toBe(2)
    expect(badChannel.stderr).toMatch(/Allowed choices are call, email, message, meeting, social, other/)
    const notNow = await runCli(['close', ada.id, '--as', 'not-now', '--data', data.dir])
    expect(notNow.code).toBe(1)
    expect(notNow.stderr).toMatch(/not-now needs a re-entry date/)
  })

  it('prints stats: where you give up, channels, who you wait on', async () => {
    const stats = await cliJson<{ contacts: number; channels: { channel: string }[] }>(data.dir, ['stats', '--now', NOW])
    expect(stats.contacts).toBe(2)
    expect(stats.channels.map((c) => c.channel)).toContain('call')
  })

  it('exits quietly with 0 from remind when nothing is due', async () => {
    const { dir: empty, cleanup: done } = await tempDataDir()
    const result = await runCli(['remind', '--data', empty, '--now', NOW])
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
    await done()
  })
})

import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/store'
import { TouchbaseService } from '../../src/service/service'
import { createApiHandlers, dispatch } from '../../src/service/api'
import { blockReducer, startBlock, type BlockState } from '../../src/core/block'
import { settleBlock } from '../../src/shared/block-calls'
import { reminderMessage } from '../../src/service/reminder-message'
import type { ApiArgs, ApiChannel, ApiResult } from '../../src/shared/ipc'

let dir: string
let store: Store
let clock: Date
let service: TouchbaseService
const zone = 'Europe/Berlin'

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchbase-loop-'))
  // Monday 7 December 2026, 10:00 in Berlin.
  clock = new Date('2026-12-07T09:00:00Z')
  store = await openStore(dir, { now: () => clock })
  let n = 0
  service = new TouchbaseService(store, { now: () => clock, timeZone: () => zone, newId: () => `id${String(++n).padStart(3, '0')}` })
})
afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

const onDisk = async () => JSON.parse(await readFile(join(dir, 'touchbase.json'), 'utf8'))
const handlers = () => createApiHandlers(service, { appInfo: () => ({ version: 'test', dataFile: store.filePath, platform: 'linux', timeZone: zone }) })
async function callRaw(channel: string, args: unknown[]): Promise<unknown> {
  const response = await dispatch(handlers(), channel, args)
  if (!response.ok) throw Object.assign(new Error(response.error.message), response.error)
  return response.value
}
/** A channel called as the renderer calls it: typed by the contract, through dispatch. */
const call = <C extends ApiChannel>(channel: C, ...args: ApiArgs<C>) => callRaw(channel, args) as Promise<ApiResult<C>>

describe('promises', () => {
  it('records what they promised, keeps it through a touch, and ends it on delivery', async () => {
    const vendor = await service.addContact({ name: 'Vera', kind: 'vendor', email: 'vera@example.com' })
    await service.logTouch(vendor.id, { channel: 'call' })
    clock = new Date('2026-12-07T09:05:00Z')
    const { contact: waiting } = await service.wait(vendor.id, '2026-12-09', 'the signed quote')
    expect(waiting).toMatchObject({ status: 'waiting', waitingFor: 'the signed quote', waitingSince: '2026-12-07T09:05:00.000Z', nextDueAt: '2026-12-08T23:00:00.000Z' })
    expect(waiting.promise).toMatchObject({ what: 'the signed quote', byDay: '2026-12-09', state: 'pending' })

    // Friday: the promise is 2 days late; a chase keeps it and follows the cadence (touch 2: 5 days, Wednesday 16th).
    clock = new Date('2026-12-11T09:00:00Z')
    expect((await service.get(vendor.id)).promise).toMatchObject({ state: 'late', daysLate: 2 })
    const { contact: chased } = await service.logTouch(vendor.id, { channel: 'email' })
    expect(chased).toMatchObject({ status: 'waiting', waitingFor: 'the signed quote', nextDueAt: '2026-12-16T09:00:00.000Z', dueState: 'upcoming' })

    const { contact: delivered, before } = await service.delivered(vendor.id)
    expect(before).toMatchObject({ status: 'waiting', waitingFor: 'the signed quote' })
    expect(delivered).toMatchObject({ status: 'active', promise: null, nextDueAt: '2026-12-16T09:00:00.000Z' })
    expect(delivered.waitingUntil).toBeUndefined()
    expect((await onDisk()).contacts[0]).not.toHaveProperty('waitingFor')
    await expect(service.delivered(vendor.id)).rejects.toMatchObject({ code: 'conflict', reason: 'not-waiting' })
    // Undo of the delivery is the usual restore of `before`.
    expect((await service.restoreContact(before)).status).toBe('waiting')
  })

  it('refuses a touch without a channel when there is no email or phone to suggest one', async () => {
    const met = await service.addContact({ name: 'Met at a fair' })
    await expect(service.logTouch(met.id, {})).rejects.toMatchObject({ code: 'invalid-input', reason: 'channel-needed', message: expect.stringContaining('has no email or phone') })
    expect((await service.logTouch(met.id, { channel: 'meeting' })).contact.touchCount).toBe(1)
    const reachable = await service.addContact({ name: 'Reachable', phone: '+49 30 1234' })
    expect((await service.logTouch(reachable.id, {})).contact.touches[0]!.channel).toBe('call')
  })

  it('sets and filters by priority', async () => {
    const a = await service.addContact({ name: 'A', priority: 'high' })
    await service.addContact({ name: 'B' })
    expect(a.priority).toBe('high')
    expect((await service.list({ priority: 'normal' })).map((v) => v.name)).toEqual(['B'])
    const { contact } = await service.editContact(a.id, { priority: 'low' })
    expect(contact.priority).toBe('low')
    await expect(service.editContact(a.id, { priority: 'urgent' as never })).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('plan and spread', () => {
  async function backlog() {
    await service.updateSettings({ dailyCapacity: 2 })
    // Five contacts due today or earlier, one of them high priority.
    const names = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve']
    const ids: string[] = []
    for (const [i, name] of names.entries()) {
      const v = await service.addContact({ name, email: `${name.toLowerCase()}@example.com`, ...(name === 'Dan' ? { priority: 'high' as const } : {}) })
      await service.snooze(v.id, `2026-12-0${3 + Math.min(i, 4)}`)
      ids.push(v.id)
    }
    return ids
  }

  it('plans per day against capacity and spreads the backlog, undoably', async () => {
    await backlog()
    const plan = await call('plan:get', 5)
    expect(plan).toMatchObject({ capacity: 2, overdue: 4, days: [{ date: '2026-12-07', due: 1, load: 5, over: true }, { date: '2026-12-08', due: 0 }, {}, {}, {}] })

    const dry = await service.spread({ days: 5, dryRun: true })
    expect(dry.dryRun).toBe(true)
    expect(dry.contacts).toEqual([])
    const result = await call('plan:spread', { days: 5 })
    expect(result.moves).toEqual(dry.moves)
    // Today keeps the two most overdue (Ann 3rd, Ben 4th); Cat (5th) and Dan (6th) go to Tuesday, Eve (today) to Wednesday.
    expect(result.moves.map((m) => [m.name, m.from, m.to])).toEqual([
      ['Cat', '2026-12-05', '2026-12-08'],
      ['Dan', '2026-12-06', '2026-12-08'],
      ['Eve', '2026-12-07', '2026-12-09']
    ])
    expect(result.moves[0]!.previous).toBe('2026-12-04T23:00:00.000Z')
    expect(result.contacts.map((v) => [v.name, v.dueDay])).toEqual([
      ['Cat', '2026-12-08'],
      ['Dan', '2026-12-08'],
      ['Eve', '2026-12-09']
    ])
    expect((await service.plan(5)).days.map((d) => d.load)).toEqual([2, 2, 1, 0, 0])
    // Idempotent.
    expect((await service.spread({ days: 5 })).moves).toEqual([])

    // Cat was touched since: Undo leaves her alone and puts the others back.
    await service.logTouch(result.moves[0]!.id, { channel: 'email' })
    const undone = await call('plan:unspread', result.moves)
    expect(undone.skipped).toEqual([result.moves[0]!.id])
    expect(undone.contacts.map((v) => [v.name, v.dueDay])).toEqual([
      ['Dan', '2026-12-06'],
      ['Eve', '2026-12-07']
    ])
  })

  it('validates the requests', async () => {
    await expect(service.plan(0)).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(service.spread({ days: 500 })).rejects.toThrow(/days: must be at most 92 days/)
    await expect(service.unspread([{ id: 'x', at: 'yesterday', previous: null }])).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('the follow-up block over the contract', () => {
  it('runs the same reducer as the UI, records the finished block and counts the streak', async () => {
    const ada = await service.addContact({ name: 'Ada', email: 'ada@example.com' })
    const vera = await service.addContact({ name: 'Vera', kind: 'vendor', phone: '+49 30 1' })
    await service.wait(vera.id, '2026-12-04')
    await service.snooze(ada.id, '2026-12-07')
    // Last Friday's block.
    await service.recordBlock({ startedAt: '2026-12-04T09:00:00Z', endedAt: '2026-12-04T09:20:00Z', minutes: 30, ended: 'queue-empty', touches: 1, byChannel: { email: 1 } })

    const info = await call('block:queue')
    expect(info.queue.map((v) => v.name)).toEqual(['Vera', 'Ada'])
    // Cards without the touch log: the latest touches are enough for a card.
    for (const card of info.queue) expect(card).not.toHaveProperty('touches')
    expect(info.queue.map((card) => card.recentTouches)).toEqual([[], []])
    expect(info.streak).toEqual({ current: 1, best: 1, doneToday: false })
    let s: BlockState = startBlock({ queue: info.queue, now: clock.toISOString(), today: info.today, minutes: info.minutes, workdays: info.workdays })
    const keys = async (...list: string[]) => {
      // Named keys as they are; anything else typed character by character, as in a terminal.
      for (const key of list.flatMap((k) => (['Enter', 'Escape', 'Backspace'].includes(k) ? [k] : [...k]))) {
        s = await settleBlock(blockReducer(s, { type: 'key', key }), (r) => callRaw(r.channel, r.args))
      }
    }
    // Vera: delivered, then undone (restored as she was); then a call that got a new promise. Ada: an email.
    await keys('d', 'u')
    expect(s.index).toBe(0)
    await keys('2', 'w', 'Enter', '+2', 'Enter', 'the quote', 'Enter')
    await keys('1', 'n', 'Enter')
    expect(s.phase).toBe('finished')
    expect(s.record).toMatchObject({ date: '2026-12-07', ended: 'queue-empty', touches: 2, promises: 1, delivered: 0, skipped: 0, byChannel: { call: 1, email: 1 } })
    const disk = await onDisk()
    expect(disk.blocks).toHaveLength(2)
    expect(disk.contacts.find((c: { id: string }) => c.id === ada.id).touches).toHaveLength(1)
    expect(disk.contacts.find((c: { id: string }) => c.id === vera.id)).toMatchObject({ status: 'waiting', waitingFor: 'the quote', waitingUntil: '2026-12-08T23:00:00.000Z', touches: [{ channel: 'call', outcome: 'replied' }] })
    // Vera is next due on her promise (Wednesday), Ada on Thursday: nothing by Tuesday.
    expect(await call('block:status')).toEqual({ streak: { current: 2, best: 2, doneToday: true }, nextBlockSize: 0 })
    expect((await service.stats()).streak.current).toBe(2)
  })

  it('refuses a block that does not count as finished or ends in the future', async () => {
    await expect(service.recordBlock({ startedAt: '2026-12-07T08:00:00Z', endedAt: '2026-12-07T08:30:00Z', minutes: 30, ended: 'time-up', touches: 0 })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(service.recordBlock({ startedAt: '2026-12-07T09:00:00Z', endedAt: '2026-12-08T09:30:00Z', minutes: 30, ended: 'queue-empty', touches: 0 })).rejects.toThrow(/future/)
  })
})

describe('Today, stats, ideas and templates', () => {
  it("gives Today's sections and the figures", async () => {
    const a = await service.addContact({ name: 'Late', email: 'l@example.com' })
    await service.snooze(a.id, '2026-12-01')
    const b = await service.addContact({ name: 'Owes', email: 'o@example.com' })
    await service.wait(b.id, '2026-12-07')
    const today = await call('today:get')
    expect(today.overdue.map((v) => v.name)).toEqual(['Late'])
    expect(today.theyOweYou.map((v) => v.name)).toEqual(['Owes'])
    const stats = await call('stats:get')
    expect(stats.gaveUpAt).toMatchObject({ sample: 0 })
    expect(stats.waitingOn[0]!).toMatchObject({ name: 'Owes', byDay: '2026-12-07', daysLate: 0 })
  })

  it('resolves the playbook in a language, with own texts from the settings, and fills a message', async () => {
    const ada = await service.addContact({ name: 'Ada', org: 'Acme', email: 'ada@example.com', subject: 'the Q3 quote' })
    expect((await call('playbook:get', 'zh-CN'))[0]!.idea).toMatch(/开门见山/)
    await call('settings:update', { playbook: { '1': { subject: 'About {subject}', body: 'Hello {name} of {org}' } } })
    // Changing the playbook leaves the other settings alone.
    expect(await service.settings()).toMatchObject({ dailyCapacity: 15, blockMinutes: 30 })
    const message = await call('playbook:message', ada.id, 'en')
    expect(message).toMatchObject({ touch: '1', subject: 'About the Q3 quote', body: 'Hello Ada of Acme', mailto: 'mailto:ada@example.com?subject=About%20the%20Q3%20quote&body=Hello%20Ada%20of%20Acme' })
    await expect(service.playbook('fr' as never)).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('the nudge', () => {
  it('marks the cards at the touch count where you usually stop, and the notification says so', async () => {
    // Three contacts dropped after one touch: you usually stop at touch 1.
    for (const name of ['D1', 'D2', 'D3']) {
      const v = await service.addContact({ name, email: `${name}@example.com` })
      await service.logTouch(v.id, { channel: 'email' })
      await service.close(v.id, { as: 'dropped' })
    }
    for (const name of ['Ada', 'Bea']) {
      const v = await service.addContact({ name, kind: 'vendor', email: `${name}@example.com` })
      await service.logTouch(v.id, { channel: 'email' })
    }
    await service.addContact({ name: 'Cid', email: 'cid@example.com' })
    clock = new Date('2026-12-11T09:00:00Z')
    const due = await service.due()
    expect(due.map((v) => [v.name, v.atUsualStop])).toEqual([
      ['Cid', false],
      ['Ada', true],
      ['Bea', true]
    ])
    expect(reminderMessage(due, 'en')?.body).toBe('2 contacts are at touch 1, where you usually stop. Cid (lead, touch 1), Ada (vendor, touch 2), Bea (vendor, touch 2)')
    expect(reminderMessage(due, 'zh-CN')?.body).toMatch(/^2 位联系人已跟进 1 次，你通常在这里放弃。Cid/)
    expect(reminderMessage(due.slice(0, 1), 'en')?.body).toBe('Cid (lead, touch 1)')

    // A change in the same minute is seen at once (where you stop is remembered per document).
    for (const name of ['E1', 'E2', 'E3', 'E4']) {
      const v = await service.addContact({ name })
      await service.close(v.id, { as: 'dropped' })
    }
    expect((await service.due()).map((v) => [v.name, v.atUsualStop])).toEqual([
      ['Cid', true],
      ['Ada', false],
      ['Bea', false]
    ])
  })
})

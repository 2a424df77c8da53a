/** The contact detail speaks local time: the app's zone, not UTC, in what it shows and what it edits. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useBoardHarness } from './harness'

const open = useBoardHarness()
const savedTz = process.env.TZ
// Tokyo is nine hours from UTC and has no daylight saving: 00:30Z is 09:30 there.
beforeEach(() => void (process.env.TZ = 'Asia/Tokyo'))
afterEach(() => void (savedTz === undefined ? delete process.env.TZ : (process.env.TZ = savedTz)))

describe('contact detail', () => {
  it('shows touches and dates in the local zone and edits a touch time in it', async () => {
    const h = await open({
      now: () => new Date('2026-12-01T03:00:00Z'),
      seed: async (service) => {
        const c = await service.addContact({ name: 'Kenji Sato', email: 'kenji@example.jp' })
        await service.logTouch(c.id, { channel: 'email', at: '2026-11-30T00:30:00Z', note: 'Sent the quote', force: true }) // a day before she was added: the person confirmed it
      }
    })
    expect(h.service.timeZone()).toBe('Asia/Tokyo')
    const { page } = h
    await page.locator('[data-card-id]', { hasText: 'Kenji Sato' }).click()
    const detail = page.getByTestId('contact-detail')
    await expect(detail.getByTestId('timeline').textContent()).resolves.toContain('9:30 AM')
    await expect(detail.getByTestId('detail-zone').textContent()).resolves.toBe('Times are local to Asia/Tokyo.')

    await detail.getByRole('button', { name: 'Edit Touch 1' }).click()
    const when = detail.locator('input[type=datetime-local]')
    await expect(when.inputValue()).resolves.toBe('2026-11-30T09:30')
    await when.fill('2026-11-30T10:15')
    // Still before she was added: the editor asks to confirm that date.
    await detail.locator('.touch-editor-force input[type=checkbox]').check()
    await detail.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await h.readData()).contacts[0]!.touches[0]!.at).toBe('2026-11-30T01:15:00.000Z')
  })

  it('fetches its touch log when it opens, follows its own commands without asking again, and fetches again on data:changed', async () => {
    let id = ''
    const h = await open({
      seed: async (service) => {
        id = (await service.addContact({ name: 'Mia Wong', email: 'mia@example.com' })).id
        await service.logTouch(id, { channel: 'email', note: 'Sent the brochure' })
      }
    })
    const { page } = h
    // The board's list carries no touch log: the detail asks for this contact's, once.
    h.calls.length = 0
    await page.locator('[data-card-id]', { hasText: 'Mia Wong' }).click()
    const detail = page.getByTestId('contact-detail')
    const timeline = detail.getByTestId('timeline')
    await expect.poll(() => timeline.textContent()).toContain('Sent the brochure')
    expect(h.calls.filter((c) => c === 'contacts:get')).toHaveLength(1)

    // A touch logged here: its answer is the full view, so the log follows with no fetch.
    h.calls.length = 0
    await detail.getByTestId('detail-log').click()
    const popover = page.getByTestId('log-touch')
    await popover.locator('textarea').fill('Called about the demo')
    await popover.locator('textarea').press('Enter')
    await expect.poll(() => timeline.locator('li').count()).toBe(2)
    await expect(timeline.locator('li').first().textContent()).resolves.toContain('Called about the demo')
    await page.waitForTimeout(300) // time for a fetch the change might (wrongly) trigger
    expect(h.calls).toEqual(['touch:log'])

    // A touch from elsewhere (the CLI, another window): data:changed, then the log is fetched again.
    await h.service.logTouch(id, { channel: 'call', note: 'Logged from the command line' })
    await h.push('data:changed')
    await expect.poll(() => timeline.locator('li').first().textContent()).toContain('Logged from the command line')
    await expect(timeline.locator('li').count()).resolves.toBe(3)
    expect(h.calls.filter((c) => c === 'contacts:get')).toHaveLength(1)
  })

  it('says so when its touch log cannot be loaded, and loads it on Try again', async () => {
    let id = ''
    const h = await open({
      seed: async (service) => {
        id = (await service.addContact({ name: 'Omar Haddad' })).id
        await service.logTouch(id, { channel: 'meeting', note: 'Met at the fair' })
      }
    })
    const { page } = h
    // The first contacts:get fails, as a dropped IPC would.
    await page.evaluate(() => {
      const w = globalThis as unknown as { __tbInvoke: (channel: string, args: unknown[]) => Promise<string> }
      const invoke = w.__tbInvoke
      let failed = false
      w.__tbInvoke = async (channel, args) => {
        if (channel === 'contacts:get' && !failed) {
          failed = true
          return JSON.stringify({ ok: false, error: { code: 'internal', message: 'the line went down', issues: [] } })
        }
        return invoke(channel, args)
      }
    })
    await page.locator('[data-card-id]', { hasText: 'Omar Haddad' }).click()
    const detail = page.getByTestId('contact-detail')
    await expect(detail.getByTestId('timeline-error').textContent()).resolves.toContain('Could not load the touches: the line went down')
    await detail.getByTestId('timeline-error').getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => detail.getByTestId('timeline').textContent()).toContain('Met at the fair')
  })
})

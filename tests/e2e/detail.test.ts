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
})

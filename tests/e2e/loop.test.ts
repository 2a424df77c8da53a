/**
 * The loop's everyday actions in Chromium against the real service: a waiting card marked
 * delivered (and undone), Spread then Undo, priority set in the form and starred on the card, and
 * a vendor's words.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBoardHarness, type Harness } from './harness'
import { en } from './catalogs'
import { seedDemo } from './seed'

const open = useBoardHarness()
const card = (page: Page, name: string) => page.locator('[data-card-id]').filter({ hasText: name })
const stored = async (h: Harness, name: string) => (await h.readData()).contacts.find((c) => c.name === name)!

describe('the daily loop', () => {
  it('marks a waiting card delivered, which ends the wait, and Undo brings the promise back', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    const sofia = card(page, 'Sofia Rossi')
    // She promised yesterday: the card says so, in red.
    await expect(sofia.locator('.card-promise').textContent()).resolves.toMatch(/^Promised .+ · 1 day late$/)
    expect(await stored(h, 'Sofia Rossi')).toMatchObject({ status: 'waiting' })

    await sofia.getByTestId('card-delivered').click()
    await expect.poll(async () => (await stored(h, 'Sofia Rossi')).status).toBe('active')
    expect((await stored(h, 'Sofia Rossi')).waitingUntil).toBeUndefined()
    await expect(page.getByTestId('toast').textContent()).resolves.toContain('Sofia Rossi delivered')
    await expect(sofia.locator('.card-promise').count()).resolves.toBe(0)

    await page.getByTestId('toast').getByRole('button', { name: en.toast.undo }).click()
    await expect.poll(async () => (await stored(h, 'Sofia Rossi')).status).toBe('waiting')
    await sofia.locator('.card-promise').waitFor()
  })

  it('marks delivered from the detail view and from Today, in a vendor’s words', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await card(page, 'Olivia Grant').click()
    const detail = page.getByTestId('contact-detail')
    await expect(detail.getByTestId('detail-promise').textContent()).resolves.toMatch(/^Promised by /)
    // A vendor's order is Received or Cancelled, not Won or Dropped.
    await expect(detail.getByRole('group', { name: en.detail.closeAs }).textContent()).resolves.toContain(en.statusVendor.won)
    await expect(detail.getByRole('group', { name: en.detail.closeAs }).textContent()).resolves.toContain(en.statusVendor.dropped)
    await detail.getByTestId('detail-delivered').click()
    await expect.poll(async () => (await stored(h, 'Olivia Grant')).status).toBe('active')
    await page.keyboard.press('Escape')

    await page.getByTestId('tab-today').click()
    const owed = page.getByTestId('section-theyOweYou')
    await expect(owed.textContent()).resolves.toContain('Sofia Rossi')
    await owed.getByTestId('today-delivered').click()
    await expect.poll(async () => (await stored(h, 'Sofia Rossi')).status).toBe('active')
    await owed.waitFor({ state: 'detached' })
  })

  it('spreads the backlog within capacity from the planner, then Undo puts every follow-up back', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    await h.service.updateSettings({ dailyCapacity: 3 })
    await h.page.reload()
    const { page } = h
    await page.getByTestId('tab-today').click()
    const planner = page.getByTestId('planner')
    await expect.poll(() => planner.getByTestId('planner-summary').textContent()).toMatch(/Over capacity on 1 day/)
    const before = (await h.readData()).contacts.map((c) => [c.id, c.snoozedUntil ?? null])

    await planner.getByTestId('spread').click()
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/^Spread \d+ follow-ups over \d+ days/)
    const plan = await h.service.plan(14)
    // The most urgent three stay on today (the backlog counts there); the rest fill later workdays.
    for (const day of plan.days) expect(day.load, day.date).toBeLessThanOrEqual(3)
    await expect(planner.getByTestId('planner-summary').textContent()).resolves.toContain(en.planner.within)
    const moved = (await h.readData()).contacts.filter((c) => c.snoozedUntil).length
    expect(moved).toBeGreaterThan(3)

    await page.getByTestId('toast').getByRole('button', { name: en.toast.undo }).click()
    await expect.poll(async () => (await h.readData()).contacts.map((c) => [c.id, c.snoozedUntil ?? null])).toEqual(before)
    await expect.poll(() => planner.getByTestId('planner-summary').textContent()).toMatch(/Over capacity on 1 day/)
  })

  it('sets a high priority in the form and stars the card', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await card(page, 'Tom Becker').click()
    await page.getByTestId('edit-contact').click()
    await page.locator('select[name=priority]').selectOption('high')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored(h, 'Tom Becker')).priority).toBe('high')
    await page.keyboard.press('Escape')
    await card(page, 'Tom Becker').getByTestId('priority-high').waitFor()
  })
})

/**
 * The board at the keyboard and at a small window: focus follows a card moved with the keyboard
 * into its new column; at 1024×700 the 5+ column and the exit lanes are reachable and say so.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBoardHarness } from './harness'
import { seedDemo } from './seed'

const open = useBoardHarness()
const card = (page: Page, name: string) => page.locator('[data-card-id]').filter({ hasText: name })
const focusedCard = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-card-id]')?.dataset.list ?? null)
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.querySelector('.card-name')?.textContent ?? null)

describe('board focus and reach', () => {
  it('keeps focus on a card dropped with the keyboard, in its new column', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await card(page, 'Hannah Schulz').focus()
    await page.keyboard.press('Space')
    await page.waitForTimeout(150)
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(250)
    await page.keyboard.press('Space')
    await page.getByTestId('log-touch').waitFor()
    await page.keyboard.press('Enter')
    await page.getByTestId('column-2').locator('[data-card-id]', { hasText: 'Hannah Schulz' }).waitFor()
    await expect.poll(() => focusedCard(page)).toBe('col-2')
    expect(await focusedName(page)).toBe('Hannah Schulz')
    // The arrows go on from there.
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => focusedCard(page)).toBe('col-3')
  })

  it('keeps focus on a card after logging a touch with the t key', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await card(page, 'Lucas Moreau').focus()
    await page.keyboard.press('t')
    await page.getByTestId('log-touch').waitFor()
    await page.keyboard.press('Enter')
    await page.getByTestId('column-2').locator('[data-card-id]', { hasText: 'Lucas Moreau' }).waitFor()
    await expect.poll(() => focusedName(page)).toBe('Lucas Moreau')
    expect(await focusedCard(page)).toBe('col-2')
  })
})

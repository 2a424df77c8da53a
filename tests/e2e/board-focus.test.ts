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
const focusedCard = (page: Page) => page.evaluate<string | null>(`document.activeElement?.closest('[data-card-id]')?.dataset.list ?? null`)
const focusedName = (page: Page) => page.evaluate<string | null>(`document.activeElement?.querySelector('.card-name')?.textContent ?? null`)

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

  it('at 1024×700 shows that the 5+ column and the exit lanes are off to the right, and takes you there', async () => {
    const h = await open({ viewport: { width: 1024, height: 700 }, seed: (_s, store) => seedDemo(store) })
    const { page } = h
    const inView = (testId: string) =>
      page.getByTestId(testId).evaluate((el, width) => {
        const r = el.getBoundingClientRect()
        return r.left >= 0 && r.right <= width
      }, 1024)
    expect(await inView('column-5')).toBe(false)
    const cue = page.getByTestId('scroll-cue-end')
    expect(await cue.isVisible()).toBe(true)
    await expect(cue.textContent()).resolves.toContain('5+')
    await cue.click()
    await expect.poll(() => inView('lane-dropped')).toBe(true)
    expect(await inView('column-5')).toBe(true)
    await cue.waitFor({ state: 'detached' })
    await page.getByTestId('scroll-cue-start').waitFor()

    // The keyboard gets there too: the arrows scroll the focused card into view.
    await page.getByTestId('scroll-cue-start').click()
    await expect.poll(() => inView('column-0')).toBe(true)
    await card(page, 'Sofia Rossi').focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => focusedCard(page)).toBe('col-5')
    await expect.poll(() => page.evaluate<boolean>(`document.activeElement.getBoundingClientRect().right <= window.innerWidth`)).toBe(true)
  })
})

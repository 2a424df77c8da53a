/**
 * Insights in Chromium against the real service: the give-up curve is a Recharts chart whose
 * bars (and their keyboard twins under the chart) click through to the contacts they count.
 */
import { describe, expect, it } from 'vitest'
import { useBoardHarness } from './harness'
import { en } from './catalogs'
import { seedDemo } from './seed'

const open = useBoardHarness()

describe('insights', () => {
  it('draws the give-up curve with its sample size, and a bar lists the contacts who stopped there', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await page.getByTestId('tab-insights').click()
    const panel = page.getByTestId('give-up')
    await panel.waitFor()
    // The demo stops at 2 touches (Ethan Brooks, dropped), at 3 (Chloe Martin, not now) and at 5+
    // (Noah Williams, untouched for a month).
    await expect(panel.textContent()).resolves.toContain('n = 3 contacts who stopped')
    await expect(panel.locator('.recharts-surface').count()).resolves.toBe(1)
    await expect(panel.locator('.chart-bar').count()).resolves.toBe(6)

    // A click on the SVG bar for "2 touches".
    await panel.getByTestId('give-up-chart-bar-2').click()
    const drill = panel.getByTestId('drill')
    await expect(drill.textContent()).resolves.toContain('Ethan Brooks')
    await expect(drill.textContent()).resolves.not.toContain('Chloe Martin')
    await drill.getByRole('button', { name: 'Ethan Brooks' }).click()
    await expect(page.getByTestId('contact-detail').textContent()).resolves.toContain('Listing photography')
    await page.keyboard.press('Escape')

    // The same with the keyboard: the axis buttons are the bars' twins.
    const key3 = panel.getByTestId('give-up-chart-key-3')
    await key3.focus()
    await page.keyboard.press('Enter')
    await expect(key3.getAttribute('aria-pressed')).resolves.toBe('true')
    await expect(drill.textContent()).resolves.toContain('Chloe Martin')
    await expect(key3.getAttribute('aria-label')).resolves.toBe(en.insights.gaveUpBar_one.replace('{{column}}', '3 touches').replace('{{count}}', '1'))
  })
})

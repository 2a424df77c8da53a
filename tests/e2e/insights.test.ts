/**
 * Insights in Chromium against the real service: the give-up curve, where replies and wins came
 * from (with the quoted reference line labelled as unsourced) and the streak, each figure with
 * its sample size; every bar, and its keyboard twin under the chart, lists the contacts it counts.
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

  it('takes its figures from the service, and follows a change made elsewhere', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    h.calls.length = 0
    await page.getByTestId('tab-insights').click()
    const panel = page.getByTestId('give-up')
    await expect.poll(() => panel.textContent()).toContain('n = 3 contacts who stopped')
    expect(h.calls.filter((c) => c === 'stats:get')).toHaveLength(1)
    // Lucas Moreau (1 touch) dropped from the command line: a fourth contact who stopped, at 1.
    const lucas = (await h.service.list()).find((c) => c.name === 'Lucas Moreau')!
    await h.service.close(lucas.id, { as: 'dropped' })
    await h.push('data:changed')
    await expect.poll(() => panel.textContent()).toContain('n = 4 contacts who stopped')
    await panel.getByTestId('give-up-chart-key-1').click()
    await expect(panel.getByTestId('drill').textContent()).resolves.toContain('Lucas Moreau')
  })

  it('shows where replies and wins came from against the quoted figures, labelled as unsourced, and clicks through', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await page.getByTestId('tab-insights').click()
    const results = page.getByTestId('results')
    await results.waitFor()
    // Two wins in the demo (Ava Johnson at 5 touches, Ryan Park at 6): both in the 5+ bar.
    await expect(results.textContent()).resolves.toContain('n = 2 wins')
    await expect(page.getByTestId('reference-note').textContent()).resolves.toBe(en.insights.reference)
    expect(await results.locator('.recharts-line').count()).toBe(1)
    const fivePlus = page.getByTestId('won-chart-key-5')
    await expect(fivePlus.getAttribute('aria-label')).resolves.toBe('5+ touches: 2 wins, 100% of your wins. Widely quoted: 80%.')
    await page.getByTestId('won-chart-bar-5').click()
    const drill = page.getByTestId('won-figure').getByTestId('drill')
    await expect(drill.textContent()).resolves.toContain('Ava Johnson')
    await expect(drill.textContent()).resolves.toContain('Ryan Park')

    // First replies: at least one at touch 1 (Hannah Schulz replied to her first email).
    await page.getByTestId('replied-chart-key-0').click()
    await expect(page.getByTestId('replied-figure').getByTestId('drill').textContent()).resolves.toContain('Hannah Schulz')
    await expect(page.getByTestId('streak').textContent()).resolves.toContain('0 workdays')
  })
})

/** Before the first contact every screen invites importing or adding; Today does not say "Nice work". */
import { describe, expect, it } from 'vitest'
import { useBoardHarness } from './harness'
import { en } from './catalogs'

const open = useBoardHarness()

describe('empty states', () => {
  it('invites importing or adding on the board, Today and Insights, and the first contact takes its place', async () => {
    const h = await open()
    const { page } = h
    const empty = page.getByTestId('empty-start')
    await expect(empty.textContent()).resolves.toContain(en.empty.board)
    expect(await page.getByTestId('empty-import').isVisible()).toBe(true)

    await page.getByTestId('tab-today').click()
    await expect(empty.textContent()).resolves.toContain(en.empty.today)
    await expect(page.locator('main').textContent()).resolves.not.toContain(en.today.empty)
    await page.getByTestId('tab-insights').click()
    await expect(empty.textContent()).resolves.toContain(en.empty.insights)

    // The system's file dialog opens from the invitation, as from the toolbar (cancelled here).
    h.picker.answer(null)
    await page.getByTestId('empty-import').click()
    await expect.poll(() => h.picker.requests.map((r) => r.title)).toEqual(['Import contacts'])

    await page.getByTestId('tab-board').click()
    await page.getByTestId('empty-add').click()
    await page.locator('input[name=name]').fill('Rita Lopez')
    await page.keyboard.press('Enter')
    await page.locator('[data-card-id]', { hasText: 'Rita Lopez' }).waitFor()
    await empty.waitFor({ state: 'detached' })
    // With contacts and nothing due, Today may congratulate.
    await page.getByTestId('tab-today').click()
    await expect(page.locator('main').textContent()).resolves.toContain(en.today.empty)
  })
})

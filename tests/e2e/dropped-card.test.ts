/**
 * The dropped card stays in sight on a board of 10,000 generated contacts: after a move by mouse,
 * by keyboard or through the Move menu, the card is scrolled into view in its new column (where
 * the due-date order puts it far below the visible part) and highlighted for a moment.
 */
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { generateDocument } from '../../bench/generate'
import { en } from './catalogs'
import { dragRightWithKeyboard, dragWithMouse } from './drag'
import { useBoardHarness, type Harness } from './harness'

const CONTACTS = 10_000
const openBoard = useBoardHarness()
const open = (): Promise<Harness> => openBoard({ seed: (_s, store) => store.replace(generateDocument({ contacts: CONTACTS, now: new Date() })) })

/** The first card of column 1 on screen, with where the service will put it after one more touch. */
async function firstCardOfColumnOne(h: Harness): Promise<{ id: string; card: Locator }> {
  const card = h.page.locator('[data-list-id="col-1"] [data-card-id]').first()
  await card.waitFor()
  return { id: (await card.getAttribute('data-card-id'))!, card }
}

async function confirmLogTouch(page: Page): Promise<void> {
  await page.getByTestId('log-touch').waitFor()
  await page.keyboard.press('Enter')
}

/** The card is in the new column's DOM, wholly inside that column's visible area, and highlighted. */
async function expectRevealed(h: Harness, id: string): Promise<void> {
  const { page } = h
  const landed = page.locator(`[data-list-id="col-2"] [data-card-id="${id}"]`)
  await landed.and(page.locator('.is-revealed')).waitFor()
  const card = (await landed.boundingBox())!
  const list = (await page.locator('[data-list-id="col-2"]').boundingBox())!
  expect(card.y).toBeGreaterThanOrEqual(list.y)
  expect(card.y + card.height).toBeLessThanOrEqual(list.y + list.height)
  // It was far out of sight: the column had to scroll to show it.
  const column = (await h.service.board()).columns[2]!.contacts
  const index = column.findIndex((c) => c.id === id)
  expect(index).toBeGreaterThan(20)
  expect(await page.locator('[data-list-id="col-2"]').evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
  expect((await h.readData()).contacts.find((c) => c.id === id)?.touches).toHaveLength(2)
  // The highlight is brief.
  await page.locator(`[data-card-id="${id}"].is-revealed`).waitFor({ state: 'detached', timeout: 5_000 })
}

describe(`the dropped card stays in sight (${CONTACTS.toLocaleString('en')} contacts)`, () => {
  it('after a mouse drag from 1 to 2 touches', async () => {
    const h = await open()
    const { id, card } = await firstCardOfColumnOne(h)
    await dragWithMouse(h.page, card, h.page.getByTestId('column-2'))
    await confirmLogTouch(h.page)
    await expectRevealed(h, id)
  })

  it('after a keyboard drag (Space, ArrowRight, Space), and keeps keyboard focus on the card', async () => {
    const h = await open()
    const { page } = h
    const { id, card } = await firstCardOfColumnOne(h)
    await dragRightWithKeyboard(page, card)
    await confirmLogTouch(page)
    await expectRevealed(h, id)
    expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('data-card-id')")).toBe(id)
  })

  it('after "Move to column…", with a still highlight when motion is reduced; a card closed into a collapsed lane lights up the lane', async () => {
    const h = await open()
    const { page } = h
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const { id, card } = await firstCardOfColumnOne(h)
    await card.hover()
    await card.getByRole('button', { name: en.card.moveMenu }).click()
    await page.getByTestId('move-menu').locator('[data-target="col-2"]').click()
    await confirmLogTouch(page)
    const landed = page.locator(`[data-list-id="col-2"] [data-card-id="${id}"].is-revealed`)
    await landed.waitFor()
    expect(await landed.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).animationName)).toBe('none')
    expect(await landed.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).boxShadow)).toMatch(/rgb/)
    await expectRevealed(h, id)

    await page.emulateMedia({ reducedMotion: 'no-preference' })
    const next = await firstCardOfColumnOne(h)
    await next.card.hover()
    await next.card.getByRole('button', { name: en.card.moveMenu }).click()
    await page.getByTestId('move-menu').locator('[data-target="exit-won"]').click()
    const lane = page.locator('[data-testid="lane-won"].is-revealed')
    await lane.waitFor()
    expect(await lane.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).animationName)).toBe('reveal')
  })
})

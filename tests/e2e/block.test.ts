/**
 * The follow-up block in Chromium against the real service: started with B, worked to the end
 * with single keys only, checked in the data file; the tray's block:start push; quitting early.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBoardHarness, type Harness } from './harness'
import { en } from './catalogs'
import { seedDemo } from './seed'

const open = useBoardHarness()
const progress = (page: Page) => page.getByTestId('block-progress').textContent()
const cardId = (page: Page) => page.getByTestId('block-card').getAttribute('data-contact-id')
const contact = async (h: Harness, id: string) => (await h.readData()).contacts.find((c) => c.id === id)!

describe('follow-up block', () => {
  it('works through every due contact with keys only: touches, a promise, a delivery, a skip and an undo, then records the block', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    const queue = (await h.service.blockQueue()).queue
    expect(queue.length).toBeGreaterThan(4)
    const waiting = queue.find((v) => v.status === 'waiting')!

    await page.keyboard.press('b')
    await page.getByTestId('block-card').waitFor()
    expect(await progress(page)).toBe(`1 of ${queue.length}`)

    const done: Record<string, string> = {}
    let n = 0 // the cards that are not the delivery, each with its own action
    for (let i = 0; i < queue.length; i++) {
      await expect.poll(() => progress(page)).toBe(`${i + 1} of ${queue.length}`)
      const id = (await cardId(page))!
      if (id === waiting.id) {
        await expect(page.getByTestId('block-promise').textContent()).resolves.toMatch(/Promised/)
        await page.keyboard.press('d')
        done[id] = 'delivered'
      } else if (n++ === 0) {
        // Email, no answer, a note.
        await page.keyboard.press('1')
        await page.getByTestId('block-step-outcome').waitFor()
        await page.keyboard.press('n')
        await page.getByTestId('block-input').waitFor()
        await page.keyboard.type('Left a message about the audit')
        await page.keyboard.press('Enter')
        done[id] = 'touch'
      } else if (n === 2) {
        // They promised the signed quote in three days.
        await page.keyboard.press('w')
        await page.getByTestId('block-step-promise-date').waitFor()
        await page.keyboard.type('+3')
        await page.keyboard.press('Enter')
        await page.getByTestId('block-step-promise-what').waitFor()
        await page.keyboard.type('the signed quote')
        await page.keyboard.press('Enter')
        done[id] = 'promise'
      } else if (n === 3) {
        // Skip, change your mind (u brings the card back), then the suggested channel with a reply.
        await page.keyboard.press('k')
        await expect.poll(() => progress(page)).toBe(`${i + 2} of ${queue.length}`)
        await page.keyboard.press('u')
        await expect.poll(() => progress(page)).toBe(`${i + 1} of ${queue.length}`)
        await page.keyboard.press('Enter')
        await page.getByTestId('block-step-outcome').waitFor()
        await page.keyboard.press('r')
        await page.getByTestId('block-input').waitFor()
        await page.keyboard.press('Enter')
        done[id] = 'touch'
      } else if (n === 4) {
        await page.keyboard.press('k')
        done[id] = 'skip'
      } else {
        await page.keyboard.press('Enter')
        await page.getByTestId('block-step-outcome').waitFor()
        await page.keyboard.press('Enter')
        await page.getByTestId('block-input').waitFor()
        await page.keyboard.press('Enter')
        done[id] = 'touch'
      }
    }

    const summary = page.getByTestId('block-summary')
    await summary.waitFor()
    await expect(summary.textContent()).resolves.toContain(en.block.finishedTitle)
    const touches = Object.values(done).filter((d) => d === 'touch').length
    await expect(page.getByTestId('summary-touches').textContent()).resolves.toContain(String(touches))
    await expect(page.getByTestId('summary-promises').textContent()).resolves.toContain('1')
    await expect(page.getByTestId('summary-delivered').textContent()).resolves.toContain('1')
    await expect(page.getByTestId('summary-skipped').textContent()).resolves.toContain('1')
    await expect.poll(() => page.getByTestId('block-streak').textContent()).toContain('Streak: 1 workday')

    // The data file: each action landed, and the block is recorded with its counts.
    const data = await h.readData()
    for (const [id, what] of Object.entries(done)) {
      const before = queue.find((v) => v.id === id)!
      const now = data.contacts.find((c) => c.id === id)!
      if (what === 'touch') expect(now.touches.length, before.name).toBe(before.touchCount + 1)
      if (what === 'skip') expect(now.touches.length).toBe(before.touchCount)
      if (what === 'promise') expect(now).toMatchObject({ status: 'waiting', waitingFor: 'the signed quote' })
      if (what === 'delivered') expect(now.status).toBe('active')
    }
    const first = data.contacts.find((c) => c.id === Object.keys(done).find((id) => done[id] === 'touch'))!
    expect(first.touches.find((t) => t.note === 'Left a message about the audit')).toMatchObject({ channel: 'email', outcome: 'no-reply' })
    expect(data.blocks).toHaveLength(1)
    expect(data.blocks[0]).toMatchObject({ ended: 'queue-empty', touches, promises: 1, delivered: 1, skipped: 1 })

    await page.keyboard.press('Enter')
    await page.getByTestId('today').waitFor()
    expect(await contact(h, waiting.id)).toMatchObject({ status: 'active' })
  })

  it('opens on the tray push, and quitting early records nothing', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await h.push('block:start')
    await page.getByTestId('block-card').waitFor()
    await page.keyboard.press('k')
    await page.keyboard.press('q')
    const summary = page.getByTestId('block-summary')
    await expect(summary.textContent()).resolves.toContain(en.block.quitTitle)
    await expect(summary.textContent()).resolves.toContain(en.block.notRecorded)
    expect((await h.readData()).blocks).toHaveLength(0)
  })
})

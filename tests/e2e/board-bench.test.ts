/**
 * The 10,000-card benchmark (figures, not a pass/fail timing): run it with
 *   node scripts/bench-board.mjs
 * It seeds N generated contacts, opens the board in Chromium and reports time-to-board-visible,
 * frame gaps while dragging with the mouse, and a keyboard drag's time from drop to the
 * popover and from confirm to the card showing in its new column; then the ratio 10,000 : 100.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { emptyDocument, type Contact } from '../../src/core/model'
import { launchChromium, startHarness } from './harness'
import { generatedContacts } from './seed'

const DAY = 86_400_000

function generatedDocument(count: number, now: Date) {
  const doc = emptyDocument()
  doc.contacts = generatedContacts(count).map((g): Contact => {
    const created = new Date(now.getTime() - g.createdDaysAgo * DAY).toISOString()
    return {
      id: randomUUID().slice(0, 10),
      name: g.name[0],
      org: g.org[0],
      kind: g.kind,
      subject: g.subject[0],
      tags: g.tags ?? [],
      status: 'active',
      createdAt: created,
      updatedAt: created,
      touches: (g.touches ?? []).map(([days, channel, outcome]) => ({
        id: randomUUID().slice(0, 10),
        at: new Date(now.getTime() - Math.max(1, days) * DAY).toISOString(),
        channel,
        ...(outcome ? { outcome } : {})
      }))
    }
  })
  return doc
}

/** Marks the first moment a selector matches, from inside the page (no polling delay). */
function markWhen(page: Page, name: string, selector: string) {
  return page.evaluate(
    ([n, s]) => {
      const g = globalThis as unknown as { document: { querySelector(s: string): unknown; body: unknown }; MutationObserver: new (cb: () => void) => { observe(t: unknown, o: object): void; disconnect(): void } }
      return new Promise<void>((resolve) => {
        const check = () => {
          if (!g.document.querySelector(s)) return false
          performance.mark(n)
          observer.disconnect()
          resolve()
          return true
        }
        const observer = new g.MutationObserver(check)
        if (!check()) observer.observe(g.document.body, { childList: true, subtree: true, attributes: true })
      })
    },
    [name, selector] as const
  )
}

const between = (page: Page, from: string, to: string) =>
  page.evaluate(([a, b]) => performance.getEntriesByName(b)[0]!.startTime - performance.getEntriesByName(a)[0]!.startTime, [from, to] as const)

interface Figures {
  contacts: number
  boardVisibleMs: number
  fetchMs: number
  renderMs: number
  dragFrameP95Ms: number
  dragFrameMaxMs: number
  dropToPopoverMs: number
  confirmToMovedMs: number
}

async function measure(browser: Browser, count: number): Promise<Figures> {
  const now = new Date()
  const harness = await startHarness({ browser, seed: (_s, store) => store.replace(generatedDocument(count, now)) })
  const { page } = harness
  try {
    await page.getByTestId('board').waitFor()
    // A fresh load, timed from navigation start to the first card on screen.
    await page.addInitScript(() => {
      const g = globalThis as unknown as { document: { querySelector(s: string): unknown }; MutationObserver: new (cb: () => void) => { observe(t: unknown, o: object): void; disconnect(): void } }
      const observer = new g.MutationObserver(() => {
        if (g.document.querySelector('[data-card-id]')) {
          performance.mark('board-visible')
          observer.disconnect()
        }
      })
      observer.observe(g.document, { childList: true, subtree: true })
    })
    await page.reload()
    await page.locator('[data-card-id]').first().waitFor()
    const boardVisibleMs = await page.evaluate(() => performance.getEntriesByName('board-visible')[0]!.startTime)
    // Of which: the contacts:list round trip (service + this harness's CDP transport), then rendering.
    const fetchMs = await between(page, 'touchbase:fetch-start', 'touchbase:fetch-end')
    const renderMs = await between(page, 'touchbase:fetch-end', 'board-visible')

    // Mouse drag across the board while recording frame gaps; dropped back where it started.
    const first = page.getByTestId('column-1').locator('[data-card-id]').first()
    const box = (await first.boundingBox())!
    const target = (await page.getByTestId('column-4').boundingBox())!
    await page.evaluate(() => {
      const g = globalThis as unknown as { __gaps: number[]; __stop: boolean }
      g.__gaps = []
      g.__stop = false
      let last = performance.now()
      const tick = (t: number) => {
        g.__gaps.push(t - last)
        last = t
        if (!g.__stop) (globalThis as unknown as { requestAnimationFrame(cb: (t: number) => void): void }).requestAnimationFrame(tick)
      }
      (globalThis as unknown as { requestAnimationFrame(cb: (t: number) => void): void }).requestAnimationFrame(tick)
    })
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 8, { steps: 4 })
    await page.mouse.move(target.x + target.width / 2, target.y + 300, { steps: 40 })
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 40 })
    await page.mouse.up()
    const gaps = await page.evaluate(() => {
      const g = globalThis as unknown as { __gaps: number[]; __stop: boolean }
      g.__stop = true
      return g.__gaps.slice(2)
    })
    gaps.sort((a, b) => a - b)
    const dragFrameP95Ms = gaps[Math.floor(gaps.length * 0.95)] ?? 0
    const dragFrameMaxMs = gaps.at(-1) ?? 0

    // Keyboard drag one column right: drop → popover, confirm → card in its new column.
    const id = await first.getAttribute('data-card-id')
    await first.focus()
    await page.keyboard.press('Space')
    await page.waitForTimeout(200)
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(300)
    const popover = markWhen(page, 'popover', '[data-testid="log-touch"]')
    await page.evaluate(() => performance.mark('drop'))
    await page.keyboard.press('Space')
    await popover
    const moved = markWhen(page, 'moved', `[data-list-id="col-2"] [data-card-id="${id}"], [data-testid="toast"]`)
    await page.evaluate(() => performance.mark('confirm'))
    await page.keyboard.press('Enter')
    await moved
    const dropToPopoverMs = await between(page, 'drop', 'popover')
    const confirmToMovedMs = await between(page, 'confirm', 'moved')
    expect((await harness.readData()).contacts.find((c) => c.id === id)?.touches).toHaveLength(2)
    return { contacts: count, boardVisibleMs, fetchMs, renderMs, dragFrameP95Ms, dragFrameMaxMs, dropToPopoverMs, confirmToMovedMs }
  } finally {
    await harness.close()
  }
}

describe.runIf(process.env.TOUCHBASE_BENCH)('board benchmark', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  it('10,000 contacts against 100', { timeout: 300_000 }, async () => {
    const small = await measure(browser, 100)
    const large = await measure(browser, Number(process.env.TOUCHBASE_BENCH_COUNT ?? 10_000))
    const rows = (Object.keys(small) as (keyof Figures)[]).filter((k) => k !== 'contacts')
    const lines = [
      `board benchmark (Chromium ${browser.version()}, headless, ms)`,
      `${'metric'.padEnd(20)}${String(small.contacts).padStart(10)}${String(large.contacts).padStart(10)}     ratio`,
      ...rows.map((k) => `${k.padEnd(20)}${small[k].toFixed(1).padStart(10)}${large[k].toFixed(1).padStart(10)}${(large[k] / Math.max(small[k], 0.1)).toFixed(2).padStart(10)}`)
    ]
    console.log(lines.join('\n'))
  })
})

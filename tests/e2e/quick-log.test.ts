/**
 * The quick-log window (the renderer with #quick-log) in Chromium against the real service:
 * search, pick and log with the keyboard only, checked in the data file; and the fuzzy search at
 * 10,000 contacts (a figure, printed, not a timing assertion).
 */
import { writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { emptyDocument, type Contact } from '../../src/core/model'
import { launchChromium, startHarness, type Harness, type HarnessOptions } from './harness'
import { en, zhCN } from './catalogs'
import { seedDemo } from './seed'

let browser: Browser
let harness: Harness | null = null
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await harness?.close()
  await browser?.close()
})

/** Opens the renderer as main opens the quick-log window: the same page with the hash. */
async function openQuickLog(options: Omit<HarnessOptions, 'browser'> = {}): Promise<Harness> {
  await harness?.close()
  harness = await startHarness({ ...options, browser, viewport: { width: 560, height: 440 } })
  await harness.page.goto(`${harness.url}#quick-log`)
  await harness.page.reload()
  await harness.page.getByTestId('quick-log').waitFor()
  return harness
}

const hits = (page: Page) => page.getByTestId('quick-log-hit')
const touchesOf = async (h: Harness, name: string) => (await h.readData()).contacts.find((c) => c.name === name)!.touches

describe('quick-log window', () => {
  it('finds a contact by a misspelt name, logs a touch with the keyboard only, and is ready for the next', async () => {
    const h = await openQuickLog({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    const search = page.getByTestId('quick-log-search')
    await expect(search.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true)
    expect(await page.title()).toBe(en.quickLog.windowTitle)

    await page.keyboard.type('hnnah')
    await expect.poll(() => hits(page).first().textContent()).toContain('Hannah Schulz')
    await page.keyboard.press('Enter')
    const form = page.getByTestId('quick-log-form')
    await form.waitFor()
    // The suggested channel (email, her only address) is preselected; the note has focus.
    await expect(form.locator('input[type=radio]:checked').getAttribute('value')).resolves.toBe('email')
    await expect(form.locator('textarea').evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true)
    await page.keyboard.type('Confirmed the renewal terms')
    // To the outcome with Tab, pick "Replied" by typing, back to the note and Enter logs.
    await page.keyboard.press('Tab')
    await page.keyboard.type('Rep')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')

    await search.waitFor()
    await expect.poll(async () => (await touchesOf(h, 'Hannah Schulz')).length).toBe(2)
    expect((await touchesOf(h, 'Hannah Schulz')).at(-1)).toMatchObject({ channel: 'email', note: 'Confirmed the renewal terms', outcome: 'replied' })
    await expect(page.getByTestId('toast').textContent()).resolves.toContain('Hannah Schulz')
    // Ready for the next one: an empty search box with focus.
    await expect(search.inputValue()).resolves.toBe('')
    await expect(search.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true)
  })

  it('says when the data file is damaged, saves nothing meanwhile, and logs again once it is repaired', async () => {
    const h = await openQuickLog({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await expect.poll(() => hits(page).count()).toBeGreaterThan(0)
    const good = await h.readDataText()
    await writeFile(h.dataFile, good.slice(0, good.length / 2))
    const problem = page.getByTestId('quick-log-data-problem')
    await problem.waitFor()
    await expect(problem.textContent()).resolves.toBe(`${en.dataFile.damaged.title} ${en.quickLog.dataProblem}`)

    // A touch logged meanwhile is refused: the file keeps its damaged bytes, nothing is lost.
    await page.getByTestId('quick-log-search').fill('hannah')
    await expect.poll(() => hits(page).first().textContent()).toContain('Hannah Schulz')
    await page.keyboard.press('Enter')
    await page.getByTestId('quick-log-form').waitFor()
    await page.keyboard.press('Enter')
    await page.getByTestId('toast').waitFor()
    expect(await h.readDataText()).toBe(good.slice(0, good.length / 2))

    // Repaired outside: the note goes away by itself, and the same touch is saved.
    await writeFile(h.dataFile, good)
    await problem.waitFor({ state: 'detached' })
    await page.getByTestId('quick-log-form').locator('textarea').focus()
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await touchesOf(h, 'Hannah Schulz')).length).toBe(2)
  })

  it('searches org and subject too, moves with the arrows, and Escape steps back without logging', async () => {
    const h = await openQuickLog({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    const before = await h.readDataText()
    await page.keyboard.type('kestrel')
    await expect.poll(() => hits(page).first().textContent()).toContain('Hannah Schulz')
    await page.getByTestId('quick-log-search').fill('glass facade')
    await expect.poll(() => hits(page).first().textContent()).toContain('Lucas Moreau')

    await page.getByTestId('quick-log-search').fill('e')
    await expect.poll(() => hits(page).count()).toBeGreaterThan(2)
    const second = await hits(page).nth(1).textContent()
    await page.keyboard.press('ArrowDown')
    await expect(hits(page).nth(1).getAttribute('aria-selected')).resolves.toBe('true')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('quick-log-form').textContent()).resolves.toContain(second!.split(/\s/)[0])
    await page.keyboard.press('Escape')
    await page.getByTestId('quick-log-search').waitFor()
    await expect(page.getByTestId('quick-log-search').inputValue()).resolves.toBe('e')
    expect(await h.readDataText()).toBe(before)
  })

  it('speaks Chinese and finds Chinese names', async () => {
    const h = await openQuickLog({ locale: 'zh-CN', seed: (_s, store) => seedDemo(store, { language: 'zh' }) })
    const { page } = h
    await expect(page.getByTestId('quick-log').textContent()).resolves.toContain(zhCN.quickLog.title)
    await page.keyboard.type('美玲')
    await expect.poll(() => hits(page).first().textContent()).toContain('陈美玲')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.getByTestId('quick-log-search').waitFor()
    await expect.poll(async () => (await touchesOf(h, '陈美玲')).length).toBe(1)
  })

  it('stays instant at 10,000 contacts', async () => {
    const now = new Date()
    const doc = emptyDocument()
    // Created ten days ago and never touched: all overdue, so the idle list shows them.
    const at = new Date(now.getTime() - 10 * 86_400_000).toISOString()
    const contact = (i: number, name: string, org: string, subject: string): Contact => ({
      id: `c${i}`,
      name,
      org,
      subject,
      kind: 'lead',
      tags: [],
      status: 'active',
      createdAt: at,
      updatedAt: at,
      touches: []
    })
    doc.contacts = Array.from({ length: 10_000 }, (_, i) => contact(i, `Person ${i} ${['Chen', 'Becker', 'Raman', 'Moreau'][i % 4]}`, `Company ${(i * 7919) % 997}`, `Deal #${i}`))
    doc.contacts.push(contact(10_000, 'Wilhelmina Oyelaran', 'Quartzline Robotics', 'Gripper retrofit'))
    const h = await openQuickLog({ seed: (_s, store) => store.replace(doc) })
    const { page } = h
    await expect.poll(() => hits(page).count(), { timeout: 30_000 }).toBeGreaterThan(0)

    // Types one query at a time from inside the page and times keystroke → matching result shown.
    const timeQuery = (query: string, expected: string) =>
      page.getByTestId('quick-log-search').evaluate(
        (el, [q, want]) => {
          // Typed structurally: the tests compile without the DOM library.
          type Page = {
            performance: { now(): number }
            requestAnimationFrame(callback: () => void): void
            Event: new (type: string, init: object) => object
            HTMLInputElement: { prototype: object }
          }
          const input = el as unknown as { ownerDocument: { defaultView: Page; querySelector(s: string): { textContent: string | null } | null }; dispatchEvent(e: object): void }
          const win = input.ownerDocument.defaultView
          const setValue = Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!.set!
          return new Promise<number>((resolve) => {
            const start = win.performance.now()
            setValue.call(input, q)
            input.dispatchEvent(new win.Event('input', { bubbles: true }))
            const check = () => {
              const first = input.ownerDocument.querySelector('[data-testid=quick-log-hit]')
              if (first?.textContent?.includes(want)) resolve(win.performance.now() - start)
              else win.requestAnimationFrame(check)
            }
            check()
          })
        },
        [query, expected] as const
      )
    const figures: Record<string, number> = {}
    for (const [query, expected] of [
      ['wilhel', 'Wilhelmina Oyelaran'],
      ['quartz', 'Wilhelmina Oyelaran'],
      ['grippr retro', 'Wilhelmina Oyelaran'],
      ['Person 4242', 'Person 4242 Raman']
    ] as const) {
      figures[query] = Math.round(await timeQuery(query, expected))
      await timeQuery('', 'Person') // back to the idle list between queries
    }
    console.log('[quick-log] keystroke → result shown at 10,001 contacts, ms:', figures)
    await timeQuery('Person 4242', 'Person 4242 Raman')
    await page.keyboard.press('Enter')
    await page.getByTestId('quick-log-form').waitFor()
    await page.keyboard.press('Enter')
    await page.getByTestId('quick-log-search').waitFor()
    await expect.poll(async () => (await touchesOf(h, 'Person 4242 Raman')).length).toBe(1)
  })
})

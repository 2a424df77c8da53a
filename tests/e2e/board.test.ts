/**
 * The board in Chromium against the real service and data file. Run after a build:
 *   npx electron-vite build && npx vitest run --project e2e
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBoardHarness, type Harness } from './harness'
import { dragRightWithKeyboard, dragWithMouse } from './drag'
import { DEMO, seedDemo } from './seed'
import { en, englishPatterns, zhCN } from './catalogs'
import { clippedOnCards } from './card-lines'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security-policy'


const openBoard = useBoardHarness()
const open = (options: { language?: 'en' | 'zh'; locale?: string } = {}): Promise<Harness> =>
  openBoard({ locale: options.locale, seed: (_s, store) => seedDemo(store, { language: options.language ?? 'en' }) })

const card = (page: Page, name: string) => page.locator(`[data-card-id]`).filter({ hasText: name })
const columnCount = async (page: Page, n: number) => Number(await page.getByTestId(`column-count-${n}`).textContent())
const touchesInFile = async (h: Harness, name: string) => (await h.readData()).contacts.find((c) => c.name === name)?.touches.length

describe('board', () => {
  it('shows every column with its count and the 5+ reason', async () => {
    const { page } = await open()
    const expected = [0, 1, 2, 3, 4, 5].map((n) => DEMO.filter((d) => !d.close && Math.min(d.touches?.length ?? 0, 5) === n).length)
    for (const [n, count] of expected.entries()) expect(await columnCount(page, n)).toBe(count)
    await expect(page.getByTestId('column-5').textContent()).resolves.toContain(en.board.hintFivePlus)
    expect(Number(await page.getByTestId('lane-count-won').textContent())).toBe(2)
  })

  it('drags a card from 1 to 2 touches with the mouse, logging a touch in the data file, then undoes it', async () => {
    const h = await open()
    const { page } = h
    expect(await touchesInFile(h, 'Lucas Moreau')).toBe(1)
    await dragWithMouse(page, card(page, 'Lucas Moreau'), page.getByTestId('column-2'))
    const popover = page.getByTestId('log-touch')
    await popover.waitFor()
    await popover.getByText(en.channel.call, { exact: true }).click()
    await popover.locator('textarea').fill('Sent the revised quote')
    await popover.locator('textarea').press('Enter')
    await page.getByTestId('column-2').locator('[data-card-id]', { hasText: 'Lucas Moreau' }).waitFor()
    const saved = (await h.readData()).contacts.find((c) => c.name === 'Lucas Moreau')!
    expect(saved.touches).toHaveLength(2)
    expect(saved.touches.at(-1)).toMatchObject({ channel: 'call', note: 'Sent the revised quote' })

    await page.getByTestId('toast').getByRole('button', { name: en.toast.undo }).click()
    await page.getByTestId('column-1').locator('[data-card-id]', { hasText: 'Lucas Moreau' }).waitFor()
    expect(await touchesInFile(h, 'Lucas Moreau')).toBe(1)
  })

  it('logs a dragged touch with one IPC call and one write, and no refetch', async () => {
    const h = await open()
    const { page } = h
    await page.waitForTimeout(300) // let the start-up fetches finish
    h.calls.length = 0
    const writesBefore = h.writes()
    await dragWithMouse(page, card(page, 'Lucas Moreau'), page.getByTestId('column-2'))
    const popover = page.getByTestId('log-touch')
    await popover.waitFor()
    await popover.locator('textarea').fill('Called back')
    await popover.locator('textarea').press('Enter')
    await page.getByTestId('column-2').locator('[data-card-id]', { hasText: 'Lucas Moreau' }).waitFor()
    await page.waitForTimeout(500) // time for any refetch the change might (wrongly) trigger
    expect(h.calls).toEqual(['touch:log'])
    expect(h.writes() - writesBefore).toBe(1)
    expect(await touchesInFile(h, 'Lucas Moreau')).toBe(2)
  })

  it('moves a card with the keyboard: Space, ArrowRight, Space, then Enter in the popover', async () => {
    const h = await open()
    const { page } = h
    await dragRightWithKeyboard(page, card(page, 'Hannah Schulz'))
    const popover = page.getByTestId('log-touch')
    await popover.waitFor()
    // The suggestion (email, her only address) is preselected; Enter confirms.
    await expect(popover.locator('input[type=radio]:checked').getAttribute('value')).resolves.toBe('email')
    await page.keyboard.press('Enter')
    await page.getByTestId('column-2').locator('[data-card-id]', { hasText: 'Hannah Schulz' }).waitFor()
    expect(await touchesInFile(h, 'Hannah Schulz')).toBe(2)
  })

  it('Escape cancels the popover and changes nothing', async () => {
    const h = await open()
    const { page } = h
    const before = await h.readDataText()
    await card(page, 'Diego Alvarez').focus()
    await page.keyboard.press('t')
    await page.getByTestId('log-touch').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('log-touch').waitFor({ state: 'detached' })
    expect(await h.readDataText()).toBe(before)
  })

  it('moves cards through the "Move to column…" menu: several columns right after a confirmation, and onto Won', async () => {
    const h = await open()
    const { page } = h
    await card(page, 'Maya Chen').hover()
    await card(page, 'Maya Chen').getByRole('button', { name: en.card.moveMenu }).click()
    await page.getByTestId('move-menu').locator('[data-target="col-3"]').click()
    const confirm = page.getByTestId('confirm')
    await confirm.waitFor()
    await confirm.getByRole('button', { name: 'Log 3 touches' }).click()
    await page.getByTestId('column-3').locator('[data-card-id]', { hasText: 'Maya Chen' }).waitFor()
    expect(await touchesInFile(h, 'Maya Chen')).toBe(3)

    await card(page, 'Grace Liu').focus()
    await page.keyboard.press('m')
    await page.getByTestId('move-menu').locator('[data-target="exit-won"]').click()
    await expect.poll(() => page.getByTestId('lane-count-won').textContent()).toBe('3')
    expect((await h.readData()).contacts.find((c) => c.name === 'Grace Liu')?.status).toBe('won')
  })

  it('filters to vendors and the column counts follow', async () => {
    const { page } = await open()
    await page.getByTestId('filter-kind').selectOption('vendor')
    const vendors = DEMO.filter((d) => d.kind === 'vendor' && !d.close)
    await expect.poll(() => columnCount(page, 0)).toBe(0)
    for (const n of [1, 2, 3, 4, 5]) expect(await columnCount(page, n)).toBe(vendors.filter((d) => Math.min(d.touches?.length ?? 0, 5) === n).length)
    expect(await page.locator('[data-card-id]').count()).toBe(vendors.length)
    await page.getByTestId('search').fill('Olivia')
    await expect.poll(() => page.locator('[data-card-id]').count()).toBe(1)
  })

  it('rejects an invalid RRULE in the contact form, saying why, and saves nothing', async () => {
    const h = await open()
    const { page } = h
    const before = await h.readDataText()
    await page.keyboard.press('n')
    const form = page.getByTestId('contact-form')
    await form.waitFor()
    await form.locator('input[name=name]').fill('Rita Lopez')
    await form.getByTestId('cadence-preset').selectOption('custom')
    for (const [rule, message] of [
      ['FREQ=SOMETIMES;BYDAY=XX', en.validation.rrule],
      // Never happens: refused at once, not after a search to the year 9999.
      ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', en.validation.rruleNeverOccurs],
      ['FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30', en.validation.rruleTooFrequent]
    ] as const) {
      await form.getByTestId('cadence-rule').fill(rule)
      await form.getByTestId('save-contact').click()
      await expect.poll(() => form.getByTestId('cadence-editor').textContent()).toContain(message)
    }
    expect(await h.readDataText()).toBe(before)

    await form.getByTestId('cadence-rule').fill('FREQ=WEEKLY;BYDAY=TU')
    await form.getByTestId('save-contact').click()
    await form.waitFor({ state: 'detached' })
    const added = (await h.readData()).contacts.find((c) => c.name === 'Rita Lopez')
    expect(added?.cadence).toBe('FREQ=WEEKLY;BYDAY=TU')
  })

  it('runs under the one CSP main also sends as a header, written into the page at build time', async () => {
    const { page } = await open()
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY)
    // And the page is held to it: an inline script does not run.
    await page.addScriptTag({ content: 'document.body.dataset.inline = "ran"' }).catch(() => {})
    expect(await page.locator('body').getAttribute('data-inline')).toBeNull()
  })

  it('opens Today from the reminder, acts on a due contact, and opens a contact from the tray', async () => {
    const h = await open()
    const { page } = h
    await h.push('reminder:open-due')
    const today = page.getByTestId('today')
    await today.waitFor()
    // Everything due, in Today's sections before "Coming up".
    const items = today.locator('[data-testid=today-item]:not(.in-comingUp)')
    const due = await h.service.due()
    expect(await items.count()).toBe(due.length)
    // In sections, each most urgent first, as the service orders them.
    const sections = await h.service.today()
    const top = [...sections.overdue, ...sections.today, ...sections.theyOweYou][0]!
    expect(await items.first().textContent()).toContain(top.name)

    const first = items.first()
    const name = top.name
    await first.getByRole('button', { name: en.today.logTouch }).click()
    await page.getByTestId('log-touch').waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => touchesInFile(h, name)).toBe(top.touchCount + 1)

    const sam = due.find((d) => d.name === 'Samuel Okafor')!
    await h.push('contact:open', sam.id)
    await page.getByTestId('contact-detail').getByRole('heading', { name: 'Samuel Okafor' }).waitFor()
  })

  it('asks before saving a touch dated before the contact was added, and shows a cadence that has run out', async () => {
    const h = await open()
    const { page } = h
    // Its own rule ended in 2020 (UNTIL): accepted, but the contact will not be due again.
    const ada = await h.service.addContact({ name: 'Ada Ended', cadence: 'FREQ=WEEKLY;UNTIL=20200101T000000Z' })
    await h.service.logTouch(ada.id, { channel: 'email' })
    await h.push('data:changed')
    await card(page, 'Ada Ended').waitFor()
    await h.push('contact:open', ada.id)
    const detail = page.getByTestId('contact-detail')
    await detail.getByRole('heading', { name: 'Ada Ended' }).waitFor()
    expect(await detail.getByTestId('cadence-notice').textContent()).toBe(en.detail.cadenceNotice['cadence-ended'])

    const editTo = async (when: string, confirm: boolean) => {
      await detail.getByRole('button', { name: `${en.detail.editTouch} ${en.detail.touchNumber.replace('{{n}}', '1')}` }).click()
      await detail.getByLabel(en.detail.when).fill(when)
      if (confirm) await detail.getByLabel(en.detail.beforeCreated).check()
      else expect(await detail.getByLabel(en.detail.beforeCreated).isChecked()).toBe(false)
      await detail.getByRole('button', { name: en.detail.saveTouch }).click()
    }
    await editTo('2020-03-01T10:00', false)
    await page.getByText(en.errors['touch-before-created']).first().waitFor()
    expect((await h.readData()).contacts.find((c) => c.id === ada.id)?.touches[0]?.at).not.toMatch(/^2020-/)
    await editTo('2020-03-01T10:00', true)
    await expect.poll(async () => (await h.readData()).contacts.find((c) => c.id === ada.id)?.touches[0]?.at.slice(0, 7)).toBe('2020-03')
  })

  it('re-fetches on data:changed', async () => {
    const h = await open()
    await h.service.addContact({ name: 'Added Elsewhere', kind: 'vendor' })
    await h.push('data:changed')
    await card(h.page, 'Added Elsewhere').waitFor()
  })
})


describe('简体中文', () => {
  it('switches the whole UI to Chinese: no English UI text on the board, Today, Insights and the dialogs', async () => {
    const h = await open({ language: 'zh' })
    const { page } = h
    await page.getByTestId('open-settings').click()
    await page.getByTestId('language-zh-CN').check({ force: true })
    await page.getByTestId('save-settings').click()
    await page.getByText(zhCN.views.board, { exact: true }).waitFor()
    expect((await h.readData()).settings.language).toBe('zh-CN')

    const patterns = englishPatterns()
    const englishIn = async () => {
      const text = await page.evaluate<string>('document.body.innerText')
      return patterns.filter((p) => p.test(text)).map((p) => p.source)
    }
    expect(await englishIn()).toEqual([])
    await page.getByTestId('tab-today').click()
    await page.getByTestId('today').waitFor()
    expect(await englishIn()).toEqual([])
    await page.getByTestId('tab-insights').click()
    await page.getByTestId('insights').waitFor()
    expect(await englishIn()).toEqual([])
    await page.getByTestId('tab-board').click()
    await page.locator('[data-card-id]').first().click()
    await page.getByTestId('contact-detail').waitFor()
    expect(await englishIn()).toEqual([])
    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    await page.getByTestId('contact-form').waitFor()
    expect(await englishIn()).toEqual([])
    await page.keyboard.press('Escape')
    await page.keyboard.press('?')
    await page.getByTestId('shortcuts').waitFor()
    expect(await englishIn()).toEqual([])
  })

  it('marks the cards where you usually stop, and nothing on a card line is cut off', async () => {
    // The demo's give-ups stop at 2, 3 and 5+ touches, once each: the earlier stop is the mark.
    for (const language of ['en', 'zh'] as const) {
      const { page } = await open({ language, locale: language === 'zh' ? 'zh-CN' : 'en-US' })
      const catalog = language === 'zh' ? zhCN : en
      const samuel = card(page, DEMO.find((d) => d.name[0] === 'Samuel Okafor')!.name[language === 'zh' ? 1 : 0])
      const mark = samuel.getByTestId('usual-stop')
      await expect(mark.textContent()).resolves.toBe(catalog.card.usualStopShort)
      await expect(mark.getAttribute('title')).resolves.toBe(catalog.card.usualStop)
      await expect(page.getByTestId('column-1').getByTestId('usual-stop').count()).resolves.toBe(0)
      // The last touch, the mark, Delivered and the due text each show whole, in both languages.
      expect(await clippedOnCards(page)).toEqual([])
    }
  })

  it('follows a Chinese OS locale when the language is "system"', async () => {
    const { page } = await open({ language: 'zh', locale: 'zh-CN' })
    await expect(page.getByTestId('column-5').textContent()).resolves.toContain(zhCN.board.hintFivePlus)
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN')
  })
})

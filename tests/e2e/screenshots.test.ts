/**
 * Regenerates docs/screenshots/*.png from the built renderer with realistic demo data:
 *   npx electron-vite build && TOUCHBASE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/screenshots.test.ts
 * Gated so the regular e2e run does not rewrite the committed images.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, ROOT, startHarness, type Harness } from './harness'
import { seedDemo } from './seed'
import { generateDocument } from '../../bench/generate'
import type { TouchbaseService } from '../../src/service/service'
import { localDay } from '../../src/core/time'

const DAY = 86_400_000

/** A few more shades for the daily loop's screens: a long-overdue lead, a high priority, what a vendor promised. */
async function seedLoopExtras(service: TouchbaseService, language: 'en' | 'zh'): Promise<void> {
  const zh = language === 'zh'
  const now = Date.now()
  const byName = async (name: string) => (await service.list()).find((c) => c.name === name)!
  const late = await service.addContact({ name: zh ? '高文博' : 'Marcus Webb', org: zh ? '北辰制造' : 'Northstar Manufacturing', kind: 'lead', subject: zh ? '产线监控改造' : 'Line monitoring retrofit', email: 'marcus@northstar.example' })
  await service.logTouch(late.id, { force: true, channel: 'email', at: new Date(now - 40 * DAY).toISOString(), outcome: 'no-reply', note: zh ? '发送了报价单' : 'Sent the proposal' })
  const weeks = await service.addContact({ name: zh ? '周晓彤' : 'Nina Park', org: zh ? '清溪酒店' : 'Clearwater Hotels', kind: 'customer', subject: zh ? '宴会厅音响升级' : 'Ballroom sound upgrade', phone: '+1 206 555 0199' })
  await service.logTouch(weeks.id, { force: true, channel: 'call', at: new Date(now - 16 * DAY).toISOString(), outcome: 'replied', note: zh ? '下周再联系' : 'Call back after the board meeting' })
  await service.editContact((await byName(zh ? '陈美玲' : 'Maya Chen')).id, { priority: 'high' })
  await service.editContact((await byName(zh ? '卡特' : 'Ben Carter')).id, { priority: 'high' })
  const olivia = await byName(zh ? '格兰特' : 'Olivia Grant')
  await service.wait(olivia.id, localDay(new Date(now + 3 * DAY), service.timeZone()), zh ? '签好的运价表' : 'the signed rate card')
}

const OUT = join(ROOT, 'docs/screenshots')

export async function captureScreens(browser: Browser, language: 'en' | 'zh', theme: 'light' | 'dark', extra: boolean): Promise<void> {
  const harness: Harness = await startHarness({
    browser,
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
    colorScheme: theme,
    viewport: { width: 1440, height: 860 },
    seed: async (service, store) => {
      await seedDemo(store, { language })
      if (extra) await seedLoopExtras(service, language)
    }
  })
  const { page } = harness
  const name = (screen: string) => join(OUT, `${screen}-${language}-${theme}.png`)
  try {
    await page.getByTestId('board').waitFor()
    await page.mouse.move(0, 0)
    await page.screenshot({ path: name('board') })
    if (!extra) return
    await page.getByTestId('tab-today').click()
    await page.getByTestId('today-item').first().waitFor()
    await page.waitForTimeout(200)
    await page.screenshot({ path: name('today') })
    await page.getByTestId('section-overdue').scrollIntoViewIfNeeded()
    await page.screenshot({ path: name('today-sections') })
    await page.getByTestId('planner').screenshot({ path: name('planner') })
    await page.getByTestId('start-block').click()
    await page.getByTestId('block-card').waitFor()
    await page.waitForTimeout(1200)
    await page.screenshot({ path: name('block') })
    await page.keyboard.press('q')
    await page.getByTestId('block-summary').waitFor()
    await page.keyboard.press('Enter')
    await page.getByTestId('tab-insights').click()
    await page.getByTestId('insights').waitFor()
    await page.getByTestId('give-up-chart-key-2').click()
    await page.mouse.move(0, 0)
    // Insights scroll inside the window: a taller one shows every figure at once.
    await page.setViewportSize({ width: 1440, height: 1480 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: name('insights') })
    await page.setViewportSize({ width: 1440, height: 860 })
    await page.getByTestId('tab-board').click()
    await page.locator('[data-card-id]').filter({ hasText: language === 'zh' ? '刘雅琪' : 'Grace Liu' }).click()
    await page.getByTestId('contact-detail').waitFor()
    await page.waitForTimeout(200)
    await page.screenshot({ path: name('contact-detail') })
    await page.keyboard.press('Escape')
    await page.getByTestId('new-contact').click()
    await page.locator('input[name=name]').fill(language === 'zh' ? '王芳' : 'Rita Lopez')
    await page.getByTestId('cadence-preset').selectOption('weekly')
    await page.waitForTimeout(100)
    await page.screenshot({ path: name('contact-form') })
    await page.keyboard.press('Escape')
    const card = page.locator('[data-card-id]').first()
    await card.focus()
    await page.keyboard.press('t')
    await page.getByTestId('log-touch').waitFor()
    await page.waitForTimeout(100)
    await page.screenshot({ path: name('log-touch') })
  } finally {
    await harness.close()
  }
  if (extra) await captureQuickLog(browser, language, theme)
}

/** The quick-log window as main opens it: the same renderer with #quick-log, in a small window. */
async function captureQuickLog(browser: Browser, language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  const harness = await startHarness({
    browser,
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
    colorScheme: theme,
    viewport: { width: 560, height: 460 },
    seed: (_service, store) => seedDemo(store, { language })
  })
  try {
    const { page } = harness
    await page.goto(`${harness.url}#quick-log`)
    await page.reload()
    await page.getByTestId('quick-log').waitFor()
    await page.keyboard.type(language === 'zh' ? '数据' : 'sam')
    await page.waitForTimeout(200)
    await page.screenshot({ path: join(OUT, `quick-log-${language}-${theme}.png`) })
  } finally {
    await harness.close()
  }
}

/** A board of 10,000 generated contacts right after a card was moved from 1 to 2 touches: the card in sight, highlighted. */
export async function captureMovedCard(browser: Browser, language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  const harness = await startHarness({
    browser,
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
    colorScheme: theme,
    viewport: { width: 1440, height: 860 },
    seed: (_service, store) => store.replace(generateDocument({ contacts: 10_000, now: new Date(), language }))
  })
  const { page } = harness
  try {
    // The still highlight (reduced motion) is what the animated one shows for its first second.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const card = page.locator('[data-list-id="col-1"] [data-card-id]').first()
    const id = await card.getAttribute('data-card-id')
    await card.focus()
    await page.keyboard.press('t')
    await page.getByTestId('log-touch').waitFor()
    await page.getByTestId('log-touch').locator('textarea').fill(language === 'zh' ? '发送了修改后的报价' : 'Sent the revised quote')
    await page.getByTestId('log-touch').locator('textarea').press('Enter')
    await page.locator(`[data-list-id="col-2"] [data-card-id="${id}"].is-revealed`).waitFor()
    await page.mouse.move(0, 0)
    await page.screenshot({ path: join(OUT, `board-moved-${language}-${theme}.png`) })
  } finally {
    await harness.close()
  }
}

describe.runIf(process.env.TOUCHBASE_SCREENSHOTS)('screenshots', () => {
  let browser: Browser
  beforeAll(async () => {
    await mkdir(OUT, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  for (const language of ['en', 'zh'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${language} ${theme}`, () => captureScreens(browser, language, theme, true))
      it(`${language} ${theme}: a moved card in sight on a 10,000-contact board`, () => captureMovedCard(browser, language, theme))
    }
  }
})

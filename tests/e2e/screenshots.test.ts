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

const OUT = join(ROOT, 'docs/screenshots')

export async function captureScreens(browser: Browser, language: 'en' | 'zh', theme: 'light' | 'dark', extra: boolean): Promise<void> {
  const harness: Harness = await startHarness({
    browser,
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
    colorScheme: theme,
    viewport: { width: 1440, height: 860 },
    seed: (_service, store) => seedDemo(store, { language })
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
    await page.screenshot({ path: name('today') })
    await page.getByTestId('tab-insights').click()
    await page.getByTestId('insights').waitFor()
    await page.screenshot({ path: name('insights') })
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

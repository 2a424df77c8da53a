/**
 * Regenerates docs/screenshots/sync-*.png and team-board-*.png: Settings → Sync and a team
 * board, in both languages and themes, with a real pouchdb-server and a teammate's instance:
 *   npx electron-vite build && TOUCHBASE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/sync-screenshots.test.ts
 * Gated so the regular e2e run does not rewrite the committed images.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { Channel, Outcome } from '../../src/core/model'
import { addUser, setUpBoard } from '../../src/sync'
import { startSyncServer } from '../sync/server'
import { Instance } from '../sync/instance'
import { launchChromium, ROOT, startHarness } from './harness'
import { seedDemo } from './seed'

const OUT = join(ROOT, 'docs/screenshots')
const DAY = 86_400_000
type Text = readonly [en: string, zh: string]

/** What bob, a teammate, has on the procurement board: touches days ago, and an owner. */
const TEAM: { name: Text; org: Text; subject: Text; owner?: 'alice' | 'bob'; touches: [number, Channel, Outcome?][] }[] = [
  { name: ['Priya Shah', '沈佳怡'], org: ['Northwind Servers', '北风服务器'], subject: ['Rack quote for Q1', '一季度机柜报价'], owner: 'bob', touches: [[9, 'email', 'no-reply'], [2, 'call', 'replied']] },
  { name: ['Tomás Ruiz', '鲁托马'], org: ['Lumen Networks', '流明网络'], subject: ['Switch renewal, 48 ports', '48 口交换机续保'], owner: 'alice', touches: [[4, 'email', 'replied']] },
  { name: ['Hana Kim', '金花'], org: ['Kestrel Storage', '红隼存储'], subject: ['NAS warranty claim', 'NAS 保修索赔'], touches: [[20, 'email', 'no-reply'], [13, 'call', 'no-reply'], [6, 'email']] }
]

async function capture(browser: Browser, language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  const lang = language === 'zh' ? 1 : 0
  const server = await startSyncServer()
  const password = { alice: 'alice-demo-pw', bob: 'bob-demo-pw' }
  await addUser(server.url, server.admin, 'alice', password.alice)
  await addUser(server.url, server.admin, 'bob', password.bob)
  await setUpBoard(server.url, server.admin, 'procurement', ['alice', 'bob'])
  const bob = await Instance.open('bob', { server: server.url, user: 'bob', password: password.bob, boards: ['procurement'] })
  const now = Date.now()
  for (const demo of TEAM) {
    const contact = await bob.service.addContact({ name: demo.name[lang], org: demo.org[lang], subject: demo.subject[lang], kind: 'vendor' })
    await bob.sync()
    await bob.service.moveToBoard(contact.id, 'procurement')
    for (const [days, channel, outcome] of demo.touches) await bob.service.logTouch(contact.id, { force: true, channel, ...(outcome ? { outcome } : {}), at: new Date(now - days * DAY).toISOString() })
    if (demo.owner) await bob.service.editContact(contact.id, { owner: demo.owner })
  }
  await bob.sync()

  const harness = await startHarness({
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
    await page.getByTestId('open-settings').click()
    const section = page.getByTestId('settings-sync')
    await section.scrollIntoViewIfNeeded()
    await page.getByTestId('sync-server').fill(server.url)
    await page.getByTestId('sync-user').fill('alice')
    await page.getByTestId('sync-password').fill(password.alice)
    await page.getByTestId('sync-boards').fill('procurement')
    await page.getByTestId('sync-setup').click()
    await page.locator('[data-testid="sync-state"][data-state="synced"]').waitFor({ timeout: 60_000 })
    await page.getByTestId('sync-test').click()
    await page.getByTestId('sync-result').waitFor()
    // "Sync is on" goes by itself after a few seconds; the picture is without it.
    await page.getByTestId('toast').waitFor({ state: 'detached', timeout: 15_000 })
    await page.mouse.move(0, 0)
    // The dialog scrolls: the sync section, from its top.
    await section.evaluate((el) => (el as unknown as { scrollIntoView: (o: object) => void }).scrollIntoView({ block: 'start' }))
    await page.waitForTimeout(300)
    await page.screenshot({ path: name('sync-settings') })
    await page.keyboard.press('Escape')

    await page.locator('[data-card-id]').filter({ hasText: TEAM[0]!.name[lang] }).waitFor({ timeout: 30_000 })
    await page.getByTestId('filter-board').selectOption('board:procurement')
    await page.locator('[data-card-id]').filter({ hasText: TEAM[2]!.name[lang] }).waitFor()
    // No toast, focus ring or hover in the picture.
    await page.evaluate('document.activeElement && document.activeElement.blur()')
    await page.mouse.move(0, 0)
    await page.waitForTimeout(200)
    await page.screenshot({ path: name('team-board') })
    await page.locator('[data-card-id]').filter({ hasText: TEAM[0]!.name[lang] }).click()
    await page.getByTestId('timeline').waitFor()
    await page.waitForTimeout(200)
    await page.screenshot({ path: name('team-detail') })
  } finally {
    await harness.close()
    await bob.close()
    await server.stop()
  }
}

describe.runIf(process.env.TOUCHBASE_SCREENSHOTS)('sync screenshots', () => {
  let browser: Browser
  beforeAll(async () => {
    await mkdir(OUT, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  for (const language of ['en', 'zh'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${language} ${theme}`, () => capture(browser, language, theme))
    }
  }
})

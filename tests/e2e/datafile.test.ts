/**
 * The data file damaged or deleted under the open board (issue 10, item 6), in Chromium against
 * the real store, service and api host: the banner says what happened and offers the ways back,
 * and goes away by itself once the file is usable again. Run after a build:
 *   npx electron-vite build && npx vitest run --project e2e tests/e2e/datafile.test.ts
 * With TOUCHBASE_SCREENSHOTS=1 it also writes docs/screenshots/data-banner-*.png.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, screenshot, startHarness, type Harness, type HarnessOptions } from './harness'
import { DEMO, seedDemo } from './seed'
import { emptyDocument } from '../../src/core/model'
import { en, englishPatterns, zhCN } from './catalogs'

let browser: Browser | undefined
let harness: Harness | null = null
beforeAll(async () => void (browser = await launchChromium()))
afterAll(async () => browser?.close())
afterEach(async () => {
  await harness?.close()
  harness = null
})

async function open(options: Omit<HarnessOptions, 'browser'> = {}, waitFor = 'board'): Promise<Harness> {
  harness = await startHarness({ ...options, ...(browser ? { browser } : {}) })
  await harness.page.getByTestId(waitFor).waitFor()
  return harness
}

const demo = (language: 'en' | 'zh' = 'en', count = 6): HarnessOptions['seed'] => (_s, store) => seedDemo(store, { language, contacts: DEMO.slice(0, count) })
const banner = (page: Page) => page.getByTestId('data-banner')
const cards = (page: Page) => page.locator('[data-card-id]')
const focusedTestId = (page: Page) => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`)
const backupsOf = async (h: Harness) => (await readdir(join(h.dataDir, 'backups'))).map((name) => join(h.dataDir, 'backups', name))

describe('the data file deleted under the open board', () => {
  it('says so, keeps the board, refuses changes, and restores the latest backup from the banner by keyboard', async () => {
    const h = await open({ seed: demo() })
    const { page } = h
    await expect.poll(() => cards(page).count()).toBe(6)
    // The seed's second write kept the first version (one contact) as today's backup.
    const [backup] = await backupsOf(h)

    await unlink(h.dataFile)
    await banner(page).waitFor()
    expect(await banner(page).getAttribute('data-state')).toBe('missing')
    const text = await banner(page).innerText()
    for (const said of [en.dataFile.missing.title, en.dataFile.missing.what, en.dataFile.missing.untouched, en.dataFile.missing.putBack, h.dataFile, backup!]) expect(text).toContain(said)
    expect(await page.getByTestId('data-banner-backup').innerText()).toMatch(/\d{4}/) // its date
    // What Touchbase still holds stays on screen; no new file appeared.
    expect(await cards(page).count()).toBe(6)
    expect(existsSync(h.dataFile)).toBe(false)

    // A change is refused with the banner's reason, and nothing is written.
    await page.keyboard.press('n')
    await page.locator('input[name=name]').fill('Rita Lopez')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('form-alert').innerText()).toContain(en.errors['data-file'])
    await page.keyboard.press('Escape')
    expect(existsSync(h.dataFile)).toBe(false)

    // Reachable from the keyboard: Tab from the search field gets to "Restore the backup of …".
    await page.getByTestId('search').focus()
    for (let i = 0; i < 30 && (await focusedTestId(page)) !== 'data-restore'; i++) await page.keyboard.press('Tab')
    expect(await focusedTestId(page)).toBe('data-restore')
    expect(await page.getByTestId('data-restore').innerText()).toMatch(/^Restore the backup of .*\d{4}/)
    await page.keyboard.press('Enter')

    // Gone by itself once the file is back; the board shows the backup.
    await banner(page).waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/Restored 1 contact from the backup of .*What Touchbase held before is kept in .*before-restore/)
    await expect.poll(() => cards(page).count()).toBe(1)
    expect((await h.readData()).contacts.map((c) => c.name)).toEqual(['Maya Chen'])
    // What the board held when the file vanished is kept, as the restore's own backup.
    const kept = (await backupsOf(h)).find((path) => path.includes('before-restore'))!
    expect(JSON.parse(await readFile(kept, 'utf8')).contacts).toHaveLength(6)
  })

  it('starts a new file with what it shows, only after a confirmation that says so', async () => {
    const h = await open({ seed: demo('en', 3) })
    const { page } = h
    await expect.poll(() => cards(page).count()).toBe(3)
    await unlink(h.dataFile)
    await banner(page).waitFor()
    await page.getByTestId('data-recreate').click()
    const confirm = page.getByTestId('confirm')
    expect(await confirm.innerText()).toContain(`Touchbase writes the 3 contacts it still shows to a new data file at ${h.dataFile}`)
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    expect(existsSync(h.dataFile)).toBe(false)

    await page.getByTestId('data-recreate').click()
    await page.keyboard.press('Enter')
    await banner(page).waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Saved 3 contacts to a new data file.')
    expect((await h.readData()).contacts).toHaveLength(3)
  })
})

describe('the data file damaged under the open board', () => {
  it('says what happened and where the exact copy is, and goes away without a restart when it is repaired outside', async () => {
    const h = await open({ seed: demo() })
    const { page } = h
    await expect.poll(() => cards(page).count()).toBe(6)
    const good = await readFile(h.dataFile)
    await writeFile(h.dataFile, good.subarray(0, good.length / 2))

    await banner(page).waitFor()
    expect([await banner(page).getAttribute('data-state'), await banner(page).getAttribute('data-code')]).toEqual(['damaged', 'corrupt'])
    const text = await banner(page).innerText()
    for (const said of [en.dataFile.damaged.title, en.dataFile.damaged.corrupt, en.dataFile.damaged.untouched, en.dataFile.damaged.repair, h.dataFile]) expect(text).toContain(said)
    const copy = await page.getByTestId('data-banner-copy').innerText()
    expect(copy).toMatch(/touchbase\.corrupt-.*\.json$/)
    expect((await readFile(copy)).equals(good.subarray(0, good.length / 2))).toBe(true)
    // The store's own words are one click away.
    await page.locator('.data-banner-details summary').click()
    expect(await banner(page).innerText()).toContain('A byte-for-byte copy was saved as')
    expect(await cards(page).count()).toBe(6)

    // Repaired from outside: the banner goes, and changes are saved again.
    await writeFile(h.dataFile, good)
    await banner(page).waitFor({ state: 'detached' })
    await page.keyboard.press('n')
    await page.locator('input[name=name]').fill('Rita Lopez')
    await page.keyboard.press('Enter')
    await cards(page).filter({ hasText: 'Rita Lopez' }).waitFor()
    expect((await h.readData()).contacts).toHaveLength(7)
  })

  it('opens the window on a damaged file (no quitting) with the banner, and the backup brings the board back', async () => {
    const backupDoc = JSON.stringify({
      ...emptyDocument(),
      contacts: [{ id: 'b1', name: 'Grace Hopper', kind: 'lead', tags: [], status: 'active', createdAt: '2026-01-05T09:00:00Z', updatedAt: '2026-01-05T09:00:00Z', touches: [] }]
    })
    const h = await open(
      {
        beforeOpen: async (dataDir) => {
          await writeFile(join(dataDir, 'touchbase.json'), '{"schemaVersion": 99, "contacts": []}')
          await mkdir(join(dataDir, 'backups'))
          await writeFile(join(dataDir, 'backups', 'touchbase-2026-01-05.json'), backupDoc)
        }
      },
      'data-banner'
    )
    const { page } = h
    expect(await banner(page).getAttribute('data-code')).toBe('too-new')
    expect(await banner(page).innerText()).toContain(en.dataFile.damaged['too-new'])
    expect(await page.getByTestId('data-unavailable').innerText()).toBe(en.dataFile.unavailable)
    await page.getByTestId('data-restore').click()
    await banner(page).waitFor({ state: 'detached' })
    await cards(page).filter({ hasText: 'Grace Hopper' }).waitFor()
    // The newer version's file is kept byte for byte beside it.
    const copies = (await readdir(h.dataDir)).filter((name) => name.startsWith('touchbase.too-new-'))
    expect(await readFile(join(h.dataDir, copies[0]!), 'utf8')).toBe('{"schemaVersion": 99, "contacts": []}')
  })
})

describe('a backup that cannot be made', () => {
  it('is a warning that does not stop the change, and can be dismissed', async () => {
    // A plain file where the backups folder belongs (as good as a read-only folder for this, and root-proof).
    const h = await open({ beforeOpen: (dataDir) => writeFile(join(dataDir, 'backups'), 'not a folder'), seed: demo('en', 1) })
    const { page } = h
    await page.keyboard.press('n')
    await page.locator('input[name=name]').fill('Rita Lopez')
    await page.keyboard.press('Enter')
    await cards(page).filter({ hasText: 'Rita Lopez' }).waitFor()
    const warning = page.getByTestId('data-warning')
    await warning.waitFor()
    expect(await warning.innerText()).toContain(`Today’s backup could not be made in ${join(h.dataDir, 'backups')}. Your change was saved all the same`)
    expect((await h.readData()).contacts).toHaveLength(2)
    await page.getByTestId('data-warning-dismiss').click()
    await warning.waitFor({ state: 'detached' })
  })
})

describe('banner screens', () => {
  for (const [language, theme] of [['en', 'light'], ['en', 'dark'], ['zh', 'light'], ['zh', 'dark']] as const) {
    it(`${language}, ${theme}: a damaged file, then a deleted one, in the person’s language`, async () => {
      const h = await open({ seed: demo(language, 12), locale: language === 'zh' ? 'zh-CN' : 'en-US', colorScheme: theme, viewport: { width: 1280, height: 800 } })
      const { page } = h
      await expect.poll(() => cards(page).count()).toBe(12)
      const catalog = language === 'zh' ? zhCN : en
      const noEnglish = async () => {
        const text = await banner(page).innerText()
        if (language === 'zh') expect(englishPatterns().filter((p) => p.test(text)).map((p) => p.source)).toEqual([])
        return text
      }
      const good = await readFile(h.dataFile)
      await writeFile(h.dataFile, '{ "schemaVersion": 1, "contacts": [ { "id": ')
      await banner(page).waitFor()
      expect(await noEnglish()).toContain(catalog.dataFile.damaged.title)
      await screenshot(page, `data-banner-${language}-${theme}`)

      await writeFile(h.dataFile, good)
      await banner(page).waitFor({ state: 'detached' })
      await unlink(h.dataFile)
      await page.locator('[data-testid=data-banner][data-state=missing]').waitFor()
      expect(await noEnglish()).toContain(catalog.dataFile.missing.title)
      await screenshot(page, `data-banner-missing-${language}-${theme}`)
    })
  }
})

/**
 * Import, export and restore in Chromium against the real service and data file. Run after a build:
 *   npx electron-vite build && npx vitest run --project e2e tests/e2e/import-export.test.ts
 * With TOUCHBASE_SCREENSHOTS=1 it also rewrites docs/screenshots/import-*.png.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ImportChoices } from '../../src/core/interop/requests'
import { MAX_IMPORT_BYTES } from '../../src/core/interop/limits'
import { ROOT, screenshot, useBoardHarness, type Harness, type HarnessOptions } from './harness'
import { DEMO, seedDemo } from './seed'
import { en, englishPatterns, say } from './catalogs'

const FIXTURES = join(ROOT, 'tests/fixtures/import')

const open = useBoardHarness()

const demo = (language: 'en' | 'zh' = 'en', count = DEMO.length): HarnessOptions['seed'] => (_s, store) => seedDemo(store, { language, contacts: DEMO.slice(0, count) })

// Files to import are written here: main's file dialog answers with their paths.
let filesDir = ''
beforeAll(async () => void (filesDir = await mkdtemp(join(tmpdir(), 'touchbase-e2e-import-'))))
afterAll(() => rm(filesDir, { recursive: true, force: true }))

/** A file on disk to import: a fixture's path, or one written from text. */
async function onDisk(file: string | { name: string; text: string | Buffer }): Promise<string> {
  if (typeof file === 'string') return file
  const dir = await mkdtemp(join(filesDir, 'f-'))
  await writeFile(join(dir, file.name), file.text)
  return join(dir, file.name)
}

/** Picks a file as the person would: Import, then the file in the system's dialog (which main shows). */
async function pickFile(h: Harness, file: string | { name: string; text: string | Buffer }) {
  h.picker.answer(await onDisk(file))
  await h.page.getByTestId('import').click()
  await h.page.getByTestId('import-dialog').waitFor()
}

async function counts(page: Page) {
  await page.locator('[data-testid=import-preview][aria-busy=false]').waitFor()
  const read = async (key: string) => Number(await page.getByTestId(`import-count-${key}`).getAttribute('data-count'))
  return { added: await read('added'), merged: await read('merged'), skipped: await read('skipped'), errors: await read('errors') }
}

const focused = (page: Page, attribute: string) => page.evaluate<string | null>(`document.activeElement?.getAttribute('${attribute}') ?? null`)
const texts = (page: Page, testId: string) => page.getByTestId(testId).locator('.import-name').allTextContents()

describe('import', () => {
  it('imports a Google CSV picked in the system’s file dialog, then the same file again: one duplicate merged, the rest skipped', async () => {
    const h = await open()
    const { page } = h
    // Cancelled: nothing opens.
    h.picker.answer(null)
    await page.getByTestId('import').click()
    await expect.poll(() => h.picker.requests.length).toBe(1)
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)

    await pickFile(h, join(FIXTURES, 'google-contacts.csv'))
    expect(h.picker.requests[1]).toMatchObject({ title: 'Import contacts', properties: ['openFile'], filters: [{ extensions: ['csv', 'vcf', 'vcard', 'txt'] }, { extensions: ['*'] }] })
    expect(await page.getByTestId('import-dialog').locator('.import-file').textContent()).toBe('google-contacts.csv')
    expect(await counts(page)).toEqual({ added: 3, merged: 0, skipped: 0, errors: 0 })
    expect(await page.getByTestId('import-format').textContent()).toBe('Google Contacts CSV')
    expect(await texts(page, 'import-added')).toEqual(['Dana J. Whitaker', '张伟', 'Gamma Supplies'])

    // Enter confirms: the Import button has the focus.
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('3 added, 0 merged, 0 skipped')
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)
    for (const name of ['Dana J. Whitaker', '张伟', 'Gamma Supplies']) await page.locator('[data-card-id]').filter({ hasText: name }).waitFor()
    const first = await h.readData()
    expect(first.contacts.map((c) => c.name)).toEqual(['Dana J. Whitaker', '张伟', 'Gamma Supplies'])

    // Take the labels off everyone, so a merge (which adds labels back) shows in the file.
    for (const c of first.contacts) await h.service.editContact(c.id, { tags: [] })
    await pickFile(h, join(FIXTURES, 'google-contacts.csv'))
    expect(await counts(page)).toEqual({ added: 0, merged: 0, skipped: 3, errors: 0 })
    await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true)
    expect(await page.getByTestId('import-duplicates').locator('[data-row="2"]').textContent()).toContain('Same email as Dana J. Whitaker')

    await page.getByTestId('decision-2').selectOption('merge')
    expect(await counts(page)).toEqual({ added: 0, merged: 1, skipped: 2, errors: 0 })
    await page.getByTestId('import-confirm').click()
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('0 added, 1 merged, 2 skipped')
    const second = await h.readData()
    expect(second.contacts.map((c) => [c.name, c.tags])).toEqual([
      ['Dana J. Whitaker', first.contacts[0]!.tags],
      ['张伟', []],
      ['Gamma Supplies', []]
    ])
    expect(first.contacts[0]!.tags.length).toBeGreaterThan(0)
  })

  it('shows progress while the real import runs and cannot be dismissed meanwhile; Undo then restores the previous contacts', async () => {
    const h = await open({ seed: demo('en', 5) })
    const { page } = h
    const before = (await h.readData()).contacts
    // The service reports progress while planning, which is over in a blink for a small file;
    // hold the real run here and push a progress event ourselves so the bar can be seen.
    const original = h.handlers['import:file']
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    // Object.assign keeps the original's marking as a command.
    h.handlers['import:file'] = Object.assign(async (token: string, choices?: ImportChoices) => {
      if (choices?.dryRun) return original(token, choices)
      await h.push('import:progress', { stage: 'planning', done: 1, total: 2 })
      await held
      return original(token, choices)
    }, original)

    await pickFile(h, join(FIXTURES, 'outlook.csv'))
    expect(await counts(page)).toMatchObject({ added: 2, merged: 0 })
    expect(await page.getByTestId('import-format').textContent()).toBe('Outlook CSV')
    await page.getByTestId('import-confirm').click()
    const progress = page.getByTestId('import-progress')
    await expect.poll(() => progress.textContent()).toContain('1 of 2 rows')
    const bar = progress.getByRole('progressbar')
    expect([await bar.getAttribute('aria-valuenow'), await bar.getAttribute('aria-valuemax')]).toEqual(['1', '2'])
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('import-dialog').isVisible()).resolves.toBe(true)
    release()

    const toast = page.getByTestId('toast')
    await expect.poll(() => toast.textContent()).toContain('2 added')
    expect((await h.readData()).contacts).toHaveLength(7)
    await page.locator('[data-card-id]').filter({ hasText: 'Erik Larsen' }).waitFor()
    await toast.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => toast.textContent()).toContain('Undone')
    expect((await h.readData()).contacts).toEqual(before)
    await expect.poll(() => page.locator('[data-card-id]').filter({ hasText: 'Erik Larsen' }).count()).toBe(0)
  })

  it('previews the column mapping of an unknown CSV and follows a changed mapping', async () => {
    const h = await open()
    const { page } = h
    const csv = 'Full name;Company;Mail\nAda Lovelace;Analytical Engines;ada@example.com\nGrace Hopper;US Navy;grace@example.com\n'
    await pickFile(h, { name: 'people.csv', text: csv })
    expect(await counts(page)).toEqual({ added: 2, merged: 0, skipped: 0, errors: 0 })
    expect(await page.getByTestId('import-format').textContent()).toBe('CSV')
    const mapping = page.getByTestId('import-mapping')
    expect(await mapping.locator('thead .mapping-header').allTextContents()).toEqual(['Full name', 'Company', 'Mail'])
    expect(await Promise.all([0, 1, 2].map((i) => page.getByTestId(`mapping-${i}`).inputValue()))).toEqual(['name', 'org', 'email'])
    expect(await mapping.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['Ada Lovelace', 'Analytical Engines', 'ada@example.com'])
    expect(await texts(page, 'import-added')).toEqual(['Ada Lovelace', 'Grace Hopper'])

    await page.getByTestId('mapping-0').selectOption('ignore')
    await page.getByTestId('mapping-1').selectOption('name')
    await expect.poll(() => texts(page, 'import-added')).toEqual(['Analytical Engines', 'US Navy'])
    await screenshot(page, 'import-mapping-en-light')

    // No column left for the names: the service says so, and nothing can be imported.
    await page.getByTestId('mapping-1').selectOption('ignore')
    await expect.poll(() => page.getByTestId('import-preview-error').textContent()).toBe(say(en, 'import.mapping.needName'))
    await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true)
    await page.getByTestId('mapping-1').selectOption('name')
    await expect.poll(() => texts(page, 'import-added')).toEqual(['Analytical Engines', 'US Navy'])
    await page.getByTestId('import-confirm').click()
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('2 added')
    expect((await h.readData()).contacts.map((c) => [c.name, c.email, c.org])).toEqual([
      ['Analytical Engines', 'ada@example.com', undefined],
      ['US Navy', 'grace@example.com', undefined]
    ])

    // Headers nobody could guess: the service refuses, but the columns are still offered to map.
    await pickFile(h, { name: 'leute.csv', text: 'Wer;Firma\nKatherine Johnson;NASA\n' })
    await expect.poll(() => page.getByTestId('import-preview-error').textContent()).toBe(say(en, 'import.mapping.needName'))
    expect(await page.getByTestId('mapping-0').inputValue()).toBe('ignore')
    await page.getByTestId('mapping-0').selectOption('name')
    await expect.poll(() => texts(page, 'import-added')).toEqual(['Katherine Johnson'])
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)
  })

  it('refuses a file that is not CSV or vCard with the service’s message and leaves the data file byte for byte', async () => {
    const h = await open({ seed: demo('en', 3) })
    const { page } = h
    const before = await h.readDataText()
    expect(before.length).toBeGreaterThan(0)
    await pickFile(h, { name: 'photo.csv', text: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), randomBytes(4000)]) })
    const error = page.getByTestId('import-error')
    await expect.poll(() => error.textContent()).toContain('photo.csv is not a text file')
    await page.keyboard.press('Enter') // Close has the focus
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)
    expect(await h.readDataText()).toBe(before)
  })

  it('refuses a file over 50 MB from its size, before main reads a byte of it', async () => {
    const h = await open()
    const { page } = h
    const path = await onDisk({ name: 'huge.csv', text: 'Name\n' })
    await truncate(path, MAX_IMPORT_BYTES + 1_000_000)
    h.calls.length = 0
    await pickFile(h, path)
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain(
      'huge.csv is 51 MB; Touchbase imports files up to 50 MB. Nothing was imported.'
    )
    expect(h.calls).toEqual(['import:pick'])
    await page.keyboard.press('Enter') // Close
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)
  })

  it('caps a 10,000-row preview at 200 rows per section, then imports all of it', async () => {
    const h = await open()
    const { page } = h
    const before = await h.readDataText()
    const rows = Array.from({ length: 10_000 }, (_, i) => `Person ${i + 1},p${i + 1}@example.com`)
    await pickFile(h, { name: 'big.csv', text: ['Name,Email', ...rows].join('\n') })
    expect(await counts(page)).toMatchObject({ added: 10_000 })
    expect(await page.getByTestId('import-added').locator('li').count()).toBe(201)
    expect(await page.getByTestId('import-added-more').textContent()).toBe('and 9,800 more')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)
    expect(await h.readDataText()).toBe(before)

    await pickFile(h, { name: 'big.csv', text: ['Name,Email', ...rows].join('\n') })
    await counts(page)
    const started = Date.now()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('toast').textContent(), { timeout: 30_000 }).toContain('10,000 added')
    console.log(`10,000-row import confirmed to toast in ${Date.now() - started} ms`)
    expect((await h.readData()).contacts).toHaveLength(10_000)
  })
})

describe('a large file', () => {
  it('is streamed by main: reading progress shows, and the page’s memory does not grow with the file', async () => {
    const h = await open()
    const { page } = h
    // The same 2,000 people twice: plainly, and with 20 KB per row in a column nothing maps (as
    // photos in a vCard export do), so only the file's size differs.
    const people = Array.from({ length: 2000 }, (_, i) => `Person ${i},p${i}@example.com`)
    const small = await onDisk({ name: 'small.csv', text: ['Name,Email,Photo', ...people.map((p) => `${p},-`)].join('\n') })
    const pad = 'A'.repeat(20_000)
    const largeText = ['Name,Email,Photo', ...people.map((p) => `${p},${pad}`)].join('\n')
    const large = await onDisk({ name: 'large.csv', text: largeText })
    const extraBytes = largeText.length - (await readFile(small)).length

    // What the progress bar said, as the person saw it.
    await page.evaluate(`(() => {
      const seen = (globalThis.progressSeen = [])
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=import-progress] [role=progressbar]')?.getAttribute('aria-valuetext')
        if (text && seen.at(-1) !== text) seen.push(text)
      }).observe(document.body, { subtree: true, childList: true, attributes: true })
    })()`)
    const progressSeen = () => page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen.splice(0))
    const cdp = await h.context.newCDPSession(page)
    const heapNow = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    }

    await pickFile(h, large)
    expect(await counts(page)).toEqual({ added: 2000, merged: 0, skipped: 0, errors: 0 })
    const reading = await progressSeen()
    expect(reading.some((text) => / of 40 MB read$/.test(text)), reading.join(' | ')).toBe(true)
    const withLarge = await heapNow()
    await page.keyboard.press('Escape')
    await pickFile(h, small)
    expect(await counts(page)).toEqual({ added: 2000, merged: 0, skipped: 0, errors: 0 })
    const withSmall = await heapNow()
    // The page used to read the whole file and keep its text while the preview was open: about one byte per byte.
    const perExtraByte = (withLarge - withSmall) / extraBytes
    console.log(`page heap with the preview open: ${(withSmall / 1e6).toFixed(1)} MB (small file), ${(withLarge / 1e6).toFixed(1)} MB (+${(extraBytes / 1e6).toFixed(1)} MB of file): ${perExtraByte.toFixed(4)} bytes per extra file byte`)
    expect(perExtraByte).toBeLessThan(0.1)

    // Imported for real, streamed again: the bar follows the reading, then the rows.
    await page.keyboard.press('Escape')
    await pickFile(h, large)
    await counts(page)
    await progressSeen()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('toast').textContent(), { timeout: 60_000 }).toContain('2,000 added')
    expect((await progressSeen()).some((text) => / of 40 MB read$/.test(text))).toBe(true)
    expect((await h.readData()).contacts).toHaveLength(2000)
  })
})

describe('export and restore', () => {
  it('exports CSV and iCalendar from the keyboard-driven menu as downloads', async () => {
    const { page } = await open({ seed: demo('en', 6) })
    const exportButton = page.getByTestId('export')
    await exportButton.click()
    await page.getByTestId('export-menu').waitFor()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('export-menu').count()).resolves.toBe(0)
    expect(await focused(page, 'data-testid')).toBe('export')

    await page.keyboard.press('Enter') // opens the menu again, CSV focused
    await page.getByTestId('export-menu').waitFor()
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    expect(csv.suggestedFilename()).toMatch(/^touchbase-contacts-\d{4}-\d{2}-\d{2}\.csv$/)
    const csvBytes = await readFile((await csv.path())!)
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csvBytes.toString('utf8')).toContain('Maya Chen')

    await exportButton.click()
    await page.getByTestId('export-menu').waitFor()
    await page.keyboard.press('ArrowUp') // wraps round to the last item, iCalendar
    expect(await focused(page, 'data-format')).toBe('ics')
    const [ics] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    expect(ics.suggestedFilename()).toMatch(/\.ics$/)
    expect(await readFile((await ics.path())!, 'utf8')).toMatch(/^BEGIN:VCALENDAR/)
  })

  it('restores a JSON backup from Settings after a confirmation that says what happens', async () => {
    const h = await open({ seed: demo('en', 4) })
    const { page } = h
    const backup = await h.handlers['export:run']('json')
    const saved = (await h.readData()).contacts
    await h.service.addContact({ name: 'Added after the backup' })
    await h.service.addContact({ name: 'Also added after the backup' })
    await h.push('data:changed')
    await page.locator('[data-card-id]').filter({ hasText: 'Also added after the backup' }).waitFor()

    await page.getByTestId('open-settings').click()
    const data = page.getByTestId('settings-data')
    expect(await data.getByTestId('data-file').textContent()).toBe(h.dataFile)
    await data.getByTestId('restore-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup.content) })
    const confirm = page.getByTestId('confirm')
    await confirm.waitFor()
    expect(await confirm.textContent()).toMatch(/backup\.json replaces all your contacts \(6 now\).*backed up first/)
    await page.keyboard.press('Enter')
    const toast = page.getByTestId('toast')
    await expect.poll(() => toast.textContent()).toContain('Restored 4 contacts')
    expect(await toast.textContent()).toContain(h.dataDir)
    await expect(page.getByTestId('settings').count()).resolves.toBe(0)
    expect((await h.readData()).contacts).toEqual(saved)
  })
})

// A Google export that meets the demo data: new people, duplicates by email, a row without a name.
const GOOGLE_CSV = (names: [string, string][]) =>
  [
    'First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value,Labels',
    `${names[0]![0]},${names[0]![1]},Brightline Analytics,maya@brightline.io,,* myContacts ::: inbound`,
    `${names[1]![0]},${names[1]![1]},Atelier Verre,lucas@verre.fr,+33 6 12 34 56 78,* myContacts`,
    `${names[2]![0]},${names[2]![1]},Blue Harbor Ltd,dana@blueharbor.example,+44 7700 900123,* myContacts ::: Partners`,
    `${names[3]![0]},${names[3]![1]},Copperleaf,irene@copperleaf.example,,* myContacts`,
    `${names[4]![0]},${names[4]![1]},Baobab Foods,kofi@baobab.example,+233 24 123 4567,* myContacts`
  ].join('\n')

describe('preview screens', () => {
  it('en, light: new rows, duplicates (one merged) and rows with problems', async () => {
    const h = await open({ seed: demo('en'), viewport: { width: 1280, height: 860 } })
    const { page } = h
    const csv = GOOGLE_CSV([['Maya', 'Chen'], ['Lucas', 'Moreau'], ['Dana', 'Whitaker'], ['Irene', 'Novak'], ['Kofi', 'Mensah']]) + '\nNo,Email,,not-an-email,,\n,,,,,* myContacts'
    await pickFile(h, { name: 'google-contacts.csv', text: csv })
    expect(await counts(page)).toEqual({ added: 3, merged: 0, skipped: 2, errors: 2 })
    await page.getByTestId('decision-3').selectOption('merge')
    expect(await counts(page)).toEqual({ added: 3, merged: 1, skipped: 1, errors: 2 })
    expect(await page.getByTestId('import-errors').textContent()).toContain('Row 7')
    await screenshot(page, 'import-preview-en-light')
  })

  it('简体中文, dark: the preview has no English UI text', async () => {
    const h = await open({ seed: demo('zh'), locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1280, height: 860 } })
    const { page } = h
    await pickFile(h, { name: '通讯录.csv', text: GOOGLE_CSV([['美玲', '陈'], ['卢卡', '莫'], ['丹娜', '怀特'], ['艾琳', '诺瓦克'], ['科菲', '门萨']]) })
    expect(await counts(page)).toEqual({ added: 3, merged: 0, skipped: 2, errors: 0 })
    await page.getByTestId('duplicates-merge-all').check({ force: true })
    expect(await counts(page)).toEqual({ added: 3, merged: 2, skipped: 0, errors: 0 })
    await page.getByTestId('decision-3').selectOption('skip')
    expect(await counts(page)).toEqual({ added: 3, merged: 1, skipped: 1, errors: 0 })
    const text = await page.getByTestId('import-dialog').innerText()
    expect(englishPatterns().filter((p) => p.test(text)).map((p) => p.source)).toEqual([])
    expect(text).toContain('与 陈美玲 的邮箱相同')
    await screenshot(page, 'import-preview-zh-dark')

    // What the service finds wrong is said in Chinese too: rows by their codes, a refused file by its reason.
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)
    // A Google CSV, so no column table shows the file's own (English) headers.
    const header = GOOGLE_CSV([['', ''], ['', ''], ['', ''], ['', ''], ['', '']]).split('\n')[0]
    const rows = ['娜娜,欧阳,,ouyang@example.cn,,', '光,司马,,not-an-email,,', `${'长'.repeat(201)},,,,,`, ',,,,,* myContacts']
    await pickFile(h, { name: '新联系人.csv', text: [header, ...rows].join('\n') })
    expect(await counts(page)).toEqual({ added: 1, merged: 0, skipped: 0, errors: 3 })
    const problems = await page.getByTestId('import-errors').innerText()
    for (const said of ['第 3 行', '邮箱地址无效', '第 4 行', '姓名超过 200 个字符', '第 5 行', '缺少姓名']) expect(problems).toContain(said)
    const withProblems = await page.getByTestId('import-dialog').innerText()
    expect(withProblems).not.toContain('is not a valid')
    expect(withProblems).not.toMatch(/Invalid (input|option)/)
    expect(englishPatterns().filter((p) => p.test(withProblems)).map((p) => p.source)).toEqual([])

    await page.keyboard.press('Escape')
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)
    await pickFile(h, { name: '照片.csv', text: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), randomBytes(4000)]) })
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('照片.csv 不是文本文件')
    const refused = await page.getByTestId('import-dialog').innerText()
    expect(refused).not.toContain('is not a text file')
    expect(englishPatterns().filter((p) => p.test(refused)).map((p) => p.source)).toEqual([])
  })
})

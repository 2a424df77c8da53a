/**
 * Sync in the window: Settings → Sync, the merge preview, team boards on the board, against a
 * real CouchDB-protocol server (pouchdb-server on 127.0.0.1) and a second app instance syncing
 * through it. The page runs the built renderer; main's sync host serves its channels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addUser, setUpBoard } from '../../src/sync'
import { startSyncServer, type SyncServer } from '../sync/server'
import { Instance } from '../sync/instance'
import { useBoardHarness, type Harness } from './harness'
import { en, englishPatterns, zhCN } from './catalogs'
import { clippedOnCards } from './card-lines'

const PASSWORDS: Record<string, string> = { alice: 'alice-secret-pw', bob: 'bob-secret-pw', carol: 'carol-secret-pw' }
let server: SyncServer
const others: Instance[] = []

beforeAll(async () => {
  server = await startSyncServer()
  for (const [user, password] of Object.entries(PASSWORDS)) await addUser(server.url, server.admin, user, password)
  await setUpBoard(server.url, server.admin, 'procurement', ['alice', 'bob'])
})
afterAll(async () => {
  for (const other of others) await other.close()
  await server?.stop()
})

const openBoard = useBoardHarness()
// Short runner timings so "live" takes a second, not the app's two minutes.
const RUNNER = { debounceMs: 100, intervalMs: 700, backoff: { baseMs: 300, maxMs: 1_500 } }
const card = (page: Page, name: string) => page.locator('[data-card-id]').filter({ hasText: name })
const syncState = (page: Page, state: string) => page.locator(`[data-testid="sync-state"][data-state="${state}"]`)

async function other(name: string, user: string, boards: string[] = []): Promise<Instance> {
  const instance = await Instance.open(name, { server: server.url, user, password: PASSWORDS[user]!, boards })
  others.push(instance)
  return instance
}

async function fillSync(page: Page, values: { server?: string; user?: string; password?: string; boards?: string }) {
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`sync-${field}`).fill(value)
}

/** Syncs `instance` until `check` holds (the app's runner sends on its own schedule). */
async function syncUntil(instance: Instance, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000
  for (;;) {
    await instance.sync()
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`${instance.name} never saw ${what}`)
    await new Promise((r) => setTimeout(r, 300))
  }
}

describe('sync in the window', () => {
  it('sets up in Settings → Sync, moves a card to a team board, and shows a teammate’s touch live', async () => {
    const h: Harness = await openBoard({
      syncRunner: RUNNER,
      seed: async (service) => {
        await service.addContact({ name: 'Grace Hopper', org: 'Cobol Inc', kind: 'vendor', email: 'grace@cobol.example' })
      }
    })
    const { page } = h
    await page.getByTestId('open-settings').click()
    const section = page.getByTestId('settings-sync')
    await section.waitFor()

    // Mistakes are said beside the fields and in the section, never in a dialog.
    await page.getByTestId('sync-setup').click()
    await expect(section.locator('.field-error').allTextContents()).resolves.toEqual([en.sync.invalid.server, en.sync.invalid.user, en.sync.invalid.password])
    await fillSync(page, { server: 'http://127.0.0.1:9', user: 'alice', password: 'nope' })
    await page.getByTestId('sync-test').click()
    await expect(page.getByTestId('sync-result').textContent()).resolves.toBe(en.sync.reason.offline)
    await fillSync(page, { server: server.url })
    await page.getByTestId('sync-test').click()
    await expect(page.getByTestId('sync-result').textContent()).resolves.toBe(en.sync.reason['wrong-password'])
    await fillSync(page, { password: PASSWORDS.alice!, boards: 'procurement' })
    await page.getByTestId('sync-test').click()
    await page.getByTestId('sync-result').filter({ hasText: `as alice` }).waitFor()

    // Enter in a field turns sync on (and does not save and close the settings).
    await page.getByTestId('sync-boards').press('Enter')
    await syncState(page, 'synced').waitFor({ timeout: 30_000 })
    await expect(page.getByTestId('sync-last').textContent()).resolves.toMatch(/^Last synced/)
    await expect(page.getByTestId('sync-password').getAttribute('placeholder')).resolves.toBe('••••••••')
    expect((await h.readData()).settings.sync).toEqual({ server: server.url, user: 'alice', boards: ['procurement'] })
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="sync-indicator"][data-state="synced"]').waitFor()

    // Move to board… from the card's menu.
    await card(page, 'Grace Hopper').locator('.card-menu').click()
    await page.getByTestId('move-to-board').click()
    await page.getByTestId('board-move').locator('[data-board="procurement"]').click()
    await card(page, 'Grace Hopper').locator('[data-testid="board-chip"][data-board="procurement"]').waitFor()
    const grace = (await h.readData()).contacts.find((c) => c.name === 'Grace Hopper')!
    expect(grace.board).toBe('procurement')

    // Bob, a teammate on another machine, gets Grace from the board, logs a call and takes her.
    const bob = await other('bob', 'bob', ['procurement'])
    await syncUntil(bob, async () => (await bob.contacts()).some((c) => c.id === grace.id), 'Grace on the board')
    await bob.service.logTouch(grace.id, { channel: 'call', note: 'Chased the quote by phone' })
    await bob.service.editContact(grace.id, { owner: 'bob' })
    await bob.sync()

    // It reaches the open board by itself: the card says who touched it last and who owns it.
    await card(page, 'Grace Hopper').getByTestId('last-touch-by').filter({ hasText: 'bob' }).waitFor({ timeout: 30_000 })
    await expect(card(page, 'Grace Hopper').getByTestId('owner-badge').getAttribute('title')).resolves.toBe('Owner: bob')
    await expect(page.getByTestId('column-1').locator('[data-card-id]').filter({ hasText: 'Grace Hopper' }).count()).resolves.toBe(1)
    // A team card's line carries who touched it too; it still shows whole.
    expect(await clippedOnCards(page)).toEqual([])

    // The detail shows who made each touch.
    await card(page, 'Grace Hopper').click()
    await page.getByTestId('timeline').getByText('by bob').waitFor()
    // A teammate's touch is theirs to change: no Edit or Delete on it.
    await expect(page.getByTestId('timeline').getByRole('button').count()).resolves.toBe(0)
    await page.keyboard.press('Escape')

    // The filters: unassigned hides her, bob's shows her, mine hides her.
    // (Filtering runs behind the input, so each result is awaited.)
    await page.getByTestId('filter-owner').selectOption('unassigned')
    await card(page, 'Grace Hopper').waitFor({ state: 'detached' })
    await page.getByTestId('filter-owner').selectOption('user:bob')
    await card(page, 'Grace Hopper').waitFor()
    await page.getByTestId('filter-owner').selectOption('mine')
    await card(page, 'Grace Hopper').waitFor({ state: 'detached' })
    await page.getByTestId('filter-board').selectOption('board:procurement')
    await page.getByTestId('filter-owner').selectOption('')
    await card(page, 'Grace Hopper').waitFor()

    // The password went to the (stand-in) keyring only.
    expect(await h.readDataText()).not.toContain(PASSWORDS.alice)

    // Sync's own Save takes effect at once; the dialog's Save afterwards keeps it (its draft is older).
    await page.getByTestId('sync-indicator').click()
    await fillSync(page, { boards: '' })
    await page.getByTestId('sync-setup').filter({ hasText: en.sync.save }).click()
    await page.getByTestId('sync-setup').waitFor({ state: 'detached' })
    await page.getByTestId('save-settings').click()
    await page.getByTestId('settings').waitFor({ state: 'detached' })
    expect((await h.readData()).settings.sync).toEqual({ server: server.url, user: 'alice', boards: [] })

    // Turning sync off asks first, keeps every contact, and the toolbar stops showing sync.
    await page.getByTestId('sync-indicator').click()
    await page.getByTestId('sync-off').click()
    await page.getByTestId('confirm').getByRole('button', { name: en.sync.offConfirm }).click()
    await page.getByTestId('sync-setup').filter({ hasText: en.sync.turnOn }).waitFor()
    await page.getByTestId('settings').getByText(en.settings.cancel).click()
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
    expect((await h.readData()).settings.sync).toBeUndefined()
    await card(page, 'Grace Hopper').waitFor()
  })

  it('speaks Chinese in Settings → Sync, on a team card and in its detail', async () => {
    const bob = await other('bob-zh', 'bob', ['procurement'])
    const zhou = await bob.service.addContact({ name: '周建国', org: '华北服务器', kind: 'vendor' })
    await bob.sync()
    await bob.service.moveToBoard(zhou.id, 'procurement')
    await bob.service.logTouch(zhou.id, { channel: 'call', outcome: 'replied' })
    await bob.service.editContact(zhou.id, { owner: 'bob' })
    await bob.sync()

    const h = await openBoard({ locale: 'zh-CN', syncRunner: RUNNER })
    const { page } = h
    const patterns = englishPatterns()
    const englishIn = async () => {
      const text = await page.evaluate<string>('document.body.innerText')
      return patterns.filter((p) => p.test(text)).map((p) => p.source)
    }
    await page.getByTestId('open-settings').click()
    await fillSync(page, { server: server.url, user: 'alice', password: 'wrong', boards: 'procurement' })
    await page.getByTestId('sync-test').click()
    await expect(page.getByTestId('sync-result').textContent()).resolves.toBe(zhCN.sync.reason['wrong-password'])
    await fillSync(page, { password: PASSWORDS.alice! })
    await page.getByTestId('sync-setup').click()
    await syncState(page, 'synced').waitFor({ timeout: 30_000 })
    await expect(page.getByTestId('sync-state').textContent()).resolves.toBe(zhCN.sync.state.synced)
    expect(await englishIn()).toEqual([])
    await page.keyboard.press('Escape')

    await card(page, '周建国').getByTestId('last-touch-by').waitFor({ timeout: 30_000 })
    await card(page, '周建国').click()
    await page.getByTestId('timeline').getByText(zhCN.team.by.replace('{{name}}', 'bob')).waitFor()
    expect(await englishIn()).toEqual([])
  })

  it('turning sync on with contacts on both sides previews the merge, and merges only when confirmed', async () => {
    const laptop = await other('carols-laptop', 'carol')
    await laptop.service.addContact({ name: 'Ada Lovelace', email: 'ada@engine.example', tags: ['analytical'] })
    await laptop.service.addContact({ name: 'Only On Server' })
    await laptop.sync()

    const h = await openBoard({
      syncRunner: RUNNER,
      seed: async (service) => {
        const ada = await service.addContact({ name: 'Ada L.', email: 'ADA@engine.example', phone: '+44 20 7946 0000' })
        await service.logTouch(ada.id, { channel: 'email', note: 'Sent the notes' })
        await service.addContact({ name: 'Only Here' })
      }
    })
    const { page } = h
    await page.getByTestId('open-settings').click()
    await fillSync(page, { server: server.url, user: 'carol', password: PASSWORDS.carol! })
    await page.getByTestId('sync-setup').click()
    const preview = page.getByTestId('merge-preview')
    await preview.waitFor()
    await expect(preview.getByTestId('preview-merge').textContent()).resolves.toBe('1 contact on both sides will be merged:')
    await expect(preview.getByTestId('preview-upload').textContent()).resolves.toBe('1 contact only here will be sent')
    await expect(preview.getByTestId('preview-pairs').textContent()).resolves.toContain('Ada L. · same email')

    // "Not now": nothing changed.
    await preview.getByText(en.sync.preview.cancel).click()
    expect((await h.readData()).settings.sync).toBeUndefined()
    expect((await h.readData()).contacts.map((c) => c.name).sort()).toEqual(['Ada L.', 'Only Here'])

    await page.getByTestId('sync-setup').click()
    await preview.getByTestId('preview-confirm').click()
    await syncState(page, 'synced').waitFor({ timeout: 30_000 })
    await page.keyboard.press('Escape')
    await card(page, 'Only On Server').waitFor()
    await expect(card(page, 'Ada L.').count()).resolves.toBe(0)
    const ada = (await h.readData()).contacts.find((c) => c.name === 'Ada Lovelace')!
    expect(ada).toMatchObject({ phone: '+44 20 7946 0000', tags: ['analytical'] })
    expect(ada.touches.map((t) => t.note)).toEqual(['Sent the notes'])
  })
})

/**
 * The shell around the renderer, in Chromium: the real preload bridge, main's IPC guard and its
 * push rules (see harness.ts), and a change from outside the app reaching the open board.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ensureCliBuilt, runCli } from '../cli/cli-harness'
import { useBoardHarness } from './harness'
import { seedDemo } from './seed'

const openBoard = useBoardHarness()
const open = () => openBoard({ seed: (_service, store) => seedDemo(store) })

type Bridge = { invoke: (channel: string, ...args: unknown[]) => Promise<unknown>; on: (event: string, listener: (payload: unknown) => void) => () => void }
const invoke = (page: Page, channel: string, ...args: unknown[]) =>
  page.evaluate(([c, a]) => (globalThis as unknown as { touchbase: Bridge }).touchbase.invoke(c as string, ...(a as unknown[])), [channel, args] as const)
const card = (page: Page, name: string) => page.locator('[data-card-id]').filter({ hasText: name })

describe('the shell', () => {
  it('gives the page the built preload’s bridge: exactly the contract, refusing anything else before it is sent', async () => {
    const h = await open()
    const keys = await h.page.evaluate(() => Object.keys((globalThis as unknown as { touchbase: object }).touchbase).sort())
    expect(keys).toEqual(['invoke', 'on'])
    h.calls.length = 0
    expect(await invoke(h.page, 'shell:openExternal', 'file:///etc/passwd')).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'Unknown channel: shell:openExternal', issues: [] }
    })
    expect(h.calls).toEqual([]) // never reached main
  })

  it('refuses a page that is not one of our windows, even showing our renderer', async () => {
    const h = await open()
    const before = await h.readDataText()
    const [ada] = (await h.service.list()).filter((c) => c.touchCount === 0)
    const foreign = await h.context.newPage() // e.g. something that got a page opened in our session
    await foreign.goto(h.url)
    const refused = { ok: false, error: { code: 'forbidden', message: expect.stringContaining('did not come from the Touchbase window') } }
    expect(await invoke(foreign, 'contacts:list')).toMatchObject(refused)
    expect(await invoke(foreign, 'contacts:delete', ada!.id)).toMatchObject(refused)
    expect(await h.readDataText()).toBe(before)
    // Our own window still works.
    expect(await invoke(h.page, 'contacts:list')).toMatchObject({ ok: true })
  })

  it('brings a change the CLI wrote to the file onto the open board', async () => {
    await ensureCliBuilt()
    const h = await open()
    await card(h.page, 'Maya Chen').waitFor()
    const result = await runCli(['add', '--name', 'Grace Hopper', '--org', 'Navy', '--kind', 'vendor', '--data', h.dataDir])
    expect(result).toMatchObject({ code: 0 })
    await card(h.page, 'Grace Hopper').waitFor({ timeout: 15_000 })
    expect(await h.page.getByTestId('column-0').locator('[data-card-id]', { hasText: 'Grace Hopper' }).count()).toBe(1)
  })

  it('tells the other window about a command, and not the one that sent it', async () => {
    const h = await open()
    const second = await h.openWindow('#quick-log')
    const changes = (page: Page) =>
      page.evaluate(() => {
        const g = globalThis as unknown as { touchbase: Bridge; __changes?: number }
        if (g.__changes === undefined) {
          g.__changes = 0
          g.touchbase.on('data:changed', () => void (g.__changes! += 1))
        }
        return g.__changes
      })
    await changes(h.page)
    await changes(second)
    expect(await invoke(second, 'contacts:add', { name: 'Logged Elsewhere', kind: 'lead' })).toMatchObject({ ok: true, value: { name: 'Logged Elsewhere' } })
    await card(h.page, 'Logged Elsewhere').waitFor()
    expect(await changes(h.page)).toBe(1)
    await h.page.waitForTimeout(300)
    expect(await changes(second)).toBe(0)
  })
})

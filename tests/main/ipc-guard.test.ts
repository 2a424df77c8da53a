import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createApiHandlers, isCommand, type ApiHandlers } from '../../src/service/api'
import type { ApiChannel } from '../../src/shared/ipc'
import { createIpcGuard, isTrustedSender, type IpcSender } from '../../electron/main/ipc-guard'
import { realService } from './helpers'

const rendererIndexPath = join('/opt/Touchbase/resources/app.asar/out/renderer/index.html')
const appUrl = `${pathToFileURL(rendererIndexPath).href}#/board`
const WINDOW_ID = 7
const ours: IpcSender = { webContentsId: WINDOW_ID, frameUrl: appUrl, isMainFrame: true }

describe('IPC guard over a real service', () => {
  let env: Awaited<ReturnType<typeof realService>>
  let mutated: [ApiChannel, number][]
  let guard: ReturnType<typeof createIpcGuard>

  beforeEach(async () => {
    env = await realService({ now: new Date('2026-11-24T15:00:00Z'), timeZone: 'Europe/Berlin' })
    mutated = []
    guard = createIpcGuard({
      handlers: createApiHandlers(env.service, { appInfo: () => ({ version: '0.1.0', dataFile: env.store.filePath, platform: 'linux', timeZone: 'Europe/Berlin' }) }),
      trusted: { webContentsIds: () => [WINDOW_ID], origin: { rendererIndexPath } },
      onCommand: (channel, sender) => mutated.push([channel, sender.webContentsId])
    })
  })
  afterEach(() => env.close())

  it('passes a valid call through to the service and reports the command with its sender', async () => {
    const added = await guard(ours, 'contacts:add', [{ name: 'Ada Lovelace', kind: 'vendor' }])
    expect(added).toMatchObject({ ok: true, value: { name: 'Ada Lovelace', kind: 'vendor', touchCount: 0, status: 'active' } })
    expect(mutated).toEqual([['contacts:add', WINDOW_ID]])

    const listed = await guard(ours, 'contacts:list', [])
    expect(listed.ok && (listed.value as { name: string }[]).map((c) => c.name)).toEqual(['Ada Lovelace'])
    expect(mutated).toEqual([['contacts:add', WINDOW_ID]]) // reads push nothing
    expect((await env.store.read()).contacts).toHaveLength(1)
  })

  it('rejects an unknown channel with a clear error and calls nothing', async () => {
    expect(await guard(ours, 'fs:readFile', ['/etc/passwd'])).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'Unknown channel: fs:readFile', issues: [] }
    })
    expect(mutated).toEqual([])
  })

  it('rejects an invalid payload with the field problems, writing nothing', async () => {
    const response = await guard(ours, 'contacts:add', [{ name: '', email: 'not-an-email' }])
    expect(response.ok).toBe(false)
    if (response.ok) return
    expect(response.error.code).toBe('invalid-input')
    expect(response.error.message).toMatch(/^Invalid contact: /)
    expect(response.error.issues).toEqual(expect.arrayContaining(['name: must not be empty', 'email: is not a valid email address']))
    expect((await env.store.read()).contacts).toEqual([])
    expect(mutated).toEqual([])
  })

  it('reports a service error (not found) as data, not as a thrown exception', async () => {
    const response = await guard(ours, 'contacts:reopen', ['nope'])
    expect(response).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it.each([
    ['another webContents', { webContentsId: 99, frameUrl: appUrl, isMainFrame: true }],
    ['a page from the web in our window', { webContentsId: WINDOW_ID, frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['another local file', { webContentsId: WINDOW_ID, frameUrl: 'file:///tmp/evil.html', isMainFrame: true }],
    ['a sub-frame', { webContentsId: WINDOW_ID, frameUrl: appUrl, isMainFrame: false }],
    ['a destroyed frame', { webContentsId: WINDOW_ID, frameUrl: undefined, isMainFrame: true }]
  ] satisfies [string, IpcSender][])('rejects %s', async (_what, sender) => {
    const response = await guard(sender, 'contacts:add', [{ name: 'Mallory' }])
    expect(response).toMatchObject({ ok: false, error: { code: 'forbidden', issues: [] } })
    expect(!response.ok && response.error.message).toMatch(/^Refused contacts:add: the call did not come from the Touchbase window/)
    expect((await env.store.read()).contacts).toEqual([])
    expect(mutated).toEqual([])
  })
})

describe('isTrustedSender', () => {
  it('accepts the dev server origin in development, only from our window', () => {
    const trusted = { webContentsIds: () => [1], origin: { rendererIndexPath, devServerUrl: 'http://localhost:5173' } }
    expect(isTrustedSender({ webContentsId: 1, frameUrl: 'http://localhost:5173/#/today', isMainFrame: true }, trusted)).toBe(true)
    expect(isTrustedSender({ webContentsId: 1, frameUrl: 'http://localhost:5174/', isMainFrame: true }, trusted)).toBe(false)
    expect(isTrustedSender({ webContentsId: 1, frameUrl: appUrl, isMainFrame: true }, trusted)).toBe(false)
    expect(isTrustedSender({ webContentsId: 2, frameUrl: 'http://localhost:5173/', isMainFrame: true }, trusted)).toBe(false)
  })
})

describe('isCommand', () => {
  it('classifies every channel of the contract', async () => {
    const env = await realService({ now: new Date('2026-11-24T15:00:00Z'), timeZone: 'UTC' })
    const handlers: ApiHandlers = createApiHandlers(env.service, { appInfo: () => ({ version: '0', dataFile: '', platform: 'linux', timeZone: 'UTC' }) })
    const reads = Object.keys(handlers).filter((c) => !isCommand(handlers, c))
    expect(reads.sort()).toEqual(['app:info', 'block:queue', 'block:status', 'contacts:get', 'contacts:list', 'data:status', 'export:run', 'import:pick', 'plan:get', 'playbook:get', 'playbook:message', 'settings:get', 'stats:get', 'sync:status', 'today:get'])
    for (const c of ['settings:update', 'touch:log', 'import:file', 'backup:restore', 'data:restore-latest', 'data:recreate', 'contacts:restore', 'contacts:delivered', 'plan:spread', 'plan:unspread', 'block:record', 'contacts:move', 'sync:test', 'sync:setup', 'sync:now', 'sync:off'])
      expect(isCommand(handlers, c), c).toBe(true)
    expect(isCommand(handlers, 'toString')).toBe(false)
    await env.close()
  })
})

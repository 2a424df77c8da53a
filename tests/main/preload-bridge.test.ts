import { describe, expect, it, vi } from 'vitest'
import { PUSH_EVENTS } from '../../src/shared/ipc'
import { createApiHandlers } from '../../src/service/api'
import { realService } from './helpers'
import { BRIDGE_API_CHANNELS, BRIDGE_PUSH_EVENTS } from '../../electron/preload/channels'
import { createBridge, type RendererIpc } from '../../electron/preload/bridge'

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  const ipc: RendererIpc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
    on: (channel, listener) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener),
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener)
  }
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'the Electron event', ports: [] }, payload)
  }
  return { ipc, emit, listeners }
}

describe('preload channel lists', () => {
  it('are exactly the contract', async () => {
    const env = await realService({ now: new Date('2026-11-24T15:00:00Z'), timeZone: 'UTC' })
    const handlers = createApiHandlers(env.service, { appInfo: () => ({ version: '0', dataFile: '', platform: 'linux', timeZone: 'UTC' }) })
    await env.close()
    expect([...BRIDGE_API_CHANNELS].sort()).toEqual(Object.keys(handlers).sort())
    expect([...BRIDGE_PUSH_EVENTS].sort()).toEqual([...PUSH_EVENTS].sort())
  })
})

describe('createBridge', () => {
  it('forwards contract channels with their arguments', async () => {
    const { ipc } = fakeIpc()
    const bridge = createBridge(ipc)
    await expect(bridge.invoke('touch:log', 'abc', { channel: 'call' }, 2)).resolves.toEqual({
      ok: true,
      value: { channel: 'touch:log', args: ['abc', { channel: 'call' }, 2] }
    })
  })

  it('refuses a channel outside the contract before sending anything', async () => {
    const { ipc } = fakeIpc()
    const bridge = createBridge(ipc)
    const response = await (bridge.invoke as (c: string, ...a: unknown[]) => Promise<unknown>)('shell:openExternal', 'file:///')
    expect(response).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown channel: shell:openExternal', issues: [] } })
    expect(ipc.invoke).not.toHaveBeenCalled()
  })

  it('delivers push payloads without the Electron event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc()
    const bridge = createBridge(ipc)
    const received: unknown[][] = []
    const off = bridge.on('contact:open', (...args) => received.push(args))
    emit('contact:open', 'abc')
    expect(received).toEqual([['abc']])
    off()
    emit('contact:open', 'def')
    expect(received).toEqual([['abc']])
    expect(listeners.get('contact:open')?.size).toBe(0)
  })

  it('refuses to subscribe to an event outside the contract', () => {
    const bridge = createBridge(fakeIpc().ipc)
    expect(() => (bridge.on as (e: string, l: () => void) => void)('ipc:anything', () => undefined)).toThrow('Unknown event: ipc:anything')
  })
})

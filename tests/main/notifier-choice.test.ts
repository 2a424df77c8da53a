import { describe, expect, it } from 'vitest'
import { chooseNotifierAdapter } from '../../electron/main/notifier-choice'

describe('chooseNotifierAdapter', () => {
  it('uses node-notifier on macOS (unsigned builds) and Electron where node-notifier cannot report clicks', () => {
    expect(chooseNotifierAdapter('darwin')).toBe('node-notifier')
    expect(chooseNotifierAdapter('win32')).toBe('electron')
    expect(chooseNotifierAdapter('linux')).toBe('electron')
    expect(chooseNotifierAdapter('freebsd')).toBe('electron')
  })
})

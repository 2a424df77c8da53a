import { describe, expect, it } from 'vitest'
import { resolveDataDir, type DataDirInput } from '../../src/store'

describe('resolveDataDir', () => {
  const linux = { platform: 'linux', homedir: '/home/ada' } as const
  const mac = { platform: 'darwin', homedir: '/Users/ada' } as const
  const win = { platform: 'win32', homedir: 'C:\\Users\\ada' } as const

  it.each<[string, DataDirInput, string]>([
    ['linux default', { ...linux, env: {} }, '/home/ada/.config/Touchbase'],
    ['linux XDG_CONFIG_HOME', { ...linux, env: { XDG_CONFIG_HOME: '/xdg' } }, '/xdg/Touchbase'],
    ['linux empty XDG_CONFIG_HOME', { ...linux, env: { XDG_CONFIG_HOME: '' } }, '/home/ada/.config/Touchbase'],
    ['freebsd like linux', { platform: 'freebsd', homedir: '/home/ada', env: {} }, '/home/ada/.config/Touchbase'],
    ['macOS', { ...mac, env: { XDG_CONFIG_HOME: '/ignored' } }, '/Users/ada/Library/Application Support/Touchbase'],
    ['windows APPDATA', { ...win, env: { APPDATA: 'D:\\Roaming' } }, 'D:\\Roaming\\Touchbase'],
    ['windows without APPDATA', { ...win, env: {} }, 'C:\\Users\\ada\\AppData\\Roaming\\Touchbase'],
    ['env beats the OS folder', { ...linux, env: { TOUCHBASE_DATA_DIR: '/data/tb', XDG_CONFIG_HOME: '/xdg' } }, '/data/tb'],
    ['env on windows', { ...win, env: { TOUCHBASE_DATA_DIR: 'E:\\tb', APPDATA: 'D:\\Roaming' } }, 'E:\\tb'],
    ['empty env is unset', { ...mac, env: { TOUCHBASE_DATA_DIR: '  ' } }, '/Users/ada/Library/Application Support/Touchbase'],
    ['override beats env', { ...linux, override: './here', env: { TOUCHBASE_DATA_DIR: '/data/tb' } }, './here'],
    ['empty override is unset', { ...linux, override: '', env: { TOUCHBASE_DATA_DIR: '/data/tb' } }, '/data/tb']
  ])('%s', (_name, input, expected) => {
    expect(resolveDataDir(input)).toBe(expected)
  })
})

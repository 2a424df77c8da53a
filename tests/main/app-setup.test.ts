import { beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { setupAppIdentity } from '../../electron/main/app-identity'
import { setupAppMenu } from '../../electron/main/app-menu'
import { app, MenuDouble, resetElectron } from './electron-double'

beforeEach(() => resetElectron())

describe('the app’s identity', () => {
  it('names the app and its userData folder Touchbase (the folder the CLI uses too)', () => {
    setupAppIdentity()
    expect(app.getName()).toBe('Touchbase')
    expect(app.getPath('userData')).toBe(join('/double/appData', 'Touchbase'))
  })

  it('sets the AppUserModelId Windows toasts need, only on Windows', () => {
    setupAppIdentity('linux')
    expect(app.state.appUserModelId).toBeUndefined()
    setupAppIdentity('win32')
    expect(app.state.appUserModelId).toBe('app.touchbase.desktop')
  })
})

describe('the application menu', () => {
  it('has Quit in the app menu on macOS and in File elsewhere, plus Edit and Window', () => {
    setupAppMenu('darwin')
    expect(MenuDouble.applicationMenu!.items.map((i) => i.role)).toEqual(['appMenu', 'editMenu', 'windowMenu'])
    setupAppMenu('linux')
    expect(MenuDouble.applicationMenu!.items.map((i) => i.role)).toEqual(['fileMenu', 'editMenu', 'windowMenu'])
  })
})

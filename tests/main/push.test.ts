import { beforeEach, describe, expect, it } from 'vitest'
import { createPush, liveWebContentsIds } from '../../electron/main/push'
import { BrowserWindowDouble, resetElectron } from './electron-double'

beforeEach(() => resetElectron())

describe('push', () => {
  it('sends to every open window but the one left out, and waits for a page still loading', async () => {
    const main = new BrowserWindowDouble({})
    const quickLog = new BrowserWindowDouble({})
    const closed = new BrowserWindowDouble({})
    await main.loadFile('/app/index.html')
    closed.destroy()
    const loading = quickLog.loadFile('/app/index.html', { hash: 'quick-log' })
    const push = createPush(() => [main, quickLog, closed, null] as never)

    push('data:changed', undefined, { except: main.webContents.id })
    push('contact:open', 'a1')
    expect(main.webContents.sent).toEqual([['contact:open', 'a1']])
    expect(quickLog.webContents.sent).toEqual([])
    await loading
    expect(quickLog.webContents.sent).toEqual([
      ['data:changed', undefined],
      ['contact:open', 'a1']
    ])
    expect(liveWebContentsIds([main, quickLog, closed, null] as never)).toEqual([main.webContents.id, quickLog.webContents.id])
  })

  it('drops an event for a page destroyed while it loaded', async () => {
    const window = new BrowserWindowDouble({})
    const loading = window.loadFile('/app/index.html')
    createPush(() => [window] as never)('reminder:open-due', undefined)
    window.webContents.destroyed = true
    await loading
    expect(window.webContents.sent).toEqual([])
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, placeWindow, type Rect } from '../../electron/main/window-bounds'
import { loadWindowState, saveWindowState, windowStatePath } from '../../electron/main/window-state'

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 } // macOS work area below the menu bar
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1400 }
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1040 }

describe('placeWindow', () => {
  it('restores a window that is fully visible exactly as saved', () => {
    expect(placeWindow({ x: 100, y: 100, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({
      x: 100,
      y: 100,
      width: 1000,
      height: 700,
      maximized: false
    })
  })

  it('keeps a window on a second monitor, including one at negative coordinates', () => {
    expect(placeWindow({ x: 2000, y: 200, width: 1200, height: 800 }, [laptop, external])).toMatchObject({ x: 2000, y: 200 })
    expect(placeWindow({ x: -1500, y: 100, width: 1200, height: 800 }, [laptop, leftMonitor])).toMatchObject({ x: -1500, y: 100 })
  })

  it('lets the OS centre a window whose monitor is gone', () => {
    const placed = placeWindow({ x: 3000, y: 200, width: 1200, height: 800, maximized: true }, [laptop])
    expect(placed).toEqual({ width: 1200, height: 800, maximized: true })
  })

  it('pulls a window hanging off an edge back on, and shrinks one larger than the screen', () => {
    expect(placeWindow({ x: 1000, y: 500, width: 1000, height: 700 }, [laptop])).toEqual({ x: 440, y: 200, width: 1000, height: 700, maximized: false })
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: false })
  })

  it('ignores a window with only a sliver visible (less than a title bar)', () => {
    expect(placeWindow({ x: 1400, y: 100, width: 1000, height: 700 }, [laptop])).not.toHaveProperty('x')
  })

  it('enforces the minimum size', () => {
    expect(placeWindow({ x: 10, y: 30, width: 100, height: 50 }, [laptop])).toMatchObject({ ...MIN_WINDOW_SIZE })
  })

  it('falls back to the default size for missing or malformed state', () => {
    for (const saved of [undefined, null, 'junk', { x: 'a' }, { x: 0, y: 0, width: -5, height: 10 }, { x: Number.NaN, y: 0, width: 800, height: 600 }]) {
      expect(placeWindow(saved, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false })
    }
  })

  it('fits the default size onto a small screen', () => {
    expect(placeWindow(undefined, [{ x: 0, y: 0, width: 1024, height: 600 }])).toEqual({ width: 1024, height: 600, maximized: false })
  })
})

describe('window state file', () => {
  let dir: string | undefined
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('round-trips through userData/window-state.json and reads garbage as nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'touchbase-window-'))
    const file = windowStatePath(dir)
    expect(file).toBe(join(dir, 'window-state.json'))
    expect(await loadWindowState(file)).toBeUndefined()
    await saveWindowState(file, { x: 1, y: 2, width: 900, height: 700, maximized: true })
    expect(await loadWindowState(file)).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: true })
    await writeFile(file, '{ not json')
    expect(await loadWindowState(file)).toBeUndefined()
  })
})

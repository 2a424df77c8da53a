import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, matchesGlob, relative, resolve, sep } from 'node:path'
import { APP_USER_MODEL_ID } from '../../electron/main/app-constants'
import { appIconPath, trayIconPath } from '../../electron/main/tray-icons'
import { appDataDir, appFiles } from '../../electron/main/app-paths'

const root = resolve(__dirname, '../..')
const resources = join(root, 'resources')
const builderConfig = readFileSync(join(root, 'electron-builder.yml'), 'utf8')

describe('electron-builder.yml', () => {
  it('uses the AppUserModelId as appId, so Windows toasts are attributed to the installed shortcut', () => {
    expect(builderConfig).toMatch(new RegExp(`^appId: ${APP_USER_MODEL_ID.replace(/\./g, '\\.')}$`, 'm'))
  })

  it('unpacks node-notifier’s helper binaries from the asar and builds the three platforms’ targets', () => {
    expect(builderConfig).toMatch(/^asarUnpack:\n {2}- node_modules\/node-notifier\/vendor\/\*\*$/m)
    expect(builderConfig).toMatch(/^ {2}target: dmg$/m)
    expect(builderConfig).toMatch(/^ {2}target: nsis$/m)
    expect(builderConfig).toMatch(/^ {4}- AppImage\n {4}- deb$/m)
  })

  it('flips the Electron fuses at packaging, in a config electron-builder itself loads and accepts', async () => {
    // electron-builder's own loader and schema check (the same calls `electron-builder` makes), so a
    // misspelt fuse fails here rather than being ignored when packaging.
    const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config')
    const { DebugLogger } = await import('builder-util')
    const config = await getConfig(root, null, null)
    await validateConfiguration(config, new DebugLogger(false))
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
    // Only-from-asar needs an asar to load from.
    expect(config.asar).toBe(true)
  }, 30_000)

  it('unpacks every LevelDB binary the sync replicas load (pouchdb → leveldown, and level → leveldown)', () => {
    expect(builderConfig).toMatch(/^asar: true$/m)
    // The list under asarUnpack: its "  - pattern" lines (comments between them allowed).
    const block = /^asarUnpack:\n((?: {2}(?:- .*|#.*)\n)+)/m.exec(builderConfig)?.[1] ?? ''
    const asarUnpack = [...block.matchAll(/^ {2}- "?([^"\n]+)"?$/gm)].map((m) => m[1]!)
    expect(asarUnpack.length).toBeGreaterThanOrEqual(2)
    // Resolved the way Node resolves them at run time, from pouchdb's own folder.
    const fromPouch = createRequire(join(root, 'node_modules/pouchdb/package.json'))
    const fromLevel = createRequire(fromPouch.resolve('level/package.json'))
    const leveldowns = [...new Set([fromPouch.resolve('leveldown/package.json'), fromLevel.resolve('leveldown/package.json')].map(dirname))]
    const binaries = leveldowns.flatMap((dir) =>
      readdirSync(join(dir, 'prebuilds'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.node'))
        .map((file) => relative(root, join(dir, 'prebuilds', file)).split(sep).join('/'))
    )
    expect(binaries).toContain('node_modules/leveldown/prebuilds/linux-x64/node.napi.glibc.node')
    for (const file of binaries) expect(asarUnpack.some((pattern) => matchesGlob(file, pattern)), file).toBe(true)
    // And nothing else of node_modules is unpacked by those patterns (the asar stays the asar).
    expect(asarUnpack.some((pattern) => matchesGlob('node_modules/pouchdb/lib/index.js', pattern))).toBe(false)
  })

  it('points at icons that exist', () => {
    for (const [, path] of builderConfig.matchAll(/^ {2}icon: (\S+)$/gm)) expect(existsSync(join(root, path!)), path).toBe(true)
  })
})

describe('icons', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('has the idle and due tray images (and @2x) for %s', (platform) => {
    for (const state of ['idle', 'due'] as const) {
      const file = trayIconPath(platform, state, resources)
      expect(existsSync(file), file).toBe(true)
      expect(existsSync(file.replace(/\.png$/, '@2x.png')), `${file} @2x`).toBe(true)
    }
    expect(trayIconPath(platform, 'idle', resources)).not.toBe(trayIconPath(platform, 'due', resources))
  })

  it('uses template images on macOS', () => {
    expect(trayIconPath('darwin', 'idle', '/r')).toBe(join('/r', 'trayTemplate.png'))
    expect(trayIconPath('darwin', 'due', '/r')).toMatch(/Template\.png$/)
  })

  it('has the app icons and every tray size', () => {
    expect(existsSync(appIconPath(resources))).toBe(true)
    for (const size of [16, 24, 32, 48]) {
      for (const state of ['idle', 'due']) {
        expect(existsSync(join(resources, `tray-${state}-${size}.png`))).toBe(true)
        expect(existsSync(join(resources, `tray-${state}-${size}@2x.png`))).toBe(true)
      }
    }
    for (const file of ['icon-512.png', 'icon-256.png', 'icons/512x512.png', 'icons/256x256.png']) expect(existsSync(join(resources, file)), file).toBe(true)
  })
})

describe('app paths', () => {
  it('finds the built preload, renderer and icons in development and packaged', () => {
    expect(appFiles({ mainDir: '/repo/out/main', isPackaged: false, resourcesPath: '/x', appPath: '/repo' })).toEqual({
      preload: join('/repo/out/preload/index.cjs'),
      rendererIndex: join('/repo/out/renderer/index.html'),
      resourcesDir: join('/repo/resources')
    })
    expect(appFiles({ mainDir: '/opt/T/resources/app.asar/out/main', isPackaged: true, resourcesPath: '/opt/T/resources', appPath: '/opt/T/resources/app.asar' }).resourcesDir).toBe(
      join('/opt/T/resources/resources')
    )
  })

  it('uses $TOUCHBASE_DATA_DIR when set, else userData', () => {
    const base = { userData: '/home/ada/.config/Touchbase', platform: 'linux' as const, homedir: '/home/ada' }
    expect(appDataDir({ ...base, env: { TOUCHBASE_DATA_DIR: '/data/tb' } })).toBe('/data/tb')
    expect(appDataDir({ ...base, env: {} })).toBe('/home/ada/.config/Touchbase')
    expect(appDataDir({ ...base, env: { TOUCHBASE_DATA_DIR: '  ' } })).toBe('/home/ada/.config/Touchbase')
  })
})

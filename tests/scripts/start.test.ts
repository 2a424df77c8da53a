/**
 * `npm start` and `npm run dev` on a fresh machine (issue 8, §1), run for real with npm in a copy
 * of the project: its own node_modules/electron is Electron's package as npm installs it (no
 * binary, no path.txt), every other package is linked to ours. Electron itself is a stand-in
 * executable (ELECTRON_OVERRIDE_DIST_PATH) that records how it was launched, or, for a failed
 * download, nothing at all with the mirror pointed at a closed port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const PROJECT_FILES = ['package.json', 'electron.vite.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json', 'src', 'electron', 'resources', 'scripts']

let project: string
let standIn: string
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'touchbase-start-'))
  project = join(dir, 'touchbase')
  standIn = join(dir, 'electron-dist')
  await mkdir(join(project, 'node_modules'), { recursive: true })
  for (const file of PROJECT_FILES) await cp(join(ROOT, file), join(project, file), { recursive: true })
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry === 'electron' || entry === '.vite') continue
    await symlink(join(ROOT, 'node_modules', entry), join(project, 'node_modules', entry), 'junction')
  }
  // Electron's package exactly as the registry ships it: the binary comes later, on demand.
  const electronPackage = join(project, 'node_modules', 'electron')
  await mkdir(electronPackage)
  for (const file of ['package.json', 'index.js', 'install.js', 'cli.js', 'checksums.json']) {
    await copyFile(join(ROOT, 'node_modules', 'electron', file), join(electronPackage, file))
  }

  // The stand-in Electron: records its arguments, folder and what it could load, then exits.
  await mkdir(standIn)
  await writeFile(
    join(standIn, 'electron'),
    `#!${process.execPath}
const fs = require('node:fs')
const path = require('node:path')
const entry = path.resolve(process.cwd(), process.argv[2])
const main = path.resolve(entry, JSON.parse(fs.readFileSync(path.join(entry, 'package.json'), 'utf8')).main)
const record = { args: process.argv.slice(2), cwd: process.cwd(), main, mainBuilt: fs.existsSync(main), rendererUrl: process.env.ELECTRON_RENDERER_URL ?? null }
;(async () => {
  if (record.rendererUrl) record.rendererPage = await (await fetch(record.rendererUrl)).text()
  fs.writeFileSync(process.env.STAND_IN_RECORD, JSON.stringify(record))
})()
`
  )
  await chmod(join(standIn, 'electron'), 0o755)
}, 60_000)
afterAll(() => rm(resolve(project, '..'), { recursive: true, force: true }))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function npm(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('npm', args, {
      cwd: project,
      env: { ...process.env, ELECTRON_GET_NO_PROGRESS: '1', npm_config_update_notifier: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

/** A local port nothing listens on: the "mirror" of a machine that is offline. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  await new Promise((ok) => server.close(ok))
  return port
}

/** npm's own lines (warnings about the user's npmrc, the script banner) are not ours. */
const ownLines = (stderr: string) => stderr.split('\n').filter((line) => line.trim() !== '' && !/^npm (warn|notice|error)/i.test(line))

/** Offline: the mirror is a closed port, and @electron/get's cache is empty (no zip from an earlier download). */
async function offline(): Promise<Record<string, string>> {
  return {
    ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
    ELECTRON_OVERRIDE_DIST_PATH: '',
    electron_config_cache: await mkdtemp(join(resolve(project, '..'), 'electron-cache-'))
  }
}

describe('npm start', () => {
  it('says in two lines that the Electron download failed and what to do, and exits non-zero', async () => {
    const run = await npm(['start'], { ...(await offline()) })
    expect(run.code).not.toBe(0)
    expect(ownLines(run.stderr)).toEqual([
      expect.stringMatching(/^Could not download Electron \d+\.\d+\.\d+, which Touchbase runs on \(fetch failed, from 127\.0\.0\.1:\d+\)\.$/),
      'Check the network or proxy (set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1, or a mirror in ELECTRON_MIRROR), then run `npm start` again.'
    ])
    expect(run.stderr).not.toMatch(/^\s+at /m) // no stack trace
    expect(existsSync(join(project, 'out'))).toBe(false) // nothing built before Electron was there
  }, 60_000)

  it('builds Touchbase and launches Electron with the built main entry', async () => {
    const record = join(standIn, 'start.json')
    const run = await npm(['start'], { ELECTRON_OVERRIDE_DIST_PATH: standIn, STAND_IN_RECORD: record })
    expect(run.code, run.stderr).toBe(0)
    const launched = JSON.parse(await readFile(record, 'utf8'))
    expect(launched).toMatchObject({ args: ['.'], cwd: project, main: join(project, 'out/main/index.js'), mainBuilt: true, rendererUrl: null })
    expect(existsSync(join(project, 'out/preload/index.cjs'))).toBe(true)
    expect(existsSync(join(project, 'out/renderer/index.html'))).toBe(true)
  }, 240_000)
})

describe('npm run dev', () => {
  it('starts the dev server and launches Electron with the built main entry and the renderer’s URL', async () => {
    const record = join(standIn, 'dev.json')
    const run = await npm(['run', 'dev'], { ELECTRON_OVERRIDE_DIST_PATH: standIn, STAND_IN_RECORD: record })
    expect(run.code, run.stderr).toBe(0)
    const launched = JSON.parse(await readFile(record, 'utf8'))
    expect(launched).toMatchObject({ args: ['.'], cwd: project, main: join(project, 'out/main/index.js'), mainBuilt: true })
    expect(launched.rendererUrl).toMatch(/^http:\/\/localhost:\d+/)
    expect(launched.rendererPage).toContain('<div id="root">')
  }, 240_000)

  it('fails the same two-line way when Electron cannot be downloaded', async () => {
    const run = await npm(['run', 'dev'], { ...(await offline()) })
    expect(run.code).not.toBe(0)
    expect(ownLines(run.stderr)).toHaveLength(2)
    expect(ownLines(run.stderr)[1]).toMatch(/then run `npm run dev` again\.$/)
  }, 60_000)
})

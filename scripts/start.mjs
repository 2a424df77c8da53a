#!/usr/bin/env node
/**
 * `npm start` (electron-vite preview: build, then open the app) and `npm run dev` (electron-vite
 * dev). Usage: node scripts/start.mjs preview|dev [electron-vite options…]
 *
 * electron-vite finds Electron through node_modules/electron/path.txt, which Electron 42+ writes
 * only once its binary is downloaded, and it downloads lazily on the first `require('electron')`.
 * So this asks Electron's own package for its binary first (its index.js downloads it when
 * missing; this script has no download code), then runs electron-vite with ELECTRON_EXEC_PATH.
 * Electron's package honours ELECTRON_OVERRIDE_DIST_PATH, ELECTRON_MIRROR and its proxy settings.
 *
 * The question is asked in a child process: when the download fails, Electron's installer prints
 * a stack trace, and the person gets two lines instead, what failed and what to do.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const COMMANDS = { preview: 'npm start', dev: 'npm run dev' }

const [mode, ...viteArgs] = process.argv.slice(2)
if (!(mode in COMMANDS)) {
  console.error(`Usage: node scripts/start.mjs ${Object.keys(COMMANDS).join('|')} [electron-vite options]`)
  process.exit(2)
}

const electron = await electronBinary()
if (!electron.ok) {
  console.error(electron.problem)
  console.error(electron.remedy)
  process.exit(1)
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
const child = spawn(process.execPath, [electronVite, mode, ...viteArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electron.path }
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

/**
 * The Electron binary's path from Electron's package, downloading it if it is missing. Its own
 * output ("Downloading Electron binary...") reaches the terminal; its errors are summarised.
 */
function electronBinary() {
  const version = require('electron/package.json').version
  const again = COMMANDS[mode]
  const ask = `require('fs').writeSync(3, require(${JSON.stringify(require.resolve('electron'))}))`
  return new Promise((done) => {
    const asking = spawn(process.execPath, ['-e', ask], { cwd: root, stdio: ['ignore', 'inherit', 'pipe', 'pipe'] })
    let errors = ''
    let path = ''
    asking.stderr.on('data', (chunk) => (errors += chunk))
    asking.stdio[3].on('data', (chunk) => (path += chunk))
    asking.on('close', (code) => {
      if (code === 0 && existsSync(path)) return done({ ok: true, path })
      if (code === 0) {
        return done({
          ok: false,
          problem: `Electron's binary is not at ${path}.`,
          remedy: `Unset ELECTRON_OVERRIDE_DIST_PATH or point it at a folder with Electron ${version} in it, then run \`${again}\` again.`
        })
      }
      done({
        ok: false,
        problem: `Could not download Electron ${version}, which Touchbase runs on (${reason(errors)}, from ${downloadHost()}).`,
        remedy: `Check the network or proxy (set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1, or a mirror in ELECTRON_MIRROR), then run \`${again}\` again.`
      })
    })
  })
}

/** The installer's error, without its stack: "fetch failed", "Response code 404 (Not Found) for …". */
function reason(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim())
  const error = lines.find((line) => /^\w*Error: /.test(line) && !line.includes('Electron failed to install correctly'))
  return error ? error.replace(/^\w*Error: /, '') : 'the installer gave no reason'
}

/** Where @electron/get downloads from: a configured mirror, or GitHub's releases. */
function downloadHost() {
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror
  if (!mirror) return 'github.com'
  try {
    return new URL(mirror).host
  } catch {
    return mirror
  }
}

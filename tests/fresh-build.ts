/**
 * Tests that run a built bundle from out/ (the browser tests, the CLI tests) rebuild it first
 * when any of its sources is newer, so `npm test` can never test a stale bundle. The check is
 * cheap (the newest mtime under the inputs against the oldest output); the rebuild holds a lock,
 * so test files starting side by side build once and never read a half-written out/.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import lockfile from 'proper-lockfile'

export const ROOT = resolve(__dirname, '..')

export interface BundleSpec {
  /** Names the lock and the log line. */
  name: string
  /** Files the build writes, relative to the project. */
  outputs: string[]
  /** Files and folders (walked recursively) the bundle is built from. */
  inputs: string[]
  /** The build, run in the project folder with this Node. */
  build: string[]
}

const SHARED_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.base.json']

/** main, preload and renderer: what electron-vite builds, and what the browser tests load. */
export const APP_BUNDLE: BundleSpec = {
  name: 'app',
  outputs: ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'],
  inputs: ['src', 'electron', 'electron.vite.config.ts', ...SHARED_INPUTS],
  build: [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn']
}

/** out/cli/touchbase.js, the file users run as `touchbase`. */
export const CLI_BUNDLE: BundleSpec = {
  name: 'cli',
  outputs: ['out/cli/touchbase.js'],
  inputs: ['src/cli', 'src/service', 'src/store', 'src/core', 'src/shared', 'vite.cli.config.ts', ...SHARED_INPUTS],
  build: [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn']
}

/** The newest modification time of any file under `paths` (0 when none exists). */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const path of paths) visit(path)
  return newest
}

/** Whether every output exists and none is older than the newest input. */
export function isFresh(spec: BundleSpec, root = ROOT): boolean {
  const outputs = spec.outputs.map((o) => join(root, o))
  if (!outputs.every((o) => existsSync(o))) return false
  const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs))
  return oldestOutput >= newestMtime(spec.inputs.map((i) => join(root, i)))
}

/** Rebuilds the bundle if it is missing or older than its sources. */
export async function ensureFresh(spec: BundleSpec, root = ROOT): Promise<void> {
  if (isFresh(spec, root)) return
  const out = join(root, 'out')
  await mkdir(out, { recursive: true })
  const release = await lockfile.lock(out, {
    lockfilePath: join(out, `.${spec.name}-build.lock`),
    // Another test file may be building it right now: wait for it (a build takes well under a minute).
    retries: { retries: 120, minTimeout: 250, maxTimeout: 2000 },
    stale: 30_000
  })
  try {
    if (isFresh(spec, root)) return // built while we waited
    await promisify(execFile)(process.execPath, spec.build, { cwd: root, maxBuffer: 16 * 1024 * 1024 })
    if (!isFresh(spec, root)) throw new Error(`Building ${spec.name} left ${spec.outputs.join(', ')} older than its sources`)
  } finally {
    await release()
  }
}

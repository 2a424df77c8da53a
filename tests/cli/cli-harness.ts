import { afterAll, beforeAll } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CLI_BUNDLE, ensureFresh } from '../fresh-build'

export const ROOT = resolve(__dirname, '../..')
export const CLI = join(ROOT, 'out/cli/touchbase.js')

/**
 * The CLI is tested as the built file users run: `import { RRule } from 'rrule'` passes under
 * vitest but fails in native Node ESM, and only the bundle shows that. Builds it when it is
 * missing or older than its sources.
 */
export function ensureCliBuilt(): Promise<void> {
  return ensureFresh(CLI_BUNDLE)
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** `as` runs the CLI as another user (uid and gid; needs root), e.g. one a read-only folder stops. */
export function runCli(args: string[], env: Record<string, string> = {}, as?: { uid: number; gid: number }): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...as })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}

export async function tempDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'touchbase-cli-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Runs the CLI on `dir` and parses its --json output, failing loudly with stderr. */
export async function cliJson<T = unknown>(dir: string, args: string[]): Promise<T> {
  const result = await runCli([...args, '--data', dir, '--json'])
  if (result.code !== 0) throw new Error(`touchbase ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return JSON.parse(result.stdout) as T
}

/**
 * Builds the CLI once and gives the file a fresh data folder, removed afterwards.
 * Call at the top of a test file; read `.dir` inside tests.
 */
export function useCliDataDir(): { readonly dir: string } {
  const state = { dir: '', cleanup: async () => {} }
  beforeAll(async () => {
    await ensureCliBuilt()
    const tmp = await tempDataDir()
    state.dir = tmp.dir
    state.cleanup = tmp.cleanup
  })
  afterAll(() => state.cleanup())
  return {
    get dir() {
      return state.dir
    }
  }
}

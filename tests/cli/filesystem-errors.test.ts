import { execFile, spawnSync } from 'node:child_process'
import { chmod, chown, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureCliBuilt, runCli, tempDataDir, type CliResult } from './cli-harness'

beforeAll(() => ensureCliBuilt())
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const unix = process.platform !== 'win32'
/** Root ignores permissions, so as root the CLI runs as "nobody" to meet a read-only folder for real. */
const root = unix && process.getuid!() === 0
const NOBODY = 65534

/** Runs the CLI as a user that a read-only folder stops (ourselves, or nobody when we are root). */
const runCliUnprivileged = (args: string[]): Promise<CliResult> => runCli(args, {}, root ? { uid: NOBODY, gid: NOBODY } : undefined)

/** A data folder the unprivileged user owns. */
async function ownedDataDir(): Promise<string> {
  const tmp = await tempDataDir()
  cleanups.push(async () => {
    await chmod(tmp.dir, 0o700).catch(() => undefined)
    await tmp.cleanup()
  })
  if (root) await chown(tmp.dir, NOBODY, NOBODY)
  return tmp.dir
}

async function addContact(dir: string, now: string): Promise<string> {
  const added = await runCliUnprivileged(['add', '--name', 'Ada', '--json', '--data', dir, '--now', now])
  expect(added.code, added.stderr).toBe(0)
  return (JSON.parse(added.stdout) as { id: string }).id
}

describe.runIf(unix)('file-system errors at the command line', () => {
  it('a read-only backups folder: the touch is saved, and a warning on stderr says the backup is missing', async () => {
    const dir = await ownedDataDir()
    const id = await addContact(dir, '2026-11-20T12:00:00Z')
    await mkdir(join(dir, 'backups'))
    if (root) await chown(join(dir, 'backups'), NOBODY, NOBODY)
    await chmod(join(dir, 'backups'), 0o555)

    // The next day's first write would make the daily backup.
    const touched = await runCliUnprivileged(['touch', id, '--channel', 'call', '--note', 'saved anyway', '--data', dir, '--now', '2026-11-21T12:00:00Z'])
    expect(touched.code, touched.stderr).toBe(0)
    expect(touched.stderr).toContain(`touchbase: warning: Touchbase could not make today’s backup: permission denied for ${join(dir, 'backups')} (EACCES).`)
    expect(touched.stderr).toContain(`What to do: Make sure you may write to ${join(dir, 'backups')}`)
    expect(touched.stderr).toContain('Your change was saved all the same')
    expect(touched.stderr).not.toMatch(/(E[A-Z]+): \1/)
    const doc = JSON.parse(await readFile(join(dir, 'touchbase.json'), 'utf8'))
    expect(doc.contacts[0].touches.map((t: { note?: string }) => t.note)).toEqual(['saved anyway'])
    expect(await readdir(join(dir, 'backups'))).toEqual([])
  })

  it('a read-only data folder: the message names the file, says the data is unchanged and what to do', async () => {
    const dir = await ownedDataDir()
    const id = await addContact(dir, '2026-11-20T12:00:00Z')
    const before = await readFile(join(dir, 'touchbase.json'))
    await chmod(dir, 0o555)

    const result = await runCliUnprivileged(['touch', id, '--channel', 'call', '--data', dir, '--now', '2026-11-20T13:00:00Z'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`Touchbase could not lock its data file: permission denied in the folder ${dir}`)
    expect(result.stderr).toContain(`File: ${join(dir, 'touchbase.json')}`)
    expect(result.stderr).toContain('The data file is unchanged')
    expect(result.stderr).toMatch(/What to do: Make sure you may write to /)
    // Said once, not "EACCES: EACCES:".
    expect(result.stderr.match(/EACCES/g)).toHaveLength(1)
    expect(await readFile(join(dir, 'touchbase.json'))).toEqual(before)
  })

  // A small tmpfs in a private mount namespace (unshare works for any user where user
  // namespaces are enabled): a real full disk.
  const canUnshare = unix && spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'true']).status === 0
  it.runIf(canUnshare)('a full disk: the message says so, and the file is byte for byte as before', async () => {
    const tmp = await tempDataDir()
    cleanups.push(tmp.cleanup)
    const script = `
      set -u
      mount -t tmpfs -o size=512k tmpfs "$DIR" || exit 90
      run() { "$NODE" "$CLI" "$@" --data "$DIR"; }
      ID=$(run add --name Ada --json | "$NODE" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')
      run touch "$ID" --channel call --note first >/dev/null || exit 91
      cp "$DIR/touchbase.json" /dev/shm/touchbase-before-$$ 2>/dev/null || cat "$DIR/touchbase.json" > "$DIR/before.json" || exit 92
      # Leave two pages: room for the lock, not for the new file with a 9,000-character note.
      FREE=$(df --output=avail -B1 "$DIR" | tail -1)
      head -c $((FREE - 8192)) /dev/zero > "$DIR/filler" 2>/dev/null
      run touch "$ID" --channel call --note "$(head -c 9000 /dev/zero | tr '\\0' x)"
      echo "exit=$?"
      if cmp -s "$DIR/touchbase.json" /dev/shm/touchbase-before-$$ 2>/dev/null || cmp -s "$DIR/touchbase.json" "$DIR/before.json"; then echo same; else echo changed; fi
      rm -f /dev/shm/touchbase-before-$$
    `
    const { stdout, stderr } = await promisify(execFile)('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
      env: { ...process.env, DIR: tmp.dir, NODE: process.execPath, CLI }
    }).catch((e: { stdout: string; stderr: string }) => e)
    expect(stdout).toContain('exit=1')
    expect(stdout).toContain('same')
    expect(stderr).toContain(`Touchbase could not save your change: the disk holding ${tmp.dir}`)
    expect(stderr).toContain('is full (ENOSPC)')
    expect(stderr).toContain(`File: ${join(tmp.dir, 'touchbase.json')}`)
    expect(stderr).toContain('The data file is unchanged')
    expect(stderr).toContain('What to do: Free some disk space, then try again.')
    expect(stderr).not.toMatch(/(E[A-Z]+): \1/)
  })

  it('starting over next to backups says where the earlier data is', async () => {
    const dir = await ownedDataDir()
    await mkdir(join(dir, 'backups'))
    await writeFile(join(dir, 'backups', 'touchbase-2026-11-19.json'), '{}')
    const result = await runCliUnprivileged(['add', '--name', 'Ada', '--data', dir])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`touchbase: warning: Touchbase found no data file, so it started a new one at ${join(dir, 'touchbase.json')}`)
    expect(result.stderr).toContain(`touchbase restore "${join(dir, 'backups', 'touchbase-2026-11-19.json')}"`)
  })
})

import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { DocumentSchema } from '../../src/core/model'
import { CLI, cliJson, useCliDataDir } from './cli-harness'

const KILLS = 60

const data = useCliDataDir()

/**
 * One `touchbase touch` process, killed with SIGKILL after `killAfterMs` unless it finished first.
 * Returns whether the CLI acknowledged the touch (exit 0 and JSON printed) before dying.
 */
function touchAndMaybeKill(id: string, note: string, killAfterMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'touch', id, '--note', note, '--channel', 'email', '--data', data.dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve(code === 0 && stdout.includes(`"${note}"`))
    })
  })
}

it(`keeps the file valid and every acknowledged touch through ${KILLS} SIGKILLs of the CLI`, async () => {
  const contact = await cliJson<{ id: string }>(data.dir, ['add', '--name', 'Crash Test Dummy'])
  const acknowledged: string[] = []
  // How long one touch takes here, so the kill moments cover the whole life of a run
  // (start-up, lock, write, fsync, rename, print) whatever the machine's speed. The pace is
  // followed as the test goes (the median of the latest finished runs): a machine whose load
  // changes midway still gets its kills mid-flight.
  const durations: number[] = []
  const pace = () => [...durations.slice(-7)].sort((a, b) => a - b)[Math.floor(Math.min(durations.length, 7) / 2)]!
  for (let i = 0; i < 3; i++) {
    const started = Date.now()
    expect(await touchAndMaybeKill(contact.id, `warm-up-${i}`, 60_000)).toBe(true)
    acknowledged.push(`warm-up-${i}`)
    durations.push(Date.now() - started)
  }
  let killed = 0
  for (let i = 0; killed < KILLS; i++) {
    const note = `touch-${i}`
    const killAfter = Math.floor(pace() * (0.4 + Math.random()))
    const started = Date.now()
    if (await touchAndMaybeKill(contact.id, note, killAfter)) {
      acknowledged.push(note)
      durations.push(Date.now() - started)
    } else killed++
    // The file must parse and validate after every kill, not just at the end.
    const doc = DocumentSchema.parse(JSON.parse(await readFile(join(data.dir, 'touchbase.json'), 'utf8')))
    const notes = new Set(doc.contacts[0]!.touches.map((t) => t.note))
    for (const n of acknowledged) expect(notes.has(n), `acknowledged ${n} is on disk`).toBe(true)
    if (i > KILLS * 6) throw new Error(`only ${killed} of ${i} runs were killed mid-flight`)
  }
  const finalState = await cliJson<{ touchCount: number; touches: { note?: string }[] }>(data.dir, ['show', contact.id])
  expect(finalState.touchCount).toBeGreaterThanOrEqual(acknowledged.length)
  // Some runs must have finished between kills, or the test proved nothing about acknowledgements.
  expect(acknowledged.length).toBeGreaterThan(3)
  console.log(`crash test: ${killed} kills, ${acknowledged.length} acknowledged touches, ${finalState.touchCount} on disk (a run takes ~${pace()} ms)`)
}, 600_000)

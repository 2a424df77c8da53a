import { spawn } from 'node:child_process'
import { expect, it } from 'vitest'
import { CLI, cliJson, useCliDataDir } from './cli-harness'

const data = useCliDataDir()

// tests/store/multiprocess.test.ts races 2 × 200 writes from two child processes on the store;
// here the same race goes through the whole CLI, where each touch is a new process.
const PER_WRITER = 60

/** A shell loop that runs `touchbase touch` PER_WRITER times, one process per touch, as a user's script would. */
function writer(id: string, name: string): Promise<number | null> {
  const script = `for i in $(seq 1 ${PER_WRITER}); do "${process.execPath}" "${CLI}" touch ${id} --note ${name}-$i --data "${data.dir}" >/dev/null || exit 1; done`
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { stdio: 'inherit' })
    child.on('close', resolve)
  })
}

it(`loses nothing when two processes each log ${PER_WRITER} touches into one file at once`, async () => {
  const contact = await cliJson<{ id: string }>(data.dir, ['add', '--name', 'Shared Vendor', '--email', 'orders@vendor.example'])
  const started = Date.now()
  const codes = await Promise.all([writer(contact.id, 'a'), writer(contact.id, 'b')])
  expect(codes).toEqual([0, 0])
  const result = await cliJson<{ touchCount: number; touches: { note?: string }[] }>(data.dir, ['show', contact.id])
  expect(result.touchCount).toBe(2 * PER_WRITER)
  const notes = new Set(result.touches.map((t) => t.note))
  for (let i = 1; i <= PER_WRITER; i++) {
    expect(notes.has(`a-${i}`)).toBe(true)
    expect(notes.has(`b-${i}`)).toBe(true)
  }
  console.log(`concurrency: ${2 * PER_WRITER} CLI touches from 2 writers in ${Date.now() - started} ms`)
}, 600_000)

import { execFileSync, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { CLI, cliJson, useCliDataDir } from './cli-harness'

/**
 * `touchbase block` driven through a real pseudo-terminal: tmux runs it in a detached session,
 * we type single keys into it and read the screen back, as a person at a terminal would.
 */
const hasTmux = spawnSync('sh', ['-c', 'command -v tmux']).status === 0
// CI installs tmux (.ci/run); skipping there would hide a broken install, so only skip locally.
const runIt = hasTmux || process.env.CI ? it : it.skip

const data = useCliDataDir()
const socket = `touchbase-test-${process.pid}`
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' })
afterAll(() => {
  if (!hasTmux) return
  spawnSync('tmux', ['-L', socket, 'kill-server'])
  // kill-server leaves the socket file behind.
  rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, socket), { force: true })
})

const screen = () => tmux('capture-pane', '-p', '-t', 'block')
/** Waits until the screen shows `text` (a busy machine may take a while to redraw). */
async function waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const shown = screen()
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown
    if (Date.now() > deadline) throw new Error(`the screen never showed ${String(text)}; it shows:\n${shown}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
/** Types keys: single characters as they are, named keys (Enter, Escape) by name. */
const keys = (...list: string[]) => {
  for (const k of list) tmux('send-keys', '-t', 'block', ...(['Enter', 'Escape', 'BSpace'].includes(k) ? [k] : ['-l', k]))
}

function startBlock(now: string) {
  // `read` keeps the pane open after the block ends, so its summary can be read.
  const command = `env TZ=Europe/Berlin "${process.execPath}" "${CLI}" block --data "${data.dir}" --now ${now}; echo "EXIT=$?"; read _`
  spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'block'])
  tmux('new-session', '-d', '-s', 'block', '-x', '120', '-y', '40', command)
}

runIt('touchbase block logs two touches and a promise, marks a delivery, skips one and quits, in a real terminal', async () => {
  expect(hasTmux, 'tmux installed').toBe(true)
  const add = (args: string[]) => cliJson<{ id: string }>(data.dir, [...args, '--now', '2026-11-30T09:00:00Z'])
  // Due Wednesday 2 December; the block runs on Friday 4th. Order: high priority first, then
  // Vera (her promise is due at midnight), Cleo, and Dan (low) last.
  const ada = await add(['add', '--name', 'Ada', '--email', 'ada@example.com', '--subject', 'the server quote', '--priority', 'high'])
  const bob = await add(['add', '--name', 'Bob', '--email', 'bob@example.com', '--priority', 'high'])
  const vera = await add(['add', '--name', 'Vera', '--kind', 'vendor', '--phone', '+49 30 1'])
  await cliJson(data.dir, ['wait', vera.id, '--until', '2026-12-02T00:00:00+01:00', '--what', 'the signed offer', '--now', '2026-11-30T10:00:00Z'])
  const cleo = await add(['add', '--name', 'Cleo', '--email', 'cleo@example.com'])
  const dan = await add(['add', '--name', 'Dan', '--email', 'dan@example.com', '--priority', 'low'])

  startBlock('2026-12-04T09:00:00Z')
  await waitFor('Follow-up block · 1 of 5')
  expect(screen()).toContain('About: the server quote')

  // Ada: a call, no answer, with a note.
  keys('2')
  await waitFor('What came of it?')
  keys('n', 'left a voicemail')
  await waitFor('left a voicemail█')
  keys('Enter')
  // Bob: an email that got a promise: the deck by Monday (+3 days).
  await waitFor(/2 of 5[\s\S]*Bob/)
  keys('1', 'w', 'Enter')
  await waitFor('Promised by')
  keys('+3', 'Enter')
  await waitFor('What did they promise?')
  keys('the deck', 'Enter')
  // Vera delivered; Cleo skipped; quit on Dan.
  await waitFor(/3 of 5[\s\S]*Vera[\s\S]*Promised Dec 2 · 2 days late: the signed offer/)
  keys('d')
  await waitFor(/4 of 5[\s\S]*Cleo/)
  keys('k')
  await waitFor(/5 of 5[\s\S]*Dan/)
  keys('q')
  const summary = await waitFor('EXIT=0')
  expect(summary).toContain('Block stopped early: it does not count for the streak')
  expect(summary).toContain('Touches: 2 (call 1, email 1)')
  expect(summary).toContain('Promises recorded: 1 · delivered: 1 · snoozed: 0 · closed: 0 · skipped: 1')

  const doc = JSON.parse(await readFile(join(data.dir, 'touchbase.json'), 'utf8'))
  const byId = (id: string) => doc.contacts.find((c: { id: string }) => c.id === id)
  expect(byId(ada.id).touches).toEqual([{ id: expect.any(String), at: '2026-12-04T09:00:00.000Z', channel: 'call', outcome: 'no-reply', note: 'left a voicemail' }])
  expect(byId(bob.id)).toMatchObject({ status: 'waiting', waitingFor: 'the deck', waitingUntil: '2026-12-06T23:00:00.000Z', touches: [{ channel: 'email', outcome: 'replied' }] })
  expect(byId(vera.id).status).toBe('active')
  expect(byId(vera.id)).not.toHaveProperty('waitingUntil')
  expect(byId(cleo.id).touches).toEqual([])
  expect(byId(dan.id).touches).toEqual([])
  expect(doc.blocks).toEqual([])

  // Later that day: Cleo and Dan are still due, and so is Vera, back on her cadence (never
  // touched, due since the 2nd). Skipping all three empties the queue: a finished block.
  keys('Enter')
  startBlock('2026-12-04T10:00:00Z')
  await waitFor(/1 of 3[\s\S]*Cleo/)
  keys('k')
  await waitFor(/2 of 3[\s\S]*Vera/)
  keys('k')
  await waitFor(/3 of 3[\s\S]*Dan/)
  keys('k')
  const finished = await waitFor('EXIT=0')
  expect(finished).toContain('Block finished: the queue is empty. It counts for your streak.')
  expect(finished).toContain('Streak: 1 workday in a row')
  const after = JSON.parse(await readFile(join(data.dir, 'touchbase.json'), 'utf8'))
  expect(after.blocks).toMatchObject([{ date: '2026-12-04', ended: 'queue-empty', touches: 0, skipped: 3, minutes: 30 }])
}, 120_000)

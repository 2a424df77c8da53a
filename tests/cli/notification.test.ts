import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { CLI, cliJson, tempDataDir, useCliDataDir } from './cli-harness'

/**
 * A real notification: a private D-Bus session with Xvfb and the dunst notification server,
 * dbus-monitor watching for the Notify call that `touchbase remind` makes through node-notifier.
 */
const tools = ['dbus-run-session', 'dbus-send', 'Xvfb', 'dunst', 'dbus-monitor', 'notify-send']
const missing = tools.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0)
// CI installs these (.ci/run); skipping there would hide a broken install, so only skip locally.
const runIt = missing.length === 0 || process.env.CI ? it : it.skip

const data = useCliDataDir()

/** Runs `touchbase remind` on `dataDir` under Xvfb, dunst and dbus-monitor; returns its result and the monitor's log. */
async function remindUnderDbus(dataDir: string): Promise<{ status: number | null; stdout: string; stderr: string; log: string }> {
  const display = `:${90 + Math.floor(Math.random() * 100)}`
  const script = `
    set -u
    Xvfb ${display} -screen 0 800x600x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB=$!
    for i in $(seq 1 50); do [ -e /tmp/.X11-unix/X${display.slice(1)} ] && break; sleep 0.1; done
    export DISPLAY=${display}
    dbus-monitor --session "interface='org.freedesktop.Notifications',member='Notify'" > "$MONITOR_LOG" 2>&1 &
    MON=$!
    dunst >/dev/null 2>&1 &
    DUNST=$!
    # Wait until dunst owns the notification service, however slow the machine.
    for i in $(seq 1 100); do
      dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q 'boolean true' && break
      sleep 0.1
    done
    "${process.execPath}" "${CLI}" remind --data "${dataDir}" --now 2026-11-27T10:00:00Z
    CODE=$?
    sleep 1
    kill $MON $DUNST $XVFB 2>/dev/null
    exit $CODE
  `
  const monitorLog = `${dataDir}/dbus-monitor.log`
  const result = spawnSync('dbus-run-session', ['--', 'bash', '-c', script], {
    env: { ...process.env, MONITOR_LOG: monitorLog, LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
    timeout: 60_000
  })
  const { readFileSync } = await import('node:fs')
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, log: readFileSync(monitorLog, 'utf8') }
}

runIt('touchbase remind emits a Notify call with the due count', async () => {
  expect(missing, 'notification tools installed').toEqual([])
  for (const name of ['Ada', 'Grace']) await cliJson(data.dir, ['add', '--name', name, '--kind', 'vendor', '--now', '2026-11-20T09:00:00Z'])
  const { status, stdout, stderr, log } = await remindUnderDbus(data.dir)
  expect(status, stderr).toBe(0)
  expect(stdout).toContain('2 follow-ups due today')
  expect(log).toMatch(/member=Notify/)
  expect(log).toContain('2 follow-ups due today')
  expect(log).toMatch(/Ada \(vendor, touch 1\)/)
}, 90_000)

runIt('a name with markup reaches the notification server escaped, as plain text', async () => {
  expect(missing, 'notification tools installed').toEqual([])
  const { dir, cleanup } = await tempDataDir()
  try {
    const name = '<a href="https://evil.example">win</a> & <b>co</b>'
    await cliJson(dir, ['add', '--name', name, '--now', '2026-11-20T09:00:00Z'])
    const { status, stderr, log } = await remindUnderDbus(dir)
    expect(status, stderr).toBe(0)
    expect(log).toMatch(/member=Notify/)
    expect(log).toContain('&lt;a href="https://evil.example"&gt;win&lt;/a&gt; &amp; &lt;b&gt;co&lt;/b&gt;')
    expect(log).not.toContain('<a href')
    expect(log).not.toContain('<b>')
  } finally {
    await cleanup()
  }
}, 90_000)

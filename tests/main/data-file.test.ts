/**
 * The running app and its data file damaged from outside (issue 10, item 6), on the Electron
 * double with a real store: Touchbase starts on a damaged file instead of quitting, tells its
 * windows when the file goes missing, is damaged or is usable again, refuses changes meanwhile,
 * and offers the ways back (the latest backup, or writing back what it holds).
 */
import { describe, expect, it, vi } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { emptyDocument } from '../../src/core/model'
import type { DataStatus } from '../../src/service/service'
import type { ContactView } from '../../src/core/contact-view'
import { app, dialog, NotificationDouble, type WebContentsDouble } from './electron-double'
import { localTime, useAppUnderTest, type AppUnderTest, type AppUnderTestOptions } from './app-under-test'

const WEDNESDAY = localTime('2026-11-25T10:00')
const FRIDAY = localTime('2026-11-20T10:00')
const DAMAGED = '{"schemaVersion": 1, "contacts": ['

const startApp = useAppUnderTest({
  now: WEDNESDAY,
  seedAt: FRIDAY,
  seed: async (service) => void (await service.addContact({ name: 'Ada Lovelace', email: 'ada@example.com' }))
})

async function start(options: Partial<AppUnderTestOptions> = {}): Promise<AppUnderTest> {
  const t = await startApp(options)
  // Start-up writes the reminder's state (Ada is due) before it notifies: let that write land
  // first, so a file deleted by a test is not written back by a write already under way.
  if (!('seed' in options)) await vi.waitFor(() => expect(NotificationDouble.instances).toHaveLength(1))
  return t
}

async function ok<T>(t: AppUnderTest, channel: string, ...args: unknown[]): Promise<T> {
  const response = await t.invoke(t.mainWindow().webContents, channel, ...args)
  if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
  return response.value as T
}

const names = async (t: AppUnderTest) => (await ok<ContactView[]>(t, 'contacts:list')).map((c) => c.name)
const lastStatus = (t: AppUnderTest, page: WebContentsDouble) => t.received(page, 'data:status').at(-1) as DataStatus | undefined
const trayTooltip = (t: AppUnderTest) => t.tray().tooltip

/** A valid data file with one contact, as a person might put back by hand. */
const validFile = (name: string) =>
  JSON.stringify({ ...emptyDocument(), contacts: [{ id: 'c1', name, kind: 'lead', tags: [], status: 'active', createdAt: FRIDAY.toISOString(), updatedAt: FRIDAY.toISOString(), touches: [] }] })

describe('starting on a damaged data file', () => {
  it('opens the window with the status instead of quitting, refuses changes, and recovers when the file is repaired', async () => {
    const t = await start({
      seed: undefined,
      beforeStart: async ({ dataDir }) => {
        await mkdir(dataDir, { recursive: true })
        await writeFile(join(dataDir, 'touchbase.json'), DAMAGED)
      }
    })
    expect(dialog.errorBoxes).toEqual([])
    expect(app.state.ended).toBeNull()
    const main = t.mainWindow()
    expect(main.isVisible()).toBe(true)

    const status = await ok<DataStatus>(t, 'data:status')
    expect(status).toMatchObject({ state: 'damaged', code: 'corrupt', filePath: join(t.dataDir, 'touchbase.json'), canRecreate: false })
    expect(status.state === 'damaged' && status.safeCopyPath).toMatch(/touchbase\.corrupt-.*\.json$/)
    expect(await readFile(join(t.dataDir, 'touchbase.json'), 'utf8')).toBe(DAMAGED) // untouched

    // Changes are refused with the banner's reason; nothing is written.
    const add = await t.invoke(main.webContents, 'contacts:add', { name: 'Grace Hopper' })
    expect(add).toMatchObject({ ok: false, error: { code: 'data-file', reason: 'data-file' } })
    expect(await readFile(join(t.dataDir, 'touchbase.json'), 'utf8')).toBe(DAMAGED)
    // The tray says so too, and still offers the window and Quit.
    expect(trayTooltip(t)).toBe('Touchbase: your data file needs attention')
    expect(t.tray().menu!.labels()).toEqual(expect.arrayContaining(['Your data file needs attention', 'Open Touchbase', 'Quit Touchbase']))

    // Repaired outside Touchbase: the window hears it is usable again and refetches, no restart.
    await writeFile(join(t.dataDir, 'touchbase.json'), validFile('Ada Lovelace'))
    await vi.waitFor(() => expect(lastStatus(t, main.webContents)).toEqual({ state: 'ok', filePath: join(t.dataDir, 'touchbase.json') }), { timeout: 5000 })
    await vi.waitFor(() => expect(t.received(main.webContents, 'data:changed').length).toBeGreaterThan(0))
    expect(await names(t)).toEqual(['Ada Lovelace'])
    await ok(t, 'contacts:add', { name: 'Grace Hopper' })
    expect(await names(t)).toEqual(['Ada Lovelace', 'Grace Hopper'])
    await vi.waitFor(() => expect(trayTooltip(t)).toBe('Touchbase: 1 follow-up due'))
  })
})

describe('the data file deleted while the app runs', () => {
  it('pushes "missing" with the newest backup and its date; restoring it from the window makes it usable again', async () => {
    const t = await start()
    const main = t.mainWindow()
    const [ada] = await ok<ContactView[]>(t, 'contacts:list')
    // Today's first change keeps the file as it was as today's backup.
    await ok(t, 'touch:log', ada!.id, { channel: 'email' })
    const backups = await readdir(join(t.dataDir, 'backups'))
    expect(backups).toHaveLength(1)

    await unlink(join(t.dataDir, 'touchbase.json'))
    await vi.waitFor(() => expect(lastStatus(t, main.webContents)).toMatchObject({ state: 'missing', code: 'missing', canRecreate: true }), { timeout: 5000 })
    const missing = lastStatus(t, main.webContents)!
    expect(missing.state === 'missing' && missing.latestBackup).toBe(join(t.dataDir, 'backups', backups[0]!))
    expect(missing.state === 'missing' && Date.parse(missing.latestBackupAt!)).toBeGreaterThan(0)
    // Not a silent new file: a change is refused, and no file appears.
    expect(await t.invoke(main.webContents, 'touch:log', ada!.id, { channel: 'call' })).toMatchObject({ ok: false, error: { reason: 'data-file' } })
    expect(existsSync(join(t.dataDir, 'touchbase.json'))).toBe(false)
    await vi.waitFor(() => expect(trayTooltip(t)).toBe('Touchbase: your data file needs attention'))

    const restored = await ok<{ contacts: number; restoredFrom: string; backupPath: string }>(t, 'data:restore-latest')
    expect(restored).toMatchObject({ contacts: 1, restoredFrom: join(t.dataDir, 'backups', backups[0]!) })
    // What the app held (with the touch) is kept aside before the backup replaces it.
    expect(JSON.parse(await readFile(restored.backupPath, 'utf8')).contacts[0].touches).toHaveLength(1)
    await vi.waitFor(() => expect(lastStatus(t, main.webContents)?.state).toBe('ok'), { timeout: 5000 })
    const [back] = await ok<ContactView[]>(t, 'contacts:list')
    expect(back).toMatchObject({ name: 'Ada Lovelace', touchCount: 0 })
  })

  it('writes back what it holds, after the window confirmed, but never over a file that exists', async () => {
    const t = await start()
    const main = t.mainWindow()
    await ok(t, 'contacts:add', { name: 'Grace Hopper' })
    expect(await t.invoke(main.webContents, 'data:recreate')).toMatchObject({ ok: false, error: { code: 'conflict' } })

    await unlink(join(t.dataDir, 'touchbase.json'))
    await vi.waitFor(() => expect(lastStatus(t, main.webContents)?.state).toBe('missing'), { timeout: 5000 })
    expect(await ok(t, 'data:recreate')).toEqual({ contacts: 2 })
    await vi.waitFor(() => expect(lastStatus(t, main.webContents)?.state).toBe('ok'), { timeout: 5000 })
    expect(JSON.parse(await readFile(join(t.dataDir, 'touchbase.json'), 'utf8')).contacts.map((c: { name: string }) => c.name)).toEqual(['Ada Lovelace', 'Grace Hopper'])
  })

  it('is used again, without a word from the window, when it is put back', async () => {
    const t = await start()
    const main = t.mainWindow()
    const file = join(t.dataDir, 'touchbase.json')
    const bytes = await readFile(file)
    await unlink(file)
    await vi.waitFor(() => expect(lastStatus(t, main.webContents)?.state).toBe('missing'), { timeout: 5000 })
    await writeFile(file, bytes)
    await vi.waitFor(() => expect(lastStatus(t, main.webContents)?.state).toBe('ok'), { timeout: 5000 })
    expect(t.received(main.webContents, 'data:status').map((s) => (s as DataStatus).state)).toEqual(['missing', 'ok'])
    expect(await names(t)).toEqual(['Ada Lovelace'])
  })
})

describe('warnings about the data file', () => {
  it('pushes a backup that could not be made as a warning; the change itself is saved', async () => {
    const t = await start({
      // A plain file where the backups folder belongs: no backup can be made there.
      beforeStart: ({ dataDir }) => writeFile(join(dataDir, 'backups'), 'not a folder')
    })
    const main = t.mainWindow()
    await ok(t, 'contacts:add', { name: 'Grace Hopper' })
    await vi.waitFor(() => expect(t.received(main.webContents, 'data:warning')).toEqual([{ code: 'backup-failed', message: expect.stringContaining('backups') }]))
    expect(await names(t)).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect((await ok<DataStatus>(t, 'data:status')).state).toBe('ok')
  })
})

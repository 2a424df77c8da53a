/**
 * Import in the app (issue 10, item 13), on the Electron double with a real store: main asks for
 * the file with the system's dialog and streams it through the service; the window only ever
 * holds a token for the file, and follows the import through 'import:progress' events.
 */
import { describe, expect, it } from 'vitest'
import { truncate, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ImportReport } from '../../src/core/interop/requests'
import { MAX_IMPORT_BYTES } from '../../src/core/interop/limits'
import type { PickedImport, PushEvents } from '../../src/shared/ipc'
import { dialog } from './electron-double'
import { localTime, useAppUnderTest, type AppUnderTest } from './app-under-test'

const GOOGLE = resolve(__dirname, '../fixtures/import/google-contacts.csv')

const start = useAppUnderTest({ now: localTime('2026-11-25T10:00') })

async function call<T>(t: AppUnderTest, channel: string, ...args: unknown[]): Promise<T> {
  const response = await t.invoke(t.mainWindow().webContents, channel, ...args)
  if (!response.ok) throw Object.assign(new Error(response.error.message), response.error)
  return response.value as T
}

describe('importing a file main picked', () => {
  it('asks the system dialog for a contacts file, previews it with progress, then imports it', async () => {
    const t = await start()
    const page = t.mainWindow().webContents
    dialog.open.answer(GOOGLE)
    const picked = await call<PickedImport>(t, 'import:pick')
    expect(picked).toEqual({ token: expect.any(String), fileName: 'google-contacts.csv', size: expect.any(Number) })
    expect(picked.size).toBeGreaterThan(100)
    expect(dialog.open.requests).toEqual([
      {
        title: 'Import contacts',
        properties: ['openFile'],
        filters: [
          { name: 'Contacts (CSV, vCard)', extensions: ['csv', 'vcf', 'vcard', 'txt'] },
          { name: 'All files', extensions: ['*'] }
        ]
      }
    ])
    // The page never sees the path, only the token.
    expect(JSON.stringify(picked)).not.toContain(GOOGLE)

    const preview = await call<ImportReport>(t, 'import:file', picked.token, { dryRun: true })
    expect(preview).toMatchObject({ dryRun: true, format: 'csv-google', added: [{ name: 'Dana J. Whitaker' }, { name: '张伟' }, { name: 'Gamma Supplies' }] })
    expect(await call(t, 'contacts:list')).toEqual([])
    const progress = t.received(page, 'import:progress') as PushEvents['import:progress'][]
    expect(progress.filter((p) => p.stage === 'reading').at(-1)).toEqual({ stage: 'reading', done: picked.size, total: picked.size })
    expect(progress.filter((p) => p.stage === 'planning').at(-1)).toEqual({ stage: 'planning', done: 3, total: 3 })

    const report = await call<ImportReport>(t, 'import:file', picked.token, {})
    expect(report.added).toHaveLength(3)
    expect(await call<unknown[]>(t, 'contacts:list')).toHaveLength(3)
  })

  it('does nothing when the dialog is cancelled, and refuses a token it did not hand out', async () => {
    const t = await start()
    dialog.open.answer(null)
    expect(await call(t, 'import:pick')).toBeNull()
    await expect(call(t, 'import:file', 'a-path-or-a-guess', { dryRun: true })).rejects.toMatchObject({ code: 'not-found' })
    await expect(call(t, 'import:file', GOOGLE, { dryRun: true })).rejects.toMatchObject({ code: 'not-found' })
    dialog.open.answer(GOOGLE)
    const { token } = await call<PickedImport>(t, 'import:pick')
    await expect(call(t, 'import:file', token, { dryRun: 'yes' })).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('answers a dry run of a CSV without a name column with its columns, for the window to ask which holds the names', async () => {
    const t = await start()
    const file = join(t.root, 'leute.csv')
    await writeFile(file, 'Wer;Firma\nKatherine Johnson;NASA\n')
    dialog.open.answer(file)
    const { token } = await call<PickedImport>(t, 'import:pick')
    const columns = await call<ImportReport>(t, 'import:file', token, { dryRun: true })
    expect(columns).toMatchObject({ added: [], mappingPreview: { headers: ['Wer', 'Firma'], sampleRows: [['Katherine Johnson', 'NASA']] } })
    // The real import is still refused: the person must say which column holds the names.
    await expect(call(t, 'import:file', token, {})).rejects.toMatchObject({ code: 'import', reason: 'no-name-column' })
    const mapped = await call<ImportReport>(t, 'import:file', token, { mapping: { Wer: 'name', Firma: 'org' } })
    expect(mapped.added).toEqual([{ row: 2, name: 'Katherine Johnson', id: expect.any(String) }])
  })

  it('refuses a file over the limit before reading it, with its size in the message', async () => {
    const t = await start()
    const file = join(t.root, 'huge.csv')
    await writeFile(file, 'Name\n')
    await truncate(file, MAX_IMPORT_BYTES + 1)
    dialog.open.answer(file)
    const picked = await call<PickedImport>(t, 'import:pick')
    expect(picked.size).toBe(MAX_IMPORT_BYTES + 1)
    await expect(call(t, 'import:file', picked.token, { dryRun: true })).rejects.toMatchObject({ code: 'import', reason: 'too-large', message: expect.stringContaining('50 MB') })
    expect(t.received(t.mainWindow().webContents, 'import:progress')).toEqual([])
  })
})

import { DateTime } from 'luxon'
import {
  ImportError,
  applyImportPlan,
  contactsToCsv,
  contactsToVcard,
  followUpsToIcs,
  planImport,
  readImportFile,
  serializeBackup,
  type ImportOptions,
  type ImportPlan,
  type ReadImport,
  type RowError
} from '../core/interop'
import { MigrationError, migrate } from '../core/migrations'
import type { Contact } from '../core/model'
import type { Store } from '../store'
import type { ExportFormat, ExportedFile, ImportFileRequest, ImportReport, ImportRequest } from '../core/interop/requests'
import { readImportColumns, readImportFromDisk, type ReadProgress } from './import-file'

export type { ExportFormat, ExportedFile, ImportFileRequest, ImportReport, ImportRequest }

export interface ImportDeps {
  now: Date
  newId: () => string
  onProgress?: (done: number, total: number) => void
}

function byRow(a: RowError, b: RowError): number {
  return a.row - b.row
}

function report(file: ReadImport, plan: ImportPlan, dryRun: boolean, idsByRow?: Map<number, string>): ImportReport {
  const idOf = (row: number) => idsByRow?.get(row)
  return {
    format: file.format,
    dryRun,
    added: plan.toAdd.map((a) => ({ row: a.row, name: a.input.name, ...optionalId(idOf(a.row)) })),
    merged: plan.toMerge.map((m) => {
      const existing = 'existingId' in m.target ? m.target.existingId : undefined
      return {
        row: m.row,
        name: m.input.name,
        ...optionalId(existing ?? idOf(m.row)),
        ...('row' in m.target ? { intoRow: m.target.row } : {}),
        into: m.target.name,
        matchedBy: m.matchedBy
      }
    }),
    skipped: plan.skipped.map((s) => ({
      row: s.row,
      name: s.name,
      reason: s.reason,
      into: s.target.name,
      ...('row' in s.target ? { intoRow: s.target.row } : {}),
      matchedBy: s.matchedBy
    })),
    errors: [...file.errors, ...plan.errors].sort(byRow),
    ...(file.mappingPreview ? { mappingPreview: file.mappingPreview } : {})
  }
}

const optionalId = (id: string | undefined) => (id === undefined ? {} : { id })

/**
 * Imports a CSV or vCard file held in memory (the app and the CLI stream files through
 * importRead instead). The whole file is parsed and planned before anything is written.
 */
export async function importContacts(store: Store, req: ImportRequest, deps: ImportDeps): Promise<ImportReport> {
  // Its size was checked with the request (ImportRequestSchema: at most MAX_IMPORT_BYTES characters).
  return importRead(store, readImportFile(req.fileName, req.text, req.mapping), req, deps)
}

/** Imports a CSV or vCard file from disk, streamed (service/import-file): the CLI's import. */
export async function importFromDisk(store: Store, req: ImportFileRequest, deps: ImportDeps & { onRead?: ReadProgress }): Promise<ImportReport> {
  return importRead(store, await readImportFromDisk(req.path, req.mapping, deps.onRead), req, deps)
}

/** The columns of a CSV refused for want of a name column, from the start of the file; null for anything else. */
export function columnsFromDisk(path: string): Promise<ImportReport | null> {
  return readImportColumns(path)
}

/**
 * Plans and applies an import. The plan is applied in one store.update, so an import lands
 * whole or not at all, and it is made on the store's latest document inside that update, so a
 * change that arrives meanwhile (the CLI and the app share the file) is not lost or duplicated.
 */
async function importRead(store: Store, file: ReadImport, req: Omit<ImportRequest, 'text' | 'fileName'>, deps: ImportDeps): Promise<ImportReport> {
  const options: ImportOptions = { onDuplicate: req.onDuplicate, decisions: req.decisions, onProgress: deps.onProgress }
  const plan = (existing: readonly Contact[]) => planImport(existing, file.records, options)

  if (req.dryRun) return report(file, plan((await store.read()).contacts), true)

  const seen = (await store.read()).contacts
  const preview = plan(seen)
  if (preview.toAdd.length === 0 && preview.toMerge.length === 0) return report(file, preview, false)

  const { final, idsByRow } = await store.update((doc) => {
    // Usually nothing changed since the preview and its plan holds; if another process changed
    // the contacts meanwhile, planning again on the fresh data keeps their change and our import.
    const final = sameForPlanning(doc.contacts, seen) ? preview : planImport(doc.contacts, file.records, { ...options, onProgress: undefined })
    return { final, ...applyImportPlan(doc, final, deps) }
  })
  return report(file, final, false, idsByRow)
}

/** Whether two contact lists plan an import the same: same ids, and the same fields duplicates are found by. */
function sameForPlanning(a: readonly Contact[], b: readonly Contact[]): boolean {
  if (a.length !== b.length) return false
  return a.every((c, i) => {
    const d = b[i]!
    return c.id === d.id && c.updatedAt === d.updatedAt && c.name === d.name && c.org === d.org && c.email === d.email && c.phone === d.phone
  })
}

const EXPORTS: Record<ExportFormat, { mimeType: string }> = {
  csv: { mimeType: 'text/csv;charset=utf-8' },
  vcf: { mimeType: 'text/vcard;charset=utf-8' },
  json: { mimeType: 'application/json' },
  ics: { mimeType: 'text/calendar;charset=utf-8' }
}

export async function exportData(store: Store, format: ExportFormat, deps: { now: Date; timeZone: string }): Promise<ExportedFile> {
  const doc = await store.read()
  const day = DateTime.fromJSDate(deps.now, { zone: deps.timeZone }).toFormat('yyyy-MM-dd')
  const content =
    format === 'csv'
      ? contactsToCsv(doc, deps)
      : format === 'vcf'
        ? contactsToVcard(doc.contacts)
        : format === 'ics'
          ? followUpsToIcs(doc, deps)
          : serializeBackup(doc)
  const name = format === 'json' ? `touchbase-backup-${day}` : format === 'ics' ? `touchbase-follow-ups-${day}` : `touchbase-contacts-${day}`
  return { fileName: `${name}.${format}`, mimeType: EXPORTS[format].mimeType, content }
}

/**
 * Replaces all data with a JSON backup. The backup is parsed and validated (and upgraded
 * from older versions) before anything changes; then the current file is copied aside, and
 * the swap is one atomic write.
 */
export async function restoreBackup(store: Store, text: string): Promise<{ contacts: number; backupPath: string }> {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new ImportError('not-json', `This is not a Touchbase JSON backup: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, { cause: e })
  }
  let doc
  try {
    doc = migrate(raw).doc
  } catch (e) {
    const details = e instanceof MigrationError ? `\n${e.details.slice(0, 10).join('\n')}` : ''
    throw new ImportError('bad-backup', `This is not a valid Touchbase backup: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.${details}`, {
      cause: e
    })
  }
  const backupPath = await store.backupNow('before-restore')
  await store.replace(doc)
  return { contacts: doc.contacts.length, backupPath }
}

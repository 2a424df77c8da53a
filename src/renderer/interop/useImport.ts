import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { hasNameColumn } from '../../core/interop/csv-import'
import { MAX_IMPORT_BYTES, describeSize } from '../../core/interop/limits'
import type { ContactField } from '../../core/interop/records'
import type { ImportChoices as ImportRequestChoices, ImportReport } from '../../core/interop/requests'
import type { PickedImport, PushEvents } from '../../shared/ipc'
import { call, subscribe } from '../api/client'
import { errorText } from '../api/error-text'
import { useData } from '../app/data'
import { useToast } from '../ui/Toast'
import type { DuplicateChoice } from './report'

export type ColumnTarget = ContactField | 'ignore'

export interface ImportChoices {
  onDuplicate?: DuplicateChoice
  decisions: Record<number, DuplicateChoice>
  /** Only once the person has changed a column; until then the service's own mapping applies. */
  mapping?: Record<string, ContactField>
}

export type ImportPhase =
  | { kind: 'closed' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'preview'; fileName: string; report: ImportReport; updating: boolean; error: string | null }
  | { kind: 'running'; fileName: string; report: ImportReport }

export type Progress = PushEvents['import:progress']

const NO_CHOICES: ImportChoices = { decisions: {} }

/**
 * The import flow: main shows the system's file dialog and keeps the file (the page gets a token,
 * never the path or the text); dry runs until the person is happy with the preview, then the real
 * import with progress, then a toast with Undo. Main streams the file for each run.
 */
export function useImport() {
  const { t, i18n } = useTranslation()
  const { reload } = useData()
  const toast = useToast()
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'closed' })
  const [choices, setChoices] = useState<ImportChoices>(NO_CHOICES)
  const [progress, setProgress] = useState<Progress | null>(null)
  const file = useRef<PickedImport | null>(null)
  // Each dry run gets a number; an answer that arrives after a newer request was made is dropped.
  const latest = useRef(0)

  // Subscribed for as long as the button is there: the first events of a run may come before a re-render.
  useEffect(() => subscribe('import:progress', setProgress), [])

  const preview = useCallback(
    async (c: ImportChoices) => {
      const seq = ++latest.current
      const { token, fileName } = file.current!
      setChoices(c)
      if (c.mapping && !hasNameColumn(c.mapping)) {
        // Known to fail; say it in the person's language rather than round-trip for the service's.
        setPhase((p) => (p.kind === 'preview' ? { ...p, updating: false, error: t('import.mapping.needName') } : p))
        return
      }
      setPhase((p) => (p.kind === 'preview' ? { ...p, updating: true } : p))
      try {
        const report = await call('import:file', token, requestOf(c, true))
        if (seq !== latest.current) return
        // A CSV whose names we could not find comes back as its columns only, for the person to point at the names.
        const needsName = !c.mapping && report.mappingPreview !== undefined && !hasNameColumn(report.mappingPreview.mapping)
        setPhase({ kind: 'preview', fileName, report, updating: false, error: needsName ? t('import.mapping.needName') : null })
      } catch (error) {
        if (seq !== latest.current) return
        const message = errorText(error, t, fileName)
        // The first look decides whether this is an import file at all; later failures come
        // from the person's own choices and can be fixed there.
        setPhase((p) => (p.kind === 'preview' ? { ...p, updating: false, error: message } : { kind: 'failed', fileName, message }))
      }
    },
    [t]
  )

  const pick = useCallback(async () => {
    let picked: PickedImport | null
    try {
      picked = await call('import:pick')
    } catch (error) {
      toast({ message: t('toast.failed', { message: errorText(error, t) }), tone: 'error' })
      return
    }
    if (!picked) return
    latest.current++
    setProgress(null)
    setChoices(NO_CHOICES)
    // Refused at once, before a byte is read, as the CLI does.
    if (picked.size > MAX_IMPORT_BYTES) {
      setPhase({ kind: 'failed', fileName: picked.fileName, message: t('import.refused.too-large', { file: picked.fileName, size: describeSize(picked.size), max: describeSize(MAX_IMPORT_BYTES) }) })
      return
    }
    file.current = picked
    setPhase({ kind: 'reading', fileName: picked.fileName })
    await preview(NO_CHOICES)
  }, [preview, t, toast])

  const close = useCallback(() => {
    latest.current++
    file.current = null
    setPhase({ kind: 'closed' })
    setChoices(NO_CHOICES)
  }, [])

  const confirm = useCallback(async () => {
    if (phase.kind !== 'preview' || phase.updating || phase.error) return
    setProgress(null)
    setPhase({ kind: 'running', fileName: phase.fileName, report: phase.report })
    try {
      // Undo puts back the whole document as it was. Deleting the added contacts would be
      // enough for adds, but a merge fills fields and adds tags inside existing contacts, and
      // only the complete snapshot knows what they held before. The restore keeps a backup of
      // the imported state too, so even an Undo pressed by mistake loses nothing. The price: a
      // change made elsewhere (the CLI) in the same 10 seconds is rolled back with the import.
      const snapshot = await call('export:run', 'json')
      const report = await call('import:file', file.current!.token, requestOf(choices, false))
      close()
      await reload()
      toast({
        message: summary(t, i18n.language, report),
        ...(report.added.length + report.merged.length > 0
          ? {
              undo: async () => {
                await call('backup:restore', snapshot.content)
                await reload()
              }
            }
          : {})
      })
    } catch (error) {
      setPhase({ kind: 'preview', fileName: phase.fileName, report: phase.report, updating: false, error: errorText(error, t, phase.fileName) })
    }
  }, [phase, choices, close, reload, toast, t, i18n.language])

  return { phase, choices, progress, pick, close, confirm, preview }
}

type T = TFunction

function requestOf(c: ImportChoices, dryRun: boolean): ImportRequestChoices {
  return {
    dryRun,
    ...(c.onDuplicate ? { onDuplicate: c.onDuplicate } : {}),
    ...(Object.keys(c.decisions).length ? { decisions: c.decisions } : {}),
    ...(c.mapping ? { mapping: c.mapping } : {})
  }
}

function summary(t: T, language: string, report: ImportReport): string {
  const n = (list: unknown[]) => list.length.toLocaleString(language)
  const counts = t('import.done', { added: n(report.added), merged: n(report.merged), skipped: n(report.skipped) })
  return report.errors.length ? `${counts} · ${t('import.doneErrors', { count: report.errors.length })}` : counts
}

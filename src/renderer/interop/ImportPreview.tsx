import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportReport } from '../../core/interop/requests'
import { CappedList } from './CappedList'
import { DuplicateList, RowNumber } from './DuplicateList'
import { ImportProgress } from './ImportProgress'
import { MappingTable } from './MappingTable'
import { duplicateRows, willChange } from './report'
import { rowErrorText } from './row-errors'
import type { useImport } from './useImport'

type Flow = ReturnType<typeof useImport>

/** What the dry run says the import will do, with the choices that change it. */
export function ImportPreview({ flow }: { flow: Flow }) {
  const { t } = useTranslation()
  const { phase, choices, preview, close, confirm } = flow
  const report = phase.kind === 'preview' || phase.kind === 'running' ? phase.report : null
  if (!report) return null
  const running = phase.kind === 'running'
  const busy = running || (phase.kind === 'preview' && phase.updating)
  const error = phase.kind === 'preview' ? phase.error : null
  const canImport = !busy && !error && willChange(report)

  return (
    <form
      className="import-preview"
      onSubmit={(e) => {
        e.preventDefault()
        void confirm()
      }}
    >
      <Summary report={report} />
      {running ? (
        <ImportProgress progress={flow.progress} label={t('import.running')} />
      ) : (
        <div className={`import-scroll ${busy ? 'is-updating' : ''}`} aria-busy={busy} data-testid="import-preview">
          {report.mappingPreview && (
            <MappingTable
              preview={report.mappingPreview}
              mapping={choices.mapping ?? report.mappingPreview.mapping}
              onChange={(mapping) => void preview({ ...choices, mapping })}
            />
          )}
          {error ? (
            <div className="form-alert pre" role="alert" data-testid="import-preview-error">
              {error}
            </div>
          ) : (
            <Sections report={report} flow={flow} />
          )}
        </div>
      )}
      <div className="dialog-actions">
        {!running && <span className="dialog-hint">{t('import.hint')}</span>}
        <button type="button" className="button" onClick={close} disabled={running}>
          {t('import.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={!canImport} autoFocus data-testid="import-confirm">
          {t('import.confirm')}
        </button>
      </div>
    </form>
  )
}

function Summary({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  const counts = [
    ['added', report.added.length, t('import.countAdded', { count: report.added.length })],
    ['merged', report.merged.length, t('import.countMerged', { count: report.merged.length })],
    ['skipped', report.skipped.length, t('import.countSkipped', { count: report.skipped.length })],
    ['errors', report.errors.length, t('import.countErrors', { count: report.errors.length })]
  ] as const
  return (
    <div className="import-summary">
      <span className="import-format" data-testid="import-format">
        {t(`import.format.${report.format}`)}
      </span>
      {counts.map(([key, count, text]) => (
        <span key={key} className={`import-count import-count-${key} ${count === 0 ? 'is-zero' : ''}`} data-testid={`import-count-${key}`} data-count={count}>
          {text}
        </span>
      ))}
    </div>
  )
}

function Sections({ report, flow }: { report: ImportReport; flow: Flow }) {
  const { t } = useTranslation()
  const { choices, preview } = flow
  const duplicates = useMemo(() => duplicateRows(report), [report])
  const vcard = report.format === 'vcard'

  return (
    <>
      {!willChange(report) && <p className="import-nothing">{t('import.nothing')}</p>}
      {duplicates.length > 0 && (
        <DuplicateList
          rows={duplicates}
          onDuplicate={choices.onDuplicate}
          decisions={choices.decisions}
          vcard={vcard}
          onAll={(onDuplicate) => void preview({ ...choices, onDuplicate, decisions: {} })}
          onRow={(row, choice) => void preview({ ...choices, decisions: { ...choices.decisions, [row]: choice } })}
        />
      )}
      {report.added.length > 0 && (
        <section className="import-section">
          <h3 className="section-title">
            {t('import.added')} <span className="count-pill">{report.added.length}</span>
          </h3>
          <CappedList
            items={report.added}
            keyOf={(a) => a.row}
            testId="import-added"
            render={(a) => (
              <div className="import-row">
                <RowNumber row={a.row} vcard={vcard} />
                <span className="import-name">{a.name}</span>
              </div>
            )}
          />
        </section>
      )}
      {report.errors.length > 0 && (
        <section className="import-section">
          <h3 className="section-title">
            {t('import.problems')} <span className="count-pill count-pill-error">{report.errors.length}</span>
          </h3>
          <CappedList
            items={report.errors}
            keyOf={(e) => `${e.row}:${e.line ?? 0}:${e.message}`}
            testId="import-errors"
            render={(e) => (
              <div className="import-row">
                <RowNumber row={e.row} line={e.line} vcard={vcard} />
                <span className="import-error-text">{rowErrorText(e, t)}</span>
              </div>
            )}
          />
        </section>
      )}
    </>
  )
}

import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { CappedList } from './CappedList'
import { overallChoice, type DuplicateChoice, type DuplicateRow } from './report'

interface Props {
  rows: DuplicateRow[]
  /** The choices being previewed; shown at once, before the dry run that applies them returns. */
  onDuplicate: DuplicateChoice | undefined
  decisions: Record<number, DuplicateChoice>
  onAll: (choice: DuplicateChoice) => void
  onRow: (row: number, choice: DuplicateChoice) => void
  vcard: boolean
}

/**
 * Rows that match a contact: merge or skip them all, or decide row by row. The controls stay
 * enabled while a dry run is out, so keyboard focus never drops out of a select mid-change.
 */
export function DuplicateList({ rows, onDuplicate, decisions, onAll, onRow, vcard }: Props) {
  const { t } = useTranslation()
  // Without per-row decisions every duplicate follows the overall choice, which the service
  // defaults to skip.
  const overall = Object.keys(decisions).length === 0 ? (onDuplicate ?? 'skip') : overallChoice(rows)

  return (
    <section className="import-section" aria-labelledby="import-duplicates-title">
      <div className="import-section-head">
        <h3 className="section-title" id="import-duplicates-title">
          {t('import.duplicates')} <span className="count-pill">{rows.length}</span>
        </h3>
        <div className="segmented" role="radiogroup" aria-label={t('import.duplicates')}>
          {(['merge', 'skip'] as const).map((choice) => (
            <label key={choice} className={overall === choice ? 'is-selected' : ''}>
              <input type="radio" name="duplicates" value={choice} checked={overall === choice} onChange={() => onAll(choice)} data-testid={`duplicates-${choice}-all`} />
              {t(choice === 'merge' ? 'import.mergeAll' : 'import.skipAll')}
            </label>
          ))}
        </div>
      </div>
      <p className="section-hint">{t('import.duplicatesHint')}</p>
      <CappedList
        items={rows}
        keyOf={(r) => r.row}
        testId="import-duplicates"
        render={(r) => (
          <div className="import-row" data-row={r.row}>
            <RowNumber row={r.row} vcard={vcard} />
            <span className="import-row-main">
              <span className="import-name">{r.name}</span>
              <span className="import-row-note">{matchText(t, r)}</span>
            </span>
            <select value={decisions[r.row] ?? r.choice} onChange={(e) => onRow(r.row, e.target.value as DuplicateChoice)} aria-label={t('import.decision', { row: r.row, name: r.name })} data-testid={`decision-${r.row}`}>
              <option value="merge">{t('import.merge')}</option>
              <option value="skip">{t('import.skip')}</option>
            </select>
          </div>
        )}
      />
    </section>
  )
}

type T = TFunction

function matchText(t: T, r: DuplicateRow): string {
  if (!r.into) return r.reason ?? ''
  const by = r.matchedBy ? t(`import.by.${r.matchedBy}`) : ''
  return r.intoRow !== undefined ? t('import.matchesRow', { by, name: r.into, row: r.intoRow }) : t('import.matches', { by, name: r.into })
}

export function RowNumber({ row, line, vcard }: { row: number; line?: number; vcard?: boolean }) {
  const { t } = useTranslation()
  const key = vcard ? (line ? 'import.cardLine' : 'import.card') : line ? 'import.rowLine' : 'import.row'
  return <span className="import-row-number">{t(key, { row, line })}</span>
}

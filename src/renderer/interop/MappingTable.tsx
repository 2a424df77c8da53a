import { useTranslation } from 'react-i18next'
import type { MappingPreview } from '../../core/interop/csv-import'
import { CONTACT_FIELDS, type ContactField } from '../../core/interop/records'
import type { ColumnTarget } from './useImport'

interface Props {
  preview: MappingPreview
  /** The mapping in force: the person's, once they changed a column, else the service's guess. */
  mapping: Record<string, ContactField>
  onChange: (mapping: Record<string, ContactField>) => void
}

/** A CSV we did not recognise: each column with what it feeds, over the file's first rows. */
export function MappingTable({ preview, mapping, onChange }: Props) {
  const { t } = useTranslation()
  const set = (header: string, target: ColumnTarget) => {
    const { [header]: _old, ...rest } = mapping
    onChange(target === 'ignore' ? rest : { ...rest, [header]: target })
  }

  return (
    <section className="import-section" aria-labelledby="import-mapping-title" data-testid="import-mapping">
      <h3 className="section-title" id="import-mapping-title">
        {t('import.mapping.title')}
      </h3>
      <p className="section-hint">{t('import.mapping.hint')}</p>
      <div className="mapping-scroll">
        <table className="mapping-table">
          <thead>
            <tr>
              {preview.headers.map((header, i) => (
                <th key={i} scope="col">
                  <span className="mapping-header" title={header}>
                    {header}
                  </span>
                  <select
                    value={mapping[header] ?? 'ignore'}
                    onChange={(e) => set(header, e.target.value as ColumnTarget)}
                    aria-label={t('import.mapping.column', { header })}
                    className={mapping[header] ? 'is-active' : ''}
                    data-testid={`mapping-${i}`}
                  >
                    <option value="ignore">{t('import.mapping.ignore')}</option>
                    {CONTACT_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {t(`import.fields.${field}`)}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sampleRows.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((_h, c) => (
                  <td key={c} className={mapping[preview.headers[c]!] ? '' : 'is-ignored'}>
                    {row[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

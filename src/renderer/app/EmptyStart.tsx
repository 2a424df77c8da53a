import { useTranslation } from 'react-i18next'
import { ImportButton } from '../interop/ImportButton'
import { Icon } from '../ui/icons'
import type { View } from './App'

/** What every screen shows before there is a single contact: how to get some in (over the empty board's columns). */
export function EmptyStart({ view, onAdd }: { view: View; onAdd: () => void }) {
  const { t } = useTranslation()
  return (
    <section className={`empty-start empty-start-${view}`} aria-labelledby="empty-start-title" data-testid="empty-start">
      <div className="empty-start-card">
        <h1 id="empty-start-title">{t('empty.title')}</h1>
        <p>{t(`empty.${view}`)}</p>
        <div className="empty-start-actions">
          <ImportButton labelled />
          <button type="button" className="button" onClick={onAdd} data-testid="empty-add">
            <Icon name="plus" size={15} /> {t('empty.add')}
          </button>
        </div>
        <p className="empty-start-hint">{t('empty.formats')}</p>
      </div>
    </section>
  )
}

import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { DUE_FILTERS, isEmptyQuery, type ContactQuery } from '../../core/filters'

/** The query as the UI holds it: always an object. */
export type Filters = NonNullable<ContactQuery>
import { CONTACT_KINDS, type ContactKind } from '../../core/model'
import { TeamFilters } from '../syncing/TeamFilters'

interface Props {
  query: Filters
  onChange: (query: Filters) => void
  contacts: ContactSummary[]
  shown: number
}

const UNTOUCHED_CHOICES = [7, 14, 30, 60, 90] as const

export function FilterBar({ query, onChange, contacts, shown }: Props) {
  const { t } = useTranslation()
  const tags = useMemo(() => [...new Set(contacts.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)), [contacts])
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | '') => onChange({ ...query, [key]: value === '' ? undefined : value })

  return (
    <div className="filter-bar" role="group" aria-label={t('filters.label')}>
      <select aria-label={t('form.kind')} value={query.kind ?? ''} onChange={(e) => set('kind', e.target.value as ContactKind | '')} data-testid="filter-kind" className={query.kind ? 'is-active' : ''}>
        <option value="">{t('filters.kindAll')}</option>
        {CONTACT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('form.tags')} value={query.tag ?? ''} onChange={(e) => set('tag', e.target.value)} data-testid="filter-tag" className={query.tag ? 'is-active' : ''}>
        <option value="">{t('filters.tagAll')}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            #{tag}
          </option>
        ))}
      </select>
      <select aria-label={t('detail.nextDue')} value={query.due ?? ''} onChange={(e) => set('due', e.target.value as Filters['due'] | '')} data-testid="filter-due" className={query.due ? 'is-active' : ''}>
        <option value="">{t('filters.dueAll')}</option>
        {DUE_FILTERS.map((d) => (
          <option key={d} value={d}>
            {t(`filters.due.${d}`)}
          </option>
        ))}
      </select>
      <label className={`untouched ${query.untouchedDays ? 'is-active' : ''}`}>
        <span>{t('filters.untouched')}</span>
        <select value={query.untouchedDays ?? ''} onChange={(e) => set('untouchedDays', e.target.value ? Number(e.target.value) : '')} data-testid="filter-untouched">
          <option value="">–</option>
          {UNTOUCHED_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <span>{t('filters.days')}</span>
      </label>
      <TeamFilters query={query} onChange={onChange} contacts={contacts} />
      {!isEmptyQuery(query) && (
        <>
          <span className="filter-summary" data-testid="filter-summary">
            {t('filters.showing', { shown, total: contacts.length })}
          </span>
          <button type="button" className="button button-ghost" onClick={() => onChange({})}>
            {t('filters.clear')}
          </button>
        </>
      )}
    </div>
  )
}

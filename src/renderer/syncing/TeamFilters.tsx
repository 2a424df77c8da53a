import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import type { ContactQuery } from '../../core/filters'
import { useData } from '../app/data'

type Filters = NonNullable<ContactQuery>

interface Props {
  query: Filters
  onChange: (query: Filters) => void
  contacts: ContactSummary[]
}

/** The boards in use: the ones synced, and any a contact is on (moved there on another device). */
export function useBoards(contacts: readonly ContactSummary[] | null): string[] {
  const { settings } = useData()
  const synced = settings?.sync?.boards
  return useMemo(() => [...new Set([...(synced ?? []), ...(contacts ?? []).flatMap((c) => (c.board ? [c.board] : []))])].sort(), [synced, contacts])
}

/**
 * The board filters: which list (mine, or one team board) and whose follow-up (mine, a
 * teammate's, nobody's yet). Shown only once there is a team board.
 */
export function TeamFilters({ query, onChange, contacts }: Props) {
  const { t } = useTranslation()
  const { settings } = useData()
  const me = settings?.sync?.user
  const boards = useBoards(contacts)
  const teammates = useMemo(() => [...new Set(contacts.flatMap((c) => (c.board && c.owner && c.owner !== me ? [c.owner] : [])))].sort((a, b) => a.localeCompare(b)), [contacts, me])
  if (boards.length === 0) return null

  const list = query.board === undefined ? '' : query.board === null ? '@personal' : `board:${query.board}`
  const owner = query.teammate ? `user:${query.teammate}` : (query.owner ?? '')
  const pickList = (value: string) => onChange({ ...query, board: value === '' ? undefined : value === '@personal' ? null : value.slice('board:'.length) })
  const pickOwner = (value: string) =>
    onChange({
      ...query,
      owner: value === 'mine' || value === 'unassigned' ? value : undefined,
      teammate: value.startsWith('user:') ? value.slice('user:'.length) : undefined
    })

  return (
    <>
      <select aria-label={t('team.list')} value={list} onChange={(e) => pickList(e.target.value)} className={list ? 'is-active' : ''} data-testid="filter-board">
        <option value="">{t('team.allLists')}</option>
        <option value="@personal">{t('team.personal')}</option>
        {boards.map((b) => (
          <option key={b} value={`board:${b}`}>
            {t('team.board', { board: b })}
          </option>
        ))}
      </select>
      <select aria-label={t('team.owner')} value={owner} onChange={(e) => pickOwner(e.target.value)} className={owner ? 'is-active' : ''} data-testid="filter-owner">
        <option value="">{t('team.anyone')}</option>
        <option value="mine">{t('team.mine')}</option>
        <option value="unassigned">{t('team.unassigned')}</option>
        {teammates.length > 0 && (
          <optgroup label={t('team.teammates')}>
            {teammates.map((name) => (
              <option key={name} value={`user:${name}`}>
                {name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </>
  )
}

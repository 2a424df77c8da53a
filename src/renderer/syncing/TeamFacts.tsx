import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { UserName } from '../../core/model'
import { useCommands } from '../app/commands'
import { useData } from '../app/data'
import { useFlows } from '../app/flows'
import { BoardChip } from './TeamBadges'
import { useBoards } from './TeamFilters'
import '../styles/sync.css'

const OTHER = '@other'

/**
 * The contact's list (your own or a team board) with Move to board…, and on a board its owner.
 * Rendered inside the detail's facts list; nothing when there are no team boards at all.
 */
export function TeamFacts({ view }: { view: ContactSummary }) {
  const { t } = useTranslation()
  const { contacts } = useData()
  const flows = useFlows()
  const boards = useBoards(contacts)
  if (boards.length === 0 && !view.board) return null
  return (
    <>
      <div className="fact">
        <dt>{t('team.list')}</dt>
        <dd className="team-fact-row" data-testid="detail-list">
          {view.board ? <BoardChip board={view.board} /> : <span>{t('team.personal')}</span>}
          <button type="button" className="button button-ghost" onClick={() => flows.moveToBoard(view)} data-testid="detail-move-board">
            {t('team.moveToBoard')}
          </button>
        </dd>
      </div>
      {view.board && <OwnerFact view={view} board={view.board} />}
    </>
  )
}

function OwnerFact({ view, board }: { view: ContactSummary; board: string }) {
  const { t } = useTranslation()
  const { contacts, settings } = useData()
  const commands = useCommands()
  const me = settings?.sync?.user
  const [other, setOther] = useState<string | null>(null)
  // The people known on this board: owners and whoever logged a touch there.
  const people = useMemo(() => {
    const names = new Set<string>()
    for (const c of contacts ?? []) {
      if (c.board !== board) continue
      if (c.owner) names.add(c.owner)
      for (const name of c.touchedBy ?? []) names.add(name)
    }
    if (me) names.delete(me)
    return [...names].sort((a, b) => a.localeCompare(b))
  }, [contacts, board, me])

  const assign = (owner: string | null) => {
    setOther(null)
    if ((owner ?? undefined) !== view.owner) void commands.edit(view, { owner }).catch(() => undefined)
  }
  const valid = other !== null && UserName.safeParse(other).success

  return (
    <div className="fact">
      <dt>{t('team.owner')}</dt>
      <dd className="team-assign">
        <select
          aria-label={t('team.assign')}
          value={other !== null ? OTHER : (view.owner ?? '')}
          onChange={(e) => (e.target.value === OTHER ? setOther('') : assign(e.target.value || null))}
          data-testid="detail-owner"
        >
          <option value="">{t('team.unassigned')}</option>
          {me && <option value={me}>{`${me} (${t('team.assignMe')})`}</option>}
          {[...new Set([...people, ...(view.owner && view.owner !== me ? [view.owner] : [])])].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={OTHER}>{t('team.assignPlaceholder')}…</option>
        </select>
        {other !== null && (
          <input
            value={other}
            autoFocus
            placeholder={t('team.assignPlaceholder')}
            aria-label={t('team.assignPlaceholder')}
            onChange={(e) => setOther(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && valid) assign(other.trim())
              if (e.key === 'Escape') {
                // Closes this field, not the drawer.
                e.preventDefault()
                e.stopPropagation()
                setOther(null)
              }
            }}
            onBlur={() => (valid ? assign(other.trim()) : setOther(null))}
            data-testid="detail-owner-other"
          />
        )}
      </dd>
    </div>
  )
}

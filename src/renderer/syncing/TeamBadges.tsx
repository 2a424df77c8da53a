import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/icons'
import '../styles/sync.css'

/** The team board a contact is on; `compact` (on a card) shows the team mark, the name on hover. */
export function BoardChip({ board, compact = false }: { board: string; compact?: boolean }) {
  const { t } = useTranslation()
  const label = t('team.board', { board })
  return (
    <span className={`team-chip ${compact ? 'is-compact' : ''}`} title={label} aria-label={label} data-testid="board-chip" data-board={board}>
      {compact ? <Icon name="team" size={13} /> : board}
    </span>
  )
}

/** Who owns the follow-up, as initials (green when it is you); `me` is the synced user name. */
export function OwnerBadge({ owner, me }: { owner: string; me: string | undefined }) {
  const { t } = useTranslation()
  const mine = owner === me
  return (
    <span className={`team-owner ${mine ? 'is-me' : ''}`} title={t('team.ownedBy', { name: owner })} aria-label={t('team.ownedBy', { name: owner })} data-testid="owner-badge">
      {initials(owner)}
    </span>
  )
}

export function initials(name: string): string {
  const words = name.split(/[\s._@-]+/).filter(Boolean)
  const letters = words.length > 1 ? [...words[0]!][0]! + [...words[1]!][0]! : [...name].slice(0, 2).join('')
  return letters.toUpperCase()
}

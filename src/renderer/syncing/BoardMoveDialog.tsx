import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { Dialog, type Anchor } from '../ui/Dialog'
import { moveMenuFocus } from '../ui/menu-keys'
import { useBoards } from './TeamFilters'
import '../styles/sync.css'

interface Props {
  view: ContactSummary
  anchor?: Anchor | null
  onMove: (board: string | null) => void
  onCancel: () => void
}

/**
 * "Move to board…": your own list or one of the team boards you sync. The contact goes with
 * all its touches; the service refuses a board you do not sync.
 */
export function BoardMoveDialog({ view, anchor, onMove, onCancel }: Props) {
  const { t } = useTranslation()
  const list = useRef<HTMLDivElement>(null)
  // Without contacts, useBoards is the synced boards only: those a contact can move to.
  const boards = useBoards(null)
  const current = view.board ?? null
  // Between two boards is not offered: the second board would refuse the first one's touches by other members.
  const targets: (string | null)[] = current === null ? boards : [null]

  const title = t('team.moveTitle', { name: view.name })
  return (
    <Dialog title={title} onClose={onCancel} anchor={anchor} className="board-move" testId="board-move">
      <h2 className="dialog-title">{title}</h2>
      {targets.length === 0 ? (
        <p className="dialog-text">{t('team.noBoards')}</p>
      ) : (
        <div ref={list} role="menu" aria-label={title} onKeyDown={(e) => moveMenuFocus(e, list.current)} className="menu-list">
          {[current, ...targets].map((target, i) => (
            <button
              key={target ?? '@personal'}
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={i === 0}
              data-autofocus={i === 1}
              data-board={target ?? ''}
              onClick={() => onMove(target)}
            >
              <span>{target === null ? t('team.personal') : t('team.board', { board: target })}</span>
              {i === 0 && <span className="menu-note">{t('team.current')}</span>}
            </button>
          ))}
        </div>
      )}
      <p className="board-move-hint">{current === null ? t('team.moveHint') : t('team.moveBackHint')}</p>
    </Dialog>
  )
}

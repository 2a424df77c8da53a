import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { COLUMN_COUNTS, columnOf, type BoardTarget } from '../../core/board'
import type { ContactSummary } from '../../core/contact-view'
import { EXIT_STATUSES } from '../../core/model'
import { columnTitle, droppableIdOf } from '../board/labels'
import { statusLabel } from '../format/loop-text'
import { Dialog, type Anchor } from '../ui/Dialog'
import { moveMenuFocus } from '../ui/menu-keys'

interface Props {
  view: ContactSummary
  anchor?: Anchor | null
  onPick: (target: BoardTarget) => void
  onCancel: () => void
  /** With sync on: a last item, "Move to board…". */
  onMoveToBoard?: (() => void) | undefined
}

const TARGETS: BoardTarget[] = [...COLUMN_COUNTS.map((column) => ({ column })), ...EXIT_STATUSES.map((exit) => ({ exit }))]

/** "Move to column…": every move a drag can make, without dragging (WCAG 2.5.7). */
export function MoveMenu({ view, anchor, onPick, onCancel, onMoveToBoard }: Props) {
  const { t } = useTranslation()
  const list = useRef<HTMLDivElement>(null)
  const onBoard = view.status === 'active' || view.status === 'waiting'
  const isCurrent = (target: BoardTarget) => ('exit' in target ? view.status === target.exit : onBoard && columnOf(view) === target.column)

  return (
    <Dialog title={t('move.title', { name: view.name })} onClose={onCancel} anchor={anchor} className="move-menu" testId="move-menu">
      <h2 className="dialog-title">{t('move.title', { name: view.name })}</h2>
      <div ref={list} role="menu" aria-label={t('move.title', { name: view.name })} onKeyDown={(e) => moveMenuFocus(e, list.current)} className="menu-list">
        {TARGETS.map((target, i) => {
          const current = isCurrent(target)
          const firstExit = 'exit' in target && target.exit === 'won'
          return (
            <button
              key={droppableIdOf(target)}
              type="button"
              role="menuitem"
              className={`menu-item ${firstExit ? 'menu-separated' : ''}`}
              disabled={current}
              data-autofocus={i === 0 ? !current : false}
              data-target={droppableIdOf(target)}
              onClick={() => onPick(target)}
            >
              <span>{'column' in target ? columnTitle(t, target.column) : statusLabel(t, target.exit, view.kind)}</span>
              {current && <span className="menu-note">{t('move.current')}</span>}
            </button>
          )
        })}
        {onMoveToBoard && (
          <button type="button" role="menuitem" className="menu-item menu-separated" onClick={onMoveToBoard} data-testid="move-to-board">
            <span>{t('team.moveToBoard')}</span>
          </button>
        )}
      </div>
    </Dialog>
  )
}

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { DragDropContext, type DragStart, type DragUpdate, type DropResult, type ResponderProvided } from '@hello-pangea/dnd'
import { useTranslation } from 'react-i18next'
import type { Board as BoardModel, ColumnCount } from '../../core/board'
import type { ContactView } from '../../core/contact-view'
import { EXIT_STATUSES, type ExitStatus } from '../../core/model'
import { useData } from '../app/data'
import { useFlows } from '../app/flows'
import { Icon } from '../ui/icons'
import { CardEnvContext, type CardEnv } from './CardEnv'
import { CardList, type ScrollToIndex } from './CardList'
import { ScrollCues } from './ScrollCues'
import { columnTitle, droppableIdOf, targetOf, targetTitle } from './labels'

interface Props {
  board: BoardModel<ContactView>
  onOpen: (id: string) => void
}

export function Board({ board, onOpen }: Props) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  const flows = useFlows()
  const [openExits, setOpenExits] = useState<ReadonlySet<ExitStatus>>(new Set())
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const scrollers = useRef(new Map<string, ScrollToIndex>())
  const dragging = useRef(false)
  const refocus = useRefocusAfterMove()
  const scroller = useRef<HTMLDivElement>(null)

  const lists = useMemo(() => {
    const columns = board.columns.map((c) => ({ id: droppableIdOf({ column: c.touchCount }), contacts: c.contacts }))
    const exits = EXIT_STATUSES.map((s) => ({ id: droppableIdOf({ exit: s }), contacts: openExits.has(s) ? board.exits[s] : [] }))
    return [...columns, ...exits]
  }, [board, openExits])

  const byId = useMemo(() => {
    const map = new Map<string, ContactView>()
    for (const list of [...board.columns.map((c) => c.contacts), ...Object.values(board.exits)]) for (const v of list) map.set(v.id, v)
    return map
  }, [board])

  // The tab stop stays on the last focused card while it is visible, else the first card.
  const focusStopId = focusedId && byId.has(focusedId) ? focusedId : (lists.find((l) => l.contacts.length > 0)?.contacts[0]?.id ?? null)

  const registerScroller = useCallback((listId: string, scroll: ScrollToIndex | null) => {
    if (scroll) scrollers.current.set(listId, scroll)
    else scrollers.current.delete(listId)
  }, [])

  const cardEnv = useMemo<CardEnv>(
    () => ({
      language: i18n.language,
      now,
      timeZone,
      onOpen,
      onFocusCard: setFocusedId,
      onMenu: (id, anchor) => {
        const view = byId.get(id)
        if (view) flows.openMoveMenu(view, anchor)
      },
      onDelivered: (id) => {
        const view = byId.get(id)
        if (view) flows.delivered(view)
      }
    }),
    [i18n.language, now, timeZone, onOpen, byId, flows]
  )

  const titleOfList = (listId: string) => {
    const target = targetOf(listId)
    return target ? targetTitle(t, target) : listId
  }

  const announce = {
    onDragStart(start: DragStart, provided: ResponderProvided) {
      dragging.current = true
      provided.announce(t('dnd.lifted', { name: byId.get(start.draggableId)?.name ?? '', column: titleOfList(start.source.droppableId) }))
    },
    onDragUpdate(update: DragUpdate, provided: ResponderProvided) {
      const name = byId.get(update.draggableId)?.name ?? ''
      provided.announce(update.destination ? t('dnd.over', { name, column: titleOfList(update.destination.droppableId) }) : t('dnd.overNothing', { name }))
    },
    onDragEnd(result: DropResult, provided: ResponderProvided) {
      dragging.current = false
      const view = byId.get(result.draggableId)
      if (!view) return
      const destination = result.destination?.droppableId
      if (result.reason === 'CANCEL' || !destination) {
        provided.announce(t('dnd.cancelled', { name: view.name, column: titleOfList(result.source.droppableId) }))
        return
      }
      provided.announce(t('dnd.dropped', { name: view.name, column: titleOfList(destination) }))
      if (result.mode === 'SNAP') refocus.follow(view.id)
      const target = targetOf(destination)
      if (!target) return
      const lane = document.querySelector(`[data-list-id="${destination}"]`)?.getBoundingClientRect()
      flows.move(view, target, lane ? { x: lane.left, y: lane.top + 8 } : null)
    }
  }

  function focusCard(listIndex: number, index: number) {
    const list = lists[listIndex]
    if (!list || list.contacts.length === 0) return
    const at = Math.max(0, Math.min(index, list.contacts.length - 1))
    const id = list.contacts[at]!.id
    setFocusedId(id)
    scrollers.current.get(list.id)?.(at)
    // The card may only exist after the virtualizer has scrolled to it.
    const tryFocus = (attempt: number) => {
      const el = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)
      if (el) {
        el.focus({ preventScroll: true })
        // Sideways too: in a narrow window the next column may be off screen.
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      }
      else if (attempt < 10) requestAnimationFrame(() => tryFocus(attempt + 1))
    }
    requestAnimationFrame(() => tryFocus(0))
  }

  // A card moved with the keyboard lands in another list, as a new element: focus follows it there.
  useEffect(() => {
    const id = refocus.pending()
    if (!id || document.querySelector('dialog[open]')) return
    const active = document.activeElement as HTMLElement | null
    // Still on the card (the popover handed focus back and the card has not moved yet), or elsewhere on purpose.
    if (active && active !== document.body) return
    const listIndex = lists.findIndex((l) => l.contacts.some((c) => c.id === id))
    if (listIndex < 0) return
    const frame = requestAnimationFrame(() => {
      refocus.done()
      focusCard(listIndex, lists[listIndex]!.contacts.findIndex((c) => c.id === id))
    })
    return () => cancelAnimationFrame(frame)
  })

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented || dragging.current || event.altKey || event.ctrlKey || event.metaKey) return
    const card = event.target as HTMLElement
    if (!card.dataset.cardId) return
    const listIndex = lists.findIndex((l) => l.id === card.dataset.list)
    const index = Number(card.dataset.index)
    const view = byId.get(card.dataset.cardId)
    const rect = card.getBoundingClientRect()
    const anchor = { x: rect.left, y: rect.bottom + 4 }
    const step = (direction: 1 | -1) => {
      for (let i = listIndex + direction; i >= 0 && i < lists.length; i += direction) if (lists[i]!.contacts.length > 0) return i
      return -1
    }
    switch (event.key) {
      case 'ArrowDown':
        return event.preventDefault(), focusCard(listIndex, index + 1)
      case 'ArrowUp':
        return event.preventDefault(), focusCard(listIndex, index - 1)
      case 'ArrowRight':
      case 'ArrowLeft': {
        event.preventDefault()
        const next = step(event.key === 'ArrowRight' ? 1 : -1)
        return next >= 0 ? focusCard(next, index) : undefined
      }
      case 'Home':
        return event.preventDefault(), focusCard(listIndex, 0)
      case 'End':
        return event.preventDefault(), focusCard(listIndex, Number.MAX_SAFE_INTEGER)
      case 'Enter':
        return event.preventDefault(), view && onOpen(view.id)
      case 't':
        return event.preventDefault(), view && (refocus.follow(view.id), flows.logTouch(view, anchor))
      case 'm':
        return event.preventDefault(), view && (refocus.follow(view.id), flows.openMoveMenu(view, anchor))
    }
  }

  const toggleExit = (status: ExitStatus) =>
    setOpenExits((open) => {
      const next = new Set(open)
      if (next.has(status)) next.delete(status)
      else next.add(status)
      return next
    })

  return (
    <CardEnvContext.Provider value={cardEnv}>
      <DragDropContext dragHandleUsageInstructions={t('dnd.instructions')} {...announce}>
        <div className="board-frame">
        <div ref={scroller} className="board" role="region" aria-label={t('board.label')} onKeyDown={onKeyDown} data-testid="board">
          {board.columns.map((column) => (
            <section key={column.touchCount} className={`column column-${column.touchCount}`} data-testid={`column-${column.touchCount}`} aria-label={columnTitle(t, column.touchCount)}>
              <ColumnHeader count={column.touchCount} size={column.contacts.length} />
              <CardList listId={droppableIdOf({ column: column.touchCount })} contacts={column.contacts} focusStopId={focusStopId} registerScroller={registerScroller} />
            </section>
          ))}
          <div className="exit-lanes" aria-label={t('board.exits')} role="group">
            {EXIT_STATUSES.map((status) => {
              const open = openExits.has(status)
              const label = t(`status.${status}`)
              return (
                <section key={status} className={`lane lane-${status} ${open ? 'is-open' : 'is-collapsed'}`} data-testid={`lane-${status}`} aria-label={label}>
                  <button type="button" className="lane-toggle" aria-expanded={open} onClick={() => toggleExit(status)} title={open ? t('board.collapseLane', { lane: label }) : t('board.openLane', { lane: label })}>
                    <span className="lane-chevron">
                      <Icon name="chevron" size={14} />
                    </span>
                    <span className="lane-label">{label}</span>
                    <span className="count-pill" data-testid={`lane-count-${status}`}>
                      {board.exits[status].length}
                    </span>
                  </button>
                  <CardList listId={droppableIdOf({ exit: status })} contacts={board.exits[status]} focusStopId={focusStopId} registerScroller={registerScroller} collapsed={!open} />
                </section>
              )
            })}
          </div>
        </div>
        <ScrollCues scroller={scroller} />
        </div>
      </DragDropContext>
    </CardEnvContext.Provider>
  )
}

function ColumnHeader({ count, size }: { count: ColumnCount; size: number }) {
  const { t } = useTranslation()
  const hint = count === 0 ? t('board.hintZero') : count === 5 ? t('board.hintFivePlus') : null
  return (
    <header className="column-header">
      <div className="column-title-row">
        <h2 className="column-title">{columnTitle(t, count)}</h2>
        <span className="count-pill" data-testid={`column-count-${count}`} aria-label={t('board.contactsInColumn', { count: size })}>
          {size}
        </span>
      </div>
      <p className={`column-hint ${count === 5 ? 'is-key' : ''}`}>{hint ?? '\u00a0'}</p>
    </header>
  )
}

/** How long after a keyboard move the board still brings focus back to the moved card. */
const REFOCUS_WINDOW_MS = 30_000

/** Remembers the card a keyboard move started from, until focus is back on it or the mouse is used. */
function useRefocusAfterMove() {
  const target = useRef<{ id: string; until: number } | null>(null)
  useEffect(() => {
    const forget = () => (target.current = null)
    window.addEventListener('pointerdown', forget, true)
    return () => window.removeEventListener('pointerdown', forget, true)
  }, [])
  return useMemo(
    () => ({
      follow: (id: string) => void (target.current = { id, until: Date.now() + REFOCUS_WINDOW_MS }),
      pending: () => (target.current && target.current.until > Date.now() ? target.current.id : null),
      done: () => void (target.current = null)
    }),
    []
  )
}

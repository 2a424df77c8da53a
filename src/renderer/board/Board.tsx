import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { DragDropContext, type DragStart, type DragUpdate, type DropResult, type ResponderProvided } from '@hello-pangea/dnd'
import { useTranslation } from 'react-i18next'
import { findOnBoard, type Board as BoardModel, type ColumnCount } from '../../core/board'
import type { ContactSummary } from '../../core/contact-view'
import { EXIT_STATUSES, type ExitStatus } from '../../core/model'
import { useData } from '../app/data'
import { useFlows } from '../app/flows'
import { Icon } from '../ui/icons'
import { CardEnvContext, type CardEnv } from './CardEnv'
import { CardList, type ScrollToIndex } from './CardList'
import { ScrollCues } from './ScrollCues'
import { columnTitle, droppableIdOf, targetOf, targetTitle } from './labels'
import { REVEAL_EXPIRES_MS, REVEAL_MS, useRevealRequest, type RevealRequest } from './reveal'

interface Props {
  board: BoardModel<ContactSummary>
  onOpen: (id: string) => void
}

export function Board({ board, onOpen }: Props) {
  const { t, i18n } = useTranslation()
  const { now, timeZone, settings } = useData()
  const me = settings?.sync?.user
  const flows = useFlows()
  const [openExits, setOpenExits] = useState<ReadonlySet<ExitStatus>>(new Set())
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const scrollers = useRef(new Map<string, ScrollToIndex>())
  const dragging = useRef(false)
  const refocus = useRefocusAfterMove()
  const revealed = useRevealedCard(board, openExits, scrollers)
  const scroller = useRef<HTMLDivElement>(null)

  const lists = useMemo(() => {
    const columns = board.columns.map((c) => ({ id: droppableIdOf({ column: c.touchCount }), contacts: c.contacts }))
    const exits = EXIT_STATUSES.map((s) => ({ id: droppableIdOf({ exit: s }), contacts: openExits.has(s) ? board.exits[s] : [] }))
    return [...columns, ...exits]
  }, [board, openExits])

  const find = (id: string) => findOnBoard(board, id)
  // The cards' callbacks read the latest board without making every card re-render when it changes.
  const latestBoard = useRef(board)
  useEffect(() => {
    latestBoard.current = board
  }, [board])

  // The tab stop stays on the last focused card while it is visible, else the first card.
  const focusStopId = focusedId && find(focusedId) ? focusedId : (lists.find((l) => l.contacts.length > 0)?.contacts[0]?.id ?? null)

  const registerScroller = useCallback((listId: string, scroll: ScrollToIndex | null) => {
    if (scroll) scrollers.current.set(listId, scroll)
    else scrollers.current.delete(listId)
  }, [])

  const cardEnv = useMemo<CardEnv>(
    () => ({
      language: i18n.language,
      now,
      timeZone,
      me,
      onOpen,
      onFocusCard: setFocusedId,
      onMenu: (id, anchor) => {
        const view = findOnBoard(latestBoard.current, id)
        if (view) flows.openMoveMenu(view, anchor)
      },
      onDelivered: (id) => {
        const view = findOnBoard(latestBoard.current, id)
        if (view) flows.delivered(view)
      }
    }),
    [i18n.language, now, timeZone, me, onOpen, flows]
  )

  const titleOfList = (listId: string) => {
    const target = targetOf(listId)
    return target ? targetTitle(t, target) : listId
  }

  const announce = {
    onDragStart(start: DragStart, provided: ResponderProvided) {
      dragging.current = true
      provided.announce(t('dnd.lifted', { name: find(start.draggableId)?.name ?? '', column: titleOfList(start.source.droppableId) }))
    },
    onDragUpdate(update: DragUpdate, provided: ResponderProvided) {
      const name = find(update.draggableId)?.name ?? ''
      provided.announce(update.destination ? t('dnd.over', { name, column: titleOfList(update.destination.droppableId) }) : t('dnd.overNothing', { name }))
    },
    onDragEnd(result: DropResult, provided: ResponderProvided) {
      dragging.current = false
      const view = find(result.draggableId)
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
    const view = find(card.dataset.cardId)
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
        return event.preventDefault(), view && (refocus.follow(view.id), flows.logTouch(view, anchor, { reveal: true }))
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
              <CardList
                listId={droppableIdOf({ column: column.touchCount })}
                contacts={column.contacts}
                focusStopId={focusStopId}
                registerScroller={registerScroller}
                revealedId={revealed?.listId === droppableIdOf({ column: column.touchCount }) ? revealed.id : null}
              />
            </section>
          ))}
          <div className="exit-lanes" aria-label={t('board.exits')} role="group">
            {EXIT_STATUSES.map((status) => {
              const open = openExits.has(status)
              const label = t(`status.${status}`)
              const landed = revealed?.listId === droppableIdOf({ exit: status })
              return (
                <section
                  key={status}
                  className={`lane lane-${status} ${open ? 'is-open' : 'is-collapsed'} ${landed && !open ? 'is-revealed' : ''}`}
                  data-testid={`lane-${status}`}
                  aria-label={label}
                >
                  <button type="button" className="lane-toggle" aria-expanded={open} onClick={() => toggleExit(status)} title={open ? t('board.collapseLane', { lane: label }) : t('board.openLane', { lane: label })}>
                    <span className="lane-chevron">
                      <Icon name="chevron" size={14} />
                    </span>
                    <span className="lane-label">{label}</span>
                    <span className="count-pill" data-testid={`lane-count-${status}`}>
                      {board.exits[status].length}
                    </span>
                  </button>
                  <CardList
                    listId={droppableIdOf({ exit: status })}
                    contacts={board.exits[status]}
                    focusStopId={focusStopId}
                    registerScroller={registerScroller}
                    collapsed={!open}
                    revealedId={landed && open ? revealed.id : null}
                  />
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

/** The card to find in the DOM, if the virtualizer has rendered it. */
function cardElement(listId: string, id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-list-id="${CSS.escape(listId)}"] [data-card-id="${CSS.escape(id)}"]`)
}

function fullyInside(element: Element, container: Element | null): boolean {
  if (!container) return false
  const r = element.getBoundingClientRect()
  const c = container.getBoundingClientRect()
  return r.top >= c.top && r.bottom <= c.bottom
}

/**
 * Brings a card that a move just landed into sight: scrolls its (virtualised) list so the card
 * is visible, then the board, and highlights it for REVEAL_MS (focus follows a keyboard move
 * through useRefocusAfterMove). A card landing in a collapsed exit lane highlights the lane
 * instead. Waits for the board to contain the card in its new list (the data may arrive a render
 * later).
 */
function useRevealedCard(board: BoardModel<ContactSummary>, openExits: ReadonlySet<ExitStatus>, scrollers: RefObject<Map<string, ScrollToIndex>>): RevealRequest | null {
  const request = useRevealRequest()
  const [highlight, setHighlight] = useState<RevealRequest | null>(null)
  const handled = useRef<RevealRequest | null>(null)
  const frame = useRef(0)
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  // Before paint: the list starts scrolling in the same frame that shows the new counts.
  useLayoutEffect(() => {
    if (!request || handled.current === request || performance.now() - request.at > REVEAL_EXPIRES_MS) return
    const target = targetOf(request.listId)
    if (!target) return
    const contacts = 'column' in target ? board.columns[target.column]!.contacts : board.exits[target.exit]
    const index = contacts.findIndex((c) => c.id === request.id)
    // Not in its new list yet: the next board change tries again.
    if (index < 0) return
    handled.current = request
    const inList = 'column' in target || openExits.has(target.exit)
    if (inList) {
      const existing = cardElement(request.listId, request.id)
      if (!existing || !fullyInside(existing, existing.closest('.card-list'))) scrollers.current.get(request.listId)?.(index, 'center')
    }
    const settle = (attempt: number) => {
      const card = inList ? cardElement(request.listId, request.id) : null
      if (inList && !card && attempt < 10) return void (frame.current = requestAnimationFrame(() => settle(attempt + 1)))
      const element = card ?? document.querySelector(`[data-testid="lane-${CSS.escape(request.listId.replace(/^exit-/, ''))}"]`)
      element?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      setHighlight(request)
    }
    // Settled outside this effect's lifetime: the board may re-render before the card is on screen.
    frame.current = requestAnimationFrame(() => settle(0))
  }, [request, board, openExits, scrollers])

  useEffect(() => {
    if (!highlight) return
    const timer = window.setTimeout(() => setHighlight(null), REVEAL_MS)
    return () => window.clearTimeout(timer)
  }, [highlight])

  return highlight
}

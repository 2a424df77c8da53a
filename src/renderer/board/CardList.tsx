import { memo, useCallback, useEffect, useRef } from 'react'
import { Draggable, Droppable, type DroppableProvided } from '@hello-pangea/dnd'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { CARD_GAP, CARD_HEIGHT, ContactCard, cardHeight } from './ContactCard'

export type ScrollToIndex = (index: number, align?: 'auto' | 'center') => void

interface Props {
  listId: string
  contacts: ContactSummary[]
  /** The card that holds the board's tab stop, when it is in this list. */
  focusStopId: string | null
  registerScroller: (listId: string, scroll: ScrollToIndex | null) => void
  collapsed?: boolean
  /** The card a move just landed here, highlighted for a moment. */
  revealedId?: string | null
}


/**
 * One column's cards: a hello-pangea "virtual" droppable over a tanstack virtualizer, so only the
 * visible cards exist in the DOM; the dragged card is a clone that survives scrolling.
 */
export const CardList = memo(function CardList({ listId, contacts, focusStopId, registerScroller, collapsed, revealedId = null }: Props) {
  return (
    <Droppable
      droppableId={listId}
      mode="virtual"
      renderClone={(provided, snapshot, rubric) => (
        <ContactCard
          view={contacts[rubric.source.index]!}
          provided={provided}
          isDragging={snapshot.isDragging}
          isFocusStop={false}
          listId={listId}
          index={rubric.source.index}
        />
      )}
    >
      {(provided, snapshot) => (
        <VirtualCards
          provided={provided}
          listId={listId}
          contacts={collapsed ? [] : contacts}
          // The gap the dragged card will land in is one more (virtual) row.
          rows={(collapsed ? 0 : contacts.length) + (snapshot.isUsingPlaceholder ? 1 : 0)}
          isDraggingOver={snapshot.isDraggingOver}
          focusStopId={focusStopId}
          registerScroller={registerScroller}
          collapsed={collapsed}
          revealedId={revealedId}
        />
      )}
    </Droppable>
  )
})

interface VirtualProps {
  provided: DroppableProvided
  listId: string
  contacts: ContactSummary[]
  rows: number
  isDraggingOver: boolean
  focusStopId: string | null
  registerScroller: Props['registerScroller']
  collapsed?: boolean
  revealedId: string | null
}

function VirtualCards({ provided, listId, contacts, rows, isDraggingOver, focusStopId, registerScroller, collapsed, revealedId }: VirtualProps) {
  const { t } = useTranslation()
  const scrollElement = useRef<HTMLDivElement | null>(null)
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollElement.current,
    // Heights follow from the data, so rows never need measuring (cheap with 10,000 cards).
    estimateSize: (index) => (contacts[index] ? cardHeight(contacts[index]) : CARD_HEIGHT) + CARD_GAP,
    overscan: 4,
    getItemKey: (index) => contacts[index]?.id ?? `gap-${index}`
  })
  const { innerRef } = provided
  const setRef = useCallback(
    (el: HTMLDivElement | null) => {
      scrollElement.current = el
      innerRef(el)
    },
    [innerRef]
  )

  useEffect(() => {
    registerScroller(listId, (index, align = 'auto') => virtualizer.scrollToIndex(index, { align }))
    return () => registerScroller(listId, null)
  }, [listId, registerScroller, virtualizer])

  return (
    <div ref={setRef} {...provided.droppableProps} className={`card-list ${isDraggingOver ? 'is-over' : ''} ${collapsed ? 'is-collapsed' : ''}`} data-list-id={listId}>
      <div className="card-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const view = contacts[item.index]
          if (!view) return null
          return (
            <DraggableCard key={view.id} view={view} index={item.index} top={item.start} listId={listId} isFocusStop={view.id === focusStopId} isRevealed={view.id === revealedId} />
          )
        })}
      </div>
      {contacts.length === 0 && !collapsed && !isDraggingOver && <div className="card-list-empty">{t('board.empty')}</div>}
    </div>
  )
}

interface DraggableCardProps {
  view: ContactSummary
  index: number
  top: number
  listId: string
  isFocusStop: boolean
  isRevealed: boolean
}

const DraggableCard = memo(function DraggableCard({ view, index, top, listId, isFocusStop, isRevealed }: DraggableCardProps) {
  return (
    <Draggable draggableId={view.id} index={index}>
      {(provided, snapshot) => (
        <ContactCard view={view} provided={provided} isDragging={snapshot.isDragging} isFocusStop={isFocusStop} isRevealed={isRevealed} listId={listId} index={index} top={top} />
      )}
    </Draggable>
  )
})

import { useMemo, useState } from 'react'
import { BoardTracker, boardSize, type Board } from '../../core/board'
import type { ContactSummary } from '../../core/contact-view'
import { contactFilter, type ContactQuery, type FilterContext } from '../../core/filters'

/**
 * The board for the contacts and filter shown. A change to one contact (the window's own, as a
 * command answers it) updates the two lists it left and joined instead of filtering and sorting
 * all 10,000 views again, and the other columns keep their identity so they do not re-render.
 */
export function useBoard(contacts: ContactSummary[] | null, query: ContactQuery, { now, timeZone, me }: FilterContext): { board: Board<ContactSummary>; shown: number } {
  const include = useMemo(() => contactFilter(query, { now, timeZone, me }), [query, now, timeZone, me])
  const [tracker] = useState(() => new BoardTracker<ContactSummary>())
  return useMemo(() => {
    const board = tracker.update(contacts ?? [], include)
    return { board, shown: boardSize(board) }
  }, [tracker, contacts, include])
}

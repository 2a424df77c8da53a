import { createContext, useContext } from 'react'
import { placeOf } from '../../core/board'
import type { ContactSummary } from '../../core/contact-view'
import { droppableIdOf } from './labels'

/**
 * "Show me where it went": after a move lands, the board scrolls the card into view in its new
 * column and highlights it briefly. Columns sort by due date, so a moved card usually lands far
 * below the visible part of a long column.
 */
export interface RevealRequest {
  id: string
  /** The list the card should now be in, e.g. "col-2" or "exit-won". */
  listId: string
  /** performance.now() when the move landed; a board mounted much later ignores it. */
  at: number
}

/** How long the highlight stays; the board gives up on a request it cannot place after this long. */
export const REVEAL_MS = 2_000
export const REVEAL_EXPIRES_MS = 5_000

export function revealRequestFor(view: Pick<ContactSummary, 'id' | 'status' | 'touchCount'>): RevealRequest {
  return { id: view.id, listId: droppableIdOf(placeOf(view)), at: performance.now() }
}

export const RevealContext = createContext<RevealRequest | null>(null)

export function useRevealRequest(): RevealRequest | null {
  return useContext(RevealContext)
}

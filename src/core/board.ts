import { EXIT_STATUSES, type ExitStatus } from './model'
import { MAX_COLUMN } from './cadence'
import { byUrgency, type ContactView } from './contact-view'

export const COLUMN_COUNTS = [0, 1, 2, 3, 4, 5] as const
export type ColumnCount = (typeof COLUMN_COUNTS)[number]

export interface BoardColumn<T = ContactView> {
  /** Touches for this column; 5 means 5 or more. */
  touchCount: ColumnCount
  contacts: T[]
}

export interface Board<T = ContactView> {
  columns: BoardColumn<T>[]
  exits: Record<ExitStatus, T[]>
}

export function columnOf(view: Pick<ContactView, 'touchCount'>): ColumnCount {
  return Math.min(view.touchCount, MAX_COLUMN) as ColumnCount
}

/** Groups contacts into the 0…5+ columns (active and waiting) and the exit lanes, most urgent first. */
export function buildBoard<T extends ContactView>(views: readonly T[]): Board<T> {
  const columns: BoardColumn<T>[] = COLUMN_COUNTS.map((touchCount) => ({ touchCount, contacts: [] }))
  const exits = Object.fromEntries(EXIT_STATUSES.map((s) => [s, [] as T[]])) as Record<ExitStatus, T[]>
  for (const view of views) {
    if (view.status === 'active' || view.status === 'waiting') columns[columnOf(view)]!.contacts.push(view)
    else exits[view.status].push(view)
  }
  for (const column of columns) column.contacts.sort(byUrgency)
  for (const lane of Object.values(exits)) lane.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
  return { columns, exits }
}

export type BoardTarget = { column: ColumnCount } | { exit: ExitStatus }

/** What dropping a card on a target means. Moves never edit the board in place; they become commands. */
export type MovePlan =
  | { kind: 'none' }
  | { kind: 'touch'; count: number }
  | { kind: 'untouch'; count: number }
  | { kind: 'close'; as: ExitStatus }
  | { kind: 'reopen' }

export function planMove(view: Pick<ContactView, 'touchCount' | 'status'>, target: BoardTarget): MovePlan {
  const onBoard = view.status === 'active' || view.status === 'waiting'
  if ('exit' in target) return onBoard || view.status !== target.exit ? { kind: 'close', as: target.exit } : { kind: 'none' }
  if (!onBoard) return { kind: 'reopen' }
  const from = columnOf(view)
  const to = target.column
  if (to === from) return { kind: 'none' }
  if (to > from) return { kind: 'touch', count: to - from }
  // Leaving the 5+ column means going back to exactly `to` touches.
  return { kind: 'untouch', count: view.touchCount - to }
}

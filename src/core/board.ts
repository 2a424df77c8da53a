import { EXIT_STATUSES, type ExitStatus } from './model'
import { MAX_COLUMN } from './cadence'
import { byUrgency, type ContactView, type UrgencyFields, type ViewWithoutLog } from './contact-view'

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

type BoardView = Pick<ContactView, 'id' | 'status' | 'touchCount' | 'closedAt'> & UrgencyFields

const byId = (a: Pick<ContactView, 'id'>, b: Pick<ContactView, 'id'>) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Columns: most urgent first (byUrgency), then by id, so the order is total. */
function byColumnOrder(a: BoardView, b: BoardView): number {
  return byUrgency(a, b) || byId(a, b)
}

/** Exit lanes: most recently closed first, then by id. */
function byClosedLatest(a: BoardView, b: BoardView): number {
  return (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || byId(a, b)
}

/** Where a view goes: a column for active and waiting contacts, else its exit lane. */
export function placeOf(view: Pick<ContactView, 'status' | 'touchCount'>): BoardTarget {
  return view.status === 'active' || view.status === 'waiting' ? { column: columnOf(view) } : { exit: view.status as ExitStatus }
}

/** Groups contacts into the 0…5+ columns (active and waiting) and the exit lanes, most urgent first. */
export function buildBoard<T extends ViewWithoutLog>(views: readonly T[]): Board<T> {
  const columns: BoardColumn<T>[] = COLUMN_COUNTS.map((touchCount) => ({ touchCount, contacts: [] }))
  const exits = Object.fromEntries(EXIT_STATUSES.map((s) => [s, [] as T[]])) as Record<ExitStatus, T[]>
  for (const view of views) {
    const place = placeOf(view)
    if ('column' in place) columns[place.column]!.contacts.push(view)
    else exits[place.exit].push(view)
  }
  for (const column of columns) column.contacts.sort(byColumnOrder)
  for (const lane of Object.values(exits)) lane.sort(byClosedLatest)
  return { columns, exits }
}

/**
 * The board after some views were removed and others added (a changed contact is both), without
 * rebuilding it: the lists nothing moved in or out of keep their identity (so a UI re-renders
 * only the two columns a moved card touched), and an added view is inserted at its sorted place.
 * Gives the same lists as buildBoard over the changed set of views.
 */
export function updateBoard<T extends ViewWithoutLog>(board: Board<T>, removed: readonly T[], added: readonly T[]): Board<T> {
  const columns = board.columns.slice()
  const exits = { ...board.exits }
  const copied = new Set<T[]>()
  const listAt = (place: BoardTarget): T[] => {
    const current = 'column' in place ? columns[place.column]!.contacts : exits[place.exit]
    if (copied.has(current)) return current
    const copy = current.slice()
    copied.add(copy)
    if ('column' in place) columns[place.column] = { ...columns[place.column]!, contacts: copy }
    else exits[place.exit] = copy
    return copy
  }
  const allPlaces: BoardTarget[] = [...COLUMN_COUNTS.map((column) => ({ column })), ...EXIT_STATUSES.map((exit) => ({ exit }))]
  for (const view of removed) {
    // Its own place first; anywhere else if the board had it elsewhere.
    for (const place of [placeOf(view), ...allPlaces]) {
      const list = 'column' in place ? columns[place.column]!.contacts : exits[place.exit]
      const index = list.findIndex((v) => v.id === view.id)
      if (index < 0) continue
      listAt(place).splice(index, 1)
      break
    }
  }
  for (const view of added) {
    const place = placeOf(view)
    const list = listAt(place)
    const compare = 'column' in place ? byColumnOrder : byClosedLatest
    let low = 0
    let high = list.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (compare(list[mid]!, view) <= 0) low = mid + 1
      else high = mid
    }
    list.splice(low, 0, view)
  }
  return { columns, exits }
}

/**
 * Which views went and came between two versions of a list that changes a few at a time (one
 * replaced, one appended, one removed), found by identity in one pass. Null when too much
 * changed for an update to beat a rebuild.
 */
export function changedViews<T>(before: readonly T[], after: readonly T[], limit = 32): { removed: T[]; added: T[] } | null {
  if (before.length === after.length) {
    const removed: T[] = []
    const added: T[] = []
    for (let i = 0; i < after.length; i++) {
      if (before[i] === after[i]) continue
      if (removed.length === limit) return null
      removed.push(before[i]!)
      added.push(after[i]!)
    }
    return { removed, added }
  }
  const shorter = before.length < after.length ? before : after
  const longer = shorter === before ? after : before
  if (longer.length !== shorter.length + 1) return null
  let skip = 0
  while (skip < shorter.length && shorter[skip] === longer[skip]) skip++
  for (let i = skip; i < shorter.length; i++) if (shorter[i] !== longer[i + 1]) return null
  const odd = [longer[skip]!]
  return shorter === before ? { removed: [], added: odd } : { removed: odd, added: [] }
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

/**
 * A board kept in step with a list of views and a filter: when only a few views changed since
 * the last call (same filter), it updates the board instead of rebuilding it.
 */
export class BoardTracker<T extends ViewWithoutLog> {
  private views: readonly T[] | undefined
  private include: ((view: T) => boolean) | undefined
  private board: Board<T> | undefined

  update(views: readonly T[], include: (view: T) => boolean): Board<T> {
    const changes = this.board && this.views && include === this.include ? changedViews(this.views, views) : null
    this.board = changes && this.board ? updateBoard(this.board, changes.removed.filter(include), changes.added.filter(include)) : buildBoard(views.filter(include))
    this.views = views
    this.include = include
    return this.board
  }
}

export function boardSize(board: Board<unknown>): number {
  return board.columns.reduce((n, c) => n + c.contacts.length, 0) + Object.values(board.exits).reduce((n, lane) => n + lane.length, 0)
}

/** A card on the board by id: a scan, cheap next to anything that would keep an index of 10,000 in step. */
export function findOnBoard<T extends Pick<ContactView, 'id'>>(board: Board<T>, id: string): T | undefined {
  for (const column of board.columns) for (const view of column.contacts) if (view.id === id) return view
  for (const lane of Object.values(board.exits)) for (const view of lane) if (view.id === id) return view
  return undefined
}

import type { TFunction } from 'i18next'
import type { BoardTarget, ColumnCount } from '../../core/board'

export function columnTitle(t: TFunction, count: ColumnCount): string {
  return count === 5 ? t('board.columnFivePlus') : t('board.column', { count })
}

export function targetTitle(t: TFunction, target: BoardTarget): string {
  return 'exit' in target ? t(`status.${target.exit}`) : columnTitle(t, target.column)
}

/** Droppable ids double as the plan's target: "col-3", "exit-won". */
export function droppableIdOf(target: BoardTarget): string {
  return 'exit' in target ? `exit-${target.exit}` : `col-${target.column}`
}

export function targetOf(droppableId: string): BoardTarget | null {
  const column = /^col-([0-5])$/.exec(droppableId)
  if (column) return { column: Number(column[1]) as ColumnCount }
  const exit = /^exit-(won|not-now|dropped)$/.exec(droppableId)
  if (exit) return { exit: exit[1] as 'won' | 'not-now' | 'dropped' }
  return null
}

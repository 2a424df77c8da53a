import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Enough to check a file by eye; a 10,000-row import must not put 10,000 rows in the DOM. */
export const PREVIEW_CAP = 200

interface Props<T> {
  items: readonly T[]
  render: (item: T) => ReactNode
  keyOf: (item: T) => string | number
  testId: string
}

export function CappedList<T>({ items, render, keyOf, testId }: Props<T>) {
  const { t, i18n } = useTranslation()
  const rest = items.length - PREVIEW_CAP
  return (
    <ul className="import-list" data-testid={testId}>
      {items.slice(0, PREVIEW_CAP).map((item) => (
        <li key={keyOf(item)}>{render(item)}</li>
      ))}
      {rest > 0 && (
        <li className="import-more" data-testid={`${testId}-more`}>
          {t('import.more', { count: rest, n: rest.toLocaleString(i18n.language) })}
        </li>
      )}
    </ul>
  )
}

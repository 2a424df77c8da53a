import type { KeyboardEvent } from 'react'

/** Up and Down move between a menu's enabled items, wrapping around. */
export function moveMenuFocus(event: KeyboardEvent, menu: HTMLElement | null): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  event.preventDefault()
  const items = [...(menu?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])]
  const at = items.indexOf(document.activeElement as HTMLButtonElement)
  items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
}

/** The key went to a text field (or a select): single-key shortcuts leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

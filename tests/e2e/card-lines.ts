import type { Page } from 'playwright-core'

/**
 * The texts on the board's card lines (the last touch, who made it, the marks, Delivered, the
 * due date) that do not show whole: cut by their own box or running past the card's edge.
 */
export function clippedOnCards(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('[data-card-id] .card-line > *')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > el.closest('[data-card-id]').getBoundingClientRect().right)
    .map((el) => el.textContent)`)
}

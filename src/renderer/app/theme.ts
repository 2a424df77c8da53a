import type { Settings } from '../../core/model'

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

/**
 * Puts the resolved theme ("light" or "dark") on <html data-theme>, so the stylesheet has one
 * dark palette rather than one for the OS preference and a copy for the explicit choice.
 * With "system" it follows the OS live; returns a function that stops following.
 */
export function applyTheme(theme: Settings['theme']): () => void {
  const root = document.documentElement
  if (theme !== 'system') {
    root.dataset.theme = theme
    return () => {}
  }
  const query = darkQuery()
  const follow = () => (root.dataset.theme = query.matches ? 'dark' : 'light')
  follow()
  query.addEventListener('change', follow)
  return () => query.removeEventListener('change', follow)
}

import { useEffect } from 'react'
import type { Settings } from '../../core/model'
import { applyLanguage, resolveLanguage } from '../i18n'
import { applyTheme } from './theme'

/** Follows the saved language and theme (every window: the main one and the quick-log). */
export function useAppearance(settings: Settings | null): void {
  useEffect(() => {
    if (!settings) return
    void applyLanguage(resolveLanguage(settings.language))
  }, [settings])
  const theme = settings?.theme ?? 'system'
  useEffect(() => applyTheme(theme), [theme])
}

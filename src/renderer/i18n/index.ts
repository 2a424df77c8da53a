import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Settings } from '../../core/model'
import { en, zhCN } from './catalogs'

export const UI_LANGUAGES = ['en', 'zh-CN'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

/** "system" follows the OS locale as Chromium reports it; anything Chinese gets 简体中文. */
export function resolveLanguage(setting: Settings['language'], osLocale = navigator.language): UiLanguage {
  const wanted = setting === 'system' ? osLocale : setting
  return /^zh/i.test(wanted) ? 'zh-CN' : 'en'
}

export function initI18n(language: UiLanguage): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false
  })
  return i18next
}

export async function applyLanguage(language: UiLanguage): Promise<void> {
  document.documentElement.lang = language
  if (i18next.language !== language) await i18next.changeLanguage(language)
}

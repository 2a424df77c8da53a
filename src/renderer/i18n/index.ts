import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { I18N_OPTIONS, LANGUAGES, resolveLanguage as resolve, type Language, type LanguageSetting } from '../../shared/i18n'

export const UI_LANGUAGES = LANGUAGES
export type UiLanguage = Language

/** The shared rule (src/shared/i18n), with the OS locale as Chromium reports it. */
export function resolveLanguage(setting: LanguageSetting, osLocale = navigator.language): UiLanguage {
  return resolve(setting, osLocale)
}

export function initI18n(language: UiLanguage): typeof i18next {
  void i18next.use(initReactI18next).init({ ...I18N_OPTIONS, lng: language })
  return i18next
}

export async function applyLanguage(language: UiLanguage): Promise<void> {
  document.documentElement.lang = language
  if (i18next.language !== language) await i18next.changeLanguage(language)
}

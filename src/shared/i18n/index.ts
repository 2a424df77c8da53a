import i18next, { type TFunction } from 'i18next'
import enJson from './en.json'
import zhJson from './zh-CN.json'

/**
 * The one catalog system and the one language rule for every front: the renderer (through
 * react-i18next), the main process (tray, notifications) and the CLI. English is the source
 * catalog; every other catalog must match it key for key.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]
export type LanguageSetting = 'system' | Language

export const en = enJson
export type Catalog = typeof en

/** Every key of the English catalog except the `_one` plural forms, which Chinese does not use. */
type Translation<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Translation<T[K]>
}
// The annotation makes a missing Chinese key a type error.
export const zhCN: Translation<Catalog> = zhJson

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalog }
  }
}

/**
 * "system" follows the OS locale (Chromium's navigator.language in the window, Electron's
 * app.getLocale() in main, LC_ALL/LANG in the CLI); anything Chinese gets 简体中文.
 */
export function resolveLanguage(setting: LanguageSetting | string, osLocale: string): Language {
  const wanted = setting === 'system' ? osLocale : setting
  return /^zh/i.test(wanted) ? 'zh-CN' : 'en'
}

export const I18N_OPTIONS = {
  fallbackLng: 'en',
  resources,
  // React escapes what it renders; tray labels and notifications are plain text.
  interpolation: { escapeValue: false },
  initAsync: false
} as const

const translators = new Map<Language, TFunction>()

/** A translator for main and the CLI: its own i18next instance, so it never changes the window's language. */
export function translator(language: Language): TFunction {
  let t = translators.get(language)
  if (!t) {
    const instance = i18next.createInstance()
    void instance.init({ ...I18N_OPTIONS, lng: language })
    t = instance.t
    translators.set(language, t)
  }
  return t
}

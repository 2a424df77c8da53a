import enJson from './en.json'
import zhJson from './zh-CN.json'

/** English is the source catalog: every other catalog must match it key for key. */
export const en = enJson
export type Catalog = typeof en

/** Every key of the English catalog except the `_one` plural forms, which Chinese does not use. */
type Translation<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Translation<T[K]>
}

// The annotation makes a missing Chinese key a type error.
export const zhCN: Translation<Catalog> = zhJson

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './harness'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- catalogs are nested JSON read as data
export type Catalog = { [key: string]: any }

// Read as data: the catalogs belong to the renderer's build, not the tests'.
const catalog = (name: string): Catalog => JSON.parse(readFileSync(join(ROOT, 'src/shared/i18n', name), 'utf8'))
export const en = catalog('en.json')
export const zhCN = catalog('zh-CN.json')

/** A catalog entry by its dotted key, e.g. say(en, 'import.title'). */
export const say = (c: Catalog, key: string): string => key.split('.').reduce<Catalog>((node, k) => node[k], c) as unknown as string

/**
 * Every English catalog string as a pattern for its fixed words (placeholders become wildcards),
 * to prove a Chinese screen shows no English UI text.
 */
export function englishPatterns(): RegExp[] {
  const zhValues = new Set<string>()
  const collect = (o: Catalog, into: (s: string) => void) => {
    for (const v of Object.values(o)) {
      if (typeof v === 'string') into(v)
      else collect(v as Catalog, into)
    }
  }
  collect(zhCN, (s) => zhValues.add(s))
  const patterns: RegExp[] = []
  collect(en, (s) => {
    if (zhValues.has(s)) return // identical in both, e.g. the product name
    for (const fragment of s.split(/\{\{\w+\}\}/)) {
      const words = fragment.trim()
      if (/[A-Za-z]{3,}/.test(words)) patterns.push(new RegExp(`\\b${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`))
    }
  })
  return patterns
}

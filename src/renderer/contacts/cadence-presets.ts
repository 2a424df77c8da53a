import { RRULE_DAYS, type RruleDay } from '../format/dates'

export const EVERY_DAYS = [2, 3, 5, 7, 14] as const

export type CadenceChoice =
  | { preset: 'default' }
  | { preset: 'every'; days: (typeof EVERY_DAYS)[number] }
  | { preset: 'weekly'; day: RruleDay }
  | { preset: 'monthly' }
  | { preset: 'custom'; rule: string }

/** Reads a stored rule back into the editor's choice; anything unrecognised is shown raw. */
export function choiceOf(rule: string | undefined): CadenceChoice {
  if (!rule) return { preset: 'default' }
  const body = rule.trim().replace(/^RRULE:/i, '').toUpperCase()
  const every = /^FREQ=DAILY;INTERVAL=(\d+)$/.exec(body)
  if (every && (EVERY_DAYS as readonly number[]).includes(Number(every[1]))) return { preset: 'every', days: Number(every[1]) as (typeof EVERY_DAYS)[number] }
  const weekly = /^FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)$/.exec(body)
  if (weekly) return { preset: 'weekly', day: weekly[1] as RruleDay }
  if (body === 'FREQ=MONTHLY') return { preset: 'monthly' }
  return { preset: 'custom', rule }
}

export function ruleOf(choice: CadenceChoice): string | undefined {
  switch (choice.preset) {
    case 'default':
      return undefined
    case 'every':
      return `FREQ=DAILY;INTERVAL=${choice.days}`
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${choice.day}`
    case 'monthly':
      return 'FREQ=MONTHLY'
    case 'custom':
      return choice.rule
  }
}

/** The preset select's value: "default", "every-3", "weekly", "monthly", "custom". */
export function presetKey(choice: CadenceChoice): string {
  return choice.preset === 'every' ? `every-${choice.days}` : choice.preset
}

export function choiceFromKey(key: string, previous: CadenceChoice): CadenceChoice {
  if (key.startsWith('every-')) return { preset: 'every', days: Number(key.slice(6)) as (typeof EVERY_DAYS)[number] }
  if (key === 'weekly') return { preset: 'weekly', day: previous.preset === 'weekly' ? previous.day : 'MO' }
  if (key === 'monthly') return { preset: 'monthly' }
  if (key === 'custom') return { preset: 'custom', rule: ruleOf(previous) ?? '' }
  return { preset: 'default' }
}

export { RRULE_DAYS }

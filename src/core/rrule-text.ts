import { RRule } from 'rrule'

/**
 * Parses the RRULE part of a rule ("FREQ=WEEKLY;BYDAY=TU", with or without a leading "RRULE:").
 * DTSTART is never taken from the text: cadences are anchored at the latest touch.
 */
export function parseRruleOptions(text: string): Partial<ConstructorParameters<typeof RRule>[0]> {
  const body = text.trim().replace(/^RRULE:/i, '')
  if (!/^[A-Z]+=/i.test(body) || /DTSTART|\n/i.test(body)) throw new Error(`not an RRULE: ${text}`)
  const options = RRule.parseString(body)
  if (options.freq === undefined || options.freq === null) throw new Error('an RRULE needs FREQ')
  return options
}

// rrule accepts out-of-range values silently (BYHOUR=25 just never matches), so check them here.
const RANGES: Record<string, [number, number]> = {
  BYHOUR: [0, 23],
  BYMINUTE: [0, 59],
  BYSECOND: [0, 59],
  BYMONTH: [1, 12],
  BYMONTHDAY: [-31, 31],
  BYYEARDAY: [-366, 366],
  BYWEEKNO: [-53, 53],
  BYSETPOS: [-366, 366],
  INTERVAL: [1, 1000],
  COUNT: [1, 100_000]
}

function valuesInRange(body: string): boolean {
  for (const part of body.split(';')) {
    const [key, value = ''] = part.split('=')
    const range = RANGES[key!.toUpperCase()]
    if (!range) continue
    for (const item of value.split(',')) {
      const n = Number(item)
      if (!Number.isInteger(n) || n < range[0] || n > range[1] || (n === 0 && range[0] < 0)) return false
    }
  }
  return true
}

/** Rules repeat across contacts (a few presets cover most), so each text is checked once. */
const validity = new Map<string, boolean>()
const VALIDITY_LIMIT = 10_000

export function isValidRrule(text: string): boolean {
  let valid = validity.get(text)
  if (valid === undefined) {
    valid = checkRrule(text)
    if (validity.size >= VALIDITY_LIMIT) validity.clear()
    validity.set(text, valid)
  }
  return valid
}

function checkRrule(text: string): boolean {
  try {
    const options = parseRruleOptions(text)
    if (!valuesInRange(text.trim().replace(/^RRULE:/i, ''))) return false
    // Constructing the rule validates the values (e.g. BYHOUR=25 throws).
    const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(2000, 0, 1)) })
    // A rule that never occurs (e.g. BYMONTHDAY=31;BYMONTH=2) is useless as a cadence.
    return rule.after(new Date(Date.UTC(2000, 0, 1)), false) !== null || rule.all((_, i) => i < 1).length > 0
  } catch {
    return false
  }
}

import { RRule, type Options } from 'rrule'

/**
 * Parses the RRULE part of a rule ("FREQ=WEEKLY;BYDAY=TU", with or without a leading "RRULE:").
 * DTSTART is never taken from the text: cadences are anchored at the latest touch.
 */
export function parseRruleOptions(text: string): Partial<Options> {
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

/** How far ahead any search for a rule's next date looks. A rule with no date in that time is refused. */
export const RRULE_HORIZON_YEARS = 10
/** Periods of each frequency in the horizon; rrule's walk takes one step per period (times INTERVAL). */
const PERIODS_IN_HORIZON: Record<number, number> = {
  [RRule.YEARLY]: RRULE_HORIZON_YEARS,
  [RRule.MONTHLY]: 12 * RRULE_HORIZON_YEARS,
  [RRule.WEEKLY]: 53 * RRULE_HORIZON_YEARS,
  [RRule.DAILY]: 366 * RRULE_HORIZON_YEARS
}
/**
 * Sub-daily rules (only in older files; they are refused as input) step by the hour, minute or
 * second, or by the day through days their filters exclude: they get this many steps, not the
 * whole horizon.
 */
export const RRULE_MAX_SUB_DAILY_STEPS = 20_000

/** Thrown inside rrule's walk to end it; never escapes BoundedRule. */
class SearchLimitReached extends Error {}

/**
 * An RRule whose searches stop at a fixed horizon (RRULE_HORIZON_YEARS after DTSTART) and after
 * the steps that horizon takes, answering null ("no date") when they do.
 *
 * Why: rrule walks from DTSTART one period (day, week…) at a time until a date matches or it
 * passes the year 9999, and it checks UNTIL only against dates that match. A rule that never
 * matches (FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30) walked millions of days: 25 to 46 seconds.
 * rrule has no option to cap the walk, but each step reads the rule's INTERVAL to advance by it,
 * so counting those reads counts the steps. tests/core/rrule-bounds.test.ts keeps this honest.
 */
export class BoundedRule {
  private readonly rule: RRule
  private readonly maxReads: number
  private reads = 0

  constructor(options: Partial<Options> & { dtstart: Date }) {
    const horizon = new Date(options.dtstart)
    horizon.setUTCFullYear(horizon.getUTCFullYear() + RRULE_HORIZON_YEARS)
    const until = options.until && options.until < horizon ? options.until : horizon
    this.rule = new RRule({ ...options, until }, true)
    const interval = this.rule.options.interval
    const periods = PERIODS_IN_HORIZON[this.rule.options.freq]
    const steps = periods === undefined ? RRULE_MAX_SUB_DAILY_STEPS : Math.ceil(periods / interval) + 1
    // Two reads per step: the walk's "an INTERVAL of 0 ends it" test and the step itself.
    this.maxReads = 2 * steps + 1
    Object.defineProperty(this.rule.options, 'interval', {
      enumerable: true,
      get: () => {
        if (++this.reads > this.maxReads) throw new SearchLimitReached()
        return interval
      }
    })
  }

  /** The first date after `date` (or at it, with `inclusive`), or null. */
  after(date: Date, inclusive = false): Date | null {
    return this.search(() => this.rule.after(date, inclusive))
  }

  /** The last date before `date` (or at it, with `inclusive`), or null. */
  before(date: Date, inclusive = false): Date | null {
    return this.search(() => this.rule.before(date, inclusive))
  }

  private search(run: () => Date | null): Date | null {
    this.reads = 0
    try {
      return run()
    } catch (error) {
      if (error instanceof SearchLimitReached) return null
      throw error
    }
  }
}

/** Why a rule cannot be used, as an IssueCode (core/issues) and an English sentence. */
export interface RruleProblem {
  code: 'invalid-rrule' | 'rrule-too-frequent' | 'rrule-never-occurs'
  message: string
}

const SUB_DAILY: Record<number, string> = { [RRule.HOURLY]: 'HOURLY', [RRule.MINUTELY]: 'MINUTELY', [RRule.SECONDLY]: 'SECONDLY' }
const REFERENCE_START = new Date(Date.UTC(2000, 0, 1))

/**
 * What is wrong with a rule, or null when it is usable: it parses, its values are in range, it
 * repeats daily or less often (unless `allowSubDaily`, for rules older files may hold), and it has
 * a date within RRULE_HORIZON_YEARS of a fixed reference start. Fast for any input.
 */
export function rruleProblem(text: string, { allowSubDaily = false } = {}): RruleProblem | null {
  // Rules repeat across contacts (a few presets cover most): each text is checked once, which
  // makes validating a file of 10,000 contacts cheap. Problems are plain data, safe to share.
  const key = `${allowSubDaily ? 'any' : 'daily'}|${text}`
  let problem = problems.get(key)
  if (problem === undefined) {
    problem = findRruleProblem(text, allowSubDaily)
    if (problems.size >= PROBLEMS_LIMIT) problems.clear()
    problems.set(key, problem)
  }
  return problem
}

const problems = new Map<string, RruleProblem | null>()
const PROBLEMS_LIMIT = 10_000

function findRruleProblem(text: string, allowSubDaily: boolean): RruleProblem | null {
  let options: Partial<Options>
  try {
    options = parseRruleOptions(text)
    if (!valuesInRange(text.trim().replace(/^RRULE:/i, ''))) throw new Error('out of range')
    // Constructing the rule validates what the checks above do not.
    new RRule({ ...options, dtstart: REFERENCE_START })
  } catch {
    return { code: 'invalid-rrule', message: 'is not a valid iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=TU' }
  }
  const subDaily = SUB_DAILY[options.freq!]
  if (subDaily && !allowSubDaily) {
    return {
      code: 'rrule-too-frequent',
      message: `repeats more than once a day (FREQ=${subDaily}); use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY`
    }
  }
  if (new BoundedRule({ ...options, dtstart: REFERENCE_START }).after(REFERENCE_START, true) === null) {
    return { code: 'rrule-never-occurs', message: `has no date within ${RRULE_HORIZON_YEARS} years (e.g. BYMONTH=2;BYMONTHDAY=30 never happens)` }
  }
  return null
}

/** A rule a person may set now: valid, daily or less often, and occurring. */
export function isValidRrule(text: string): boolean {
  return rruleProblem(text) === null
}

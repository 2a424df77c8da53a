import { RRule } from 'rrule'
import { describe, expect, it } from 'vitest'
import { cadenceNotice, nextOccurrence, previewOccurrences } from '../../src/core/cadence'
import { toContactView } from '../../src/core/contact-view'
import { ContactInputSchema, ContactPatchSchema, DocumentSchema, SettingsPatchSchema, emptyDocument, describeIssues } from '../../src/core/model'
import { BoundedRule, RRULE_HORIZON_YEARS, rruleProblem } from '../../src/core/rrule-text'
import { fastestOf } from './helpers'
import { contact } from './interop/helpers'

/** Issue 10, item 10: recurrence rules that never occur, occur too often, or run out. */

const NEVER = [
  'FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=MINUTELY;BYMONTH=4;BYMONTHDAY=31',
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=WEEKLY;BYMONTH=11;BYMONTHDAY=31',
  'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'
]

describe('a rule that never occurs', () => {
  it.each(NEVER)('%s is refused about as fast as rrule lists ten years of days', (rule) => {
    // The yardstick: rrule producing every day of the horizon (3,653 dates). Unbounded, the
    // refusal walked to the year 9999: hundreds of times longer than this (25 to 46 s in the issue).
    const dtstart = new Date(Date.UTC(2000, 0, 1))
    const yardstick = () => new RRule({ freq: RRule.DAILY, dtstart, until: new Date(Date.UTC(2000 + RRULE_HORIZON_YEARS, 0, 1)) }).all()
    expect(rruleProblem(rule, { allowSubDaily: true })).toMatchObject({ code: 'rrule-never-occurs', message: expect.stringMatching(/no date within 10 years/) })
    const [refusal, tenYears] = fastestOf(() => rruleProblem(rule, { allowSubDaily: true }), yardstick)
    expect(refusal! / tenYears!).toBeLessThan(25)
  }, 60_000)

  it('is refused with a clear message by every input schema (the IPC guard and the service share them)', () => {
    const rule = 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'
    const add = ContactInputSchema.safeParse({ name: 'Ada', cadence: rule })
    expect(add.success).toBe(false)
    expect(describeIssues(add.error!)).toEqual(['cadence: has no date within 10 years (e.g. BYMONTH=2;BYMONTHDAY=30 never happens)'])
    expect(ContactPatchSchema.safeParse({ cadence: rule }).success).toBe(false)
    expect(SettingsPatchSchema.safeParse({ reminderRule: rule }).success).toBe(false)
  })

  it('answers "no next date" quickly when evaluated from an anchor it can never reach', () => {
    // Every 7th day from a Tuesday is never a Saturday: a valid rule (it occurs from other anchors).
    const rule = 'FREQ=DAILY;INTERVAL=7;BYDAY=SA'
    expect(rruleProblem(rule)).toBeNull()
    expect(nextOccurrence(rule, '2026-11-24T10:00:00Z', 'Europe/Berlin')).toBeNull()
    expect(new BoundedRule({ ...RRule.parseString(rule), dtstart: new Date(Date.UTC(2026, 10, 24, 10)) }).after(new Date(Date.UTC(2026, 10, 24, 10)))).toBeNull()
  })

  it('still finds rare dates inside the horizon', () => {
    expect(nextOccurrence('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2026-11-24T10:00:00Z', 'Europe/Berlin')).toBe('2028-02-29T10:00:00.000Z')
    expect(previewOccurrences('FREQ=MONTHLY;BYMONTHDAY=31', '2026-11-24T10:00:00Z', 'UTC', 3)).toEqual(['2026-12-31T10:00:00.000Z', '2027-01-31T10:00:00.000Z', '2027-03-31T10:00:00.000Z'])
  })
})

describe('sub-daily rules', () => {
  it.each(['FREQ=SECONDLY', 'FREQ=MINUTELY;INTERVAL=30', 'FREQ=HOURLY;BYHOUR=9,17'])('%s is refused as a cadence and as the reminder', (rule) => {
    for (const parsed of [ContactInputSchema.safeParse({ name: 'Ada', cadence: rule }), ContactPatchSchema.safeParse({ cadence: rule }), SettingsPatchSchema.safeParse({ reminderRule: rule })]) {
      expect(parsed.success).toBe(false)
      expect(describeIssues(parsed.error!).join()).toMatch(/repeats more than once a day .*use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY/)
    }
    expect(rruleProblem(rule)?.code).toBe('rrule-too-frequent')
  })

  it('in a file from an older version still loads, and is evaluated', () => {
    const doc = emptyDocument()
    doc.settings.reminderRule = 'FREQ=HOURLY;BYMINUTE=0;BYSECOND=0'
    doc.contacts.push({ ...contact({ name: 'Ada' }, 'c1'), cadence: 'FREQ=HOURLY;INTERVAL=12' })
    expect(DocumentSchema.safeParse(doc).success).toBe(true)
    expect(nextOccurrence('FREQ=HOURLY;INTERVAL=12', '2026-11-24T10:00:00Z', 'UTC')).toBe('2026-11-24T22:00:00.000Z')
  })

  it.each(['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=TU', 'FREQ=MONTHLY;BYDAY=1MO', 'FREQ=YEARLY', 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0'])('accepts %s', (rule) => {
    expect(ContactInputSchema.safeParse({ name: 'Ada', cadence: rule }).success).toBe(true)
  })
})

describe('a cadence that runs out (COUNT, UNTIL)', () => {
  const now = new Date('2026-11-27T09:00:00Z')
  const view = (cadence: string, touches: string[] = []) =>
    toContactView(
      { ...contact({ name: 'Ada' }, 'c1'), cadence, touches: touches.map((at, i) => ({ id: `t${i}`, at, channel: 'email' as const })) },
      { now, timeZone: 'Europe/Berlin', settings: emptyDocument().settings }
    )

  it('warns when an UNTIL in the past leaves no date after the latest touch', () => {
    const v = view('FREQ=WEEKLY;UNTIL=20260301T000000Z', ['2026-11-20T10:00:00Z'])
    expect(v.nextDueAt).toBeNull()
    expect(v.cadenceNotice).toMatchObject({ code: 'cadence-ended', message: expect.stringMatching(/Ada will not be due again/) })
  })

  it('warns when COUNT is used up at the anchor', () => {
    // DTSTART (the latest touch, a Tuesday) is the rule's one date, and follow-ups come strictly after it.
    const v = view('FREQ=WEEKLY;BYDAY=TU;COUNT=1', ['2026-11-24T10:00:00Z'])
    expect(v.nextDueAt).toBeNull()
    expect(v.cadenceNotice?.code).toBe('cadence-ended')
  })

  it('warns that a past UNTIL ends the cadence after the next touch, while a date is still due', () => {
    const v = view('FREQ=WEEKLY;UNTIL=20261126T000000Z', ['2026-11-18T10:00:00Z'])
    expect(v.nextDueAt).toBe('2026-11-25T10:00:00.000Z')
    expect(v.cadenceNotice).toMatchObject({ code: 'until-passed' })
  })

  it('says nothing for a rule that keeps going, or a COUNT that restarts with each touch', () => {
    expect(view('FREQ=WEEKLY;BYDAY=TU').cadenceNotice).toBeUndefined()
    expect(view('FREQ=WEEKLY;BYDAY=FR;COUNT=2', ['2026-11-24T10:00:00Z']).cadenceNotice).toBeUndefined()
    expect(view('FREQ=WEEKLY;UNTIL=20300101T000000Z', ['2026-11-24T10:00:00Z']).cadenceNotice).toBeUndefined()
    expect(cadenceNotice({ name: 'Ada', touches: [], createdAt: now.toISOString() }, now, 'UTC')).toBeNull()
  })
})

import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalAlarmType } from 'ical-generator'
import { DateTime } from 'luxon'
import { cadenceRuleFor } from '../cadence'
import { toContactView, type ContactView } from '../contact-view'
import { BOARD_STATUSES, type TouchbaseDocument } from '../model'
import { singleLine } from '../text'
import type { ExportContext } from './csv-export'

/** Stable per contact, so a calendar that re-imports the file updates events instead of adding them. */
export const eventUid = (contactId: string) => `${contactId}@touchbase.app`

const EVENT_MINUTES = 15

const isUtc = (timeZone: string) => /^(UTC|Etc\/UTC|Etc\/GMT|GMT|Z)$/i.test(timeZone)

/**
 * An iCalendar (RFC 5545) feed of upcoming follow-ups: one VEVENT per active or waiting
 * contact at its next due date, repeating with the cadence in force (for the escalating
 * default, the step for its current touch count), with a reminder at the start.
 * Times carry the user's TZID plus a VTIMEZONE, so a cadence like BYHOUR=9 stays 09:00 local.
 */
export function followUpsToIcs(doc: TouchbaseDocument, ctx: ExportContext): string {
  // A zone the VTIMEZONE data does not know is written in UTC rather than with a dangling TZID.
  const vtimezone = isUtc(ctx.timeZone) ? null : getVtimezoneComponent(ctx.timeZone)
  const zoned = vtimezone !== null
  const calendar = ical({
    prodId: { company: 'Touchbase', product: 'Touchbase', language: 'EN' },
    name: 'Touchbase follow-ups'
  })
  // One context for the whole list: the views' caches (today, the settings' key) are kept per context.
  const viewContext = { now: ctx.now, timeZone: ctx.timeZone, settings: doc.settings }
  const views = doc.contacts.map((c) => toContactView(c, viewContext))
  for (const view of views) {
    if (!(BOARD_STATUSES as readonly string[]).includes(view.status) || view.nextDueAt === null) continue
    const start = DateTime.fromISO(view.nextDueAt, { zone: zoned ? ctx.timeZone : 'utc' })
    calendar.createEvent({
      id: eventUid(view.id),
      // Without the event's own TZID, ical-generator writes floating local times.
      ...(zoned ? { timezone: ctx.timeZone } : {}),
      start,
      end: start.plus({ minutes: EVENT_MINUTES }),
      stamp: ctx.now,
      lastModified: new Date(view.updatedAt),
      summary: summaryOf(view),
      description: descriptionOf(view),
      repeating: `RRULE:${cadenceRuleFor(view, doc.settings).replace(/^RRULE:/i, '')}`,
      alarms: [{ type: ICalAlarmType.display, trigger: 0, description: summaryOf(view) }]
    })
  }
  const ics = vtimezone ? withVtimezone(calendar.toString(), vtimezone) : calendar.toString()
  // RFC 5545 ends every content line, the last one included, with CRLF; ical-generator omits the last.
  return ics.endsWith('\r\n') ? ics : `${ics}\r\n`
}

/**
 * ical-generator adds the VTIMEZONE only for a calendar-wide time zone, and then writes
 * DTSTAMP and LAST-MODIFIED as local times without "Z", which RFC 5545 forbids. So events
 * carry the TZID and the VTIMEZONE their DTSTART refers to is put in here, before the events.
 */
function withVtimezone(ics: string, vtimezone: string): string {
  const at = ics.search(/BEGIN:VEVENT\r\n|END:VCALENDAR/)
  const block = vtimezone.replace(/\r?\n/g, '\r\n').replace(/(\r\n)?$/, '\r\n')
  return ics.slice(0, at) + block + ics.slice(at)
}

/*
 * iCalendar TEXT may not hold control characters (RFC 5545 3.3.11: only "\n" for a line break),
 * and ical-generator turns a lone CR into "\n", so a CR in a name came back as a line break. The
 * fields here are one-line fields: every control character in them is written as a space, as the
 * input schemas store it today (core/text singleLine), so the event reads back as the app shows it.
 */
function summaryOf(view: ContactView): string {
  const who = view.org ? `${view.name} (${view.org})` : view.name
  return singleLine(view.status === 'waiting' ? `Check back with ${who}` : `Follow up with ${who}`)
}

function descriptionOf(view: ContactView): string {
  return [
    view.subject,
    view.email && `Email: ${view.email}`,
    view.phone && `Phone: ${view.phone}`,
    `Touches so far: ${view.touchCount}`,
    `Suggested channel: ${view.suggestedChannel}`
  ]
    .filter((line): line is string => Boolean(line))
    .map(singleLine)
    .join('\n')
}

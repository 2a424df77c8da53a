import ICAL from 'ical.js'
import Papa from 'papaparse'
import { RRule } from 'rrule'
import { describe, expect, it } from 'vitest'
import { cadenceRuleFor } from '../../../src/core/cadence'
import { toContactView } from '../../../src/core/contact-view'
import { serializeBackup } from '../../../src/core/interop/backup'
import { contactsToCsv } from '../../../src/core/interop/csv-export'
import { followUpsToIcs } from '../../../src/core/interop/ics-export'
import { applyImportPlan, planImport } from '../../../src/core/interop/import-plan'
import { contactsToVcard } from '../../../src/core/interop/vcard-export'
import { vcardRecords } from '../../../src/core/interop/vcard-import'
import { migrate } from '../../../src/core/migrations'
import type { Contact, TouchbaseDocument } from '../../../src/core/model'
import { NOW, contact, docWith, sequentialIds } from './helpers'

const touches = (n: number): Contact['touches'] =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, at: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00Z`, channel: 'email' as const }))

function sampleDoc(): TouchbaseDocument {
  return docWith(
    contact(
      { name: 'Anna Schmidt', org: 'Nordlicht, GmbH; Berlin', email: 'anna@nordlicht.example', phone: '+49 30 1234567', tags: ['lead', 'trade, fair'], notes: 'Line 1\nLine 2; with "quotes"', subject: 'Q3 pilot' },
      'c-anna',
      { touches: touches(2), tags: ['lead', 'back\\', 'trade, fair'] }
    ),
    contact({ name: '张伟', org: '深圳科技有限公司', kind: 'customer', phone: '13800138000', cadence: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0' }, 'c-zhang'),
    contact({ name: '=HYPERLINK("http://evil.example","click")', org: '+cmd|calc', email: 'x@example.com', notes: '-2+3', tags: ['@admin'] }, 'c-evil', {
      status: 'waiting',
      waitingUntil: '2026-12-01T15:30:00Z'
    }),
    contact({ name: 'Won Deal' }, 'c-won', { status: 'won', closedAt: '2026-11-20T10:00:00Z' }),
    contact({ name: 'Later' }, 'c-later', { status: 'not-now', reentryAt: '2027-03-01T08:00:00Z' }),
    contact({ name: 'Long '.repeat(30).trim(), notes: 'ü'.repeat(200) }, 'c-long', { touches: touches(7) })
  )
}

describe('CSV export', () => {
  const csv = contactsToCsv(sampleDoc(), { now: NOW, timeZone: 'Europe/Berlin' })
  const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data

  it('starts with a UTF-8 BOM and has touch count and next follow-up columns', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(header).toEqual(expect.arrayContaining(['Name', 'Touch count', 'Next follow-up']))
    const anna = rows.find((r) => r[0] === 'Anna Schmidt') ?? []
    const col = (name: string) => header?.indexOf(name) ?? -1
    expect(anna[col('Touch count')]).toBe('2')
    // Two touches: the default escalation waits 5 days after the latest touch (11 Nov, 11:00 Berlin).
    expect(anna[col('Next follow-up')]).toBe('2026-11-16 11:00')
    expect(anna[col('Tags')]).toBe('lead; back\\; trade, fair')
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    const evil = rows.find((r) => r.at(-1) === 'c-evil') ?? []
    expect(evil.slice(0, 7)).toEqual(["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+cmd|calc", 'lead', 'x@example.com', '', "'@admin", "'-2+3"])
    const anna = rows.find((r) => r[0] === 'Anna Schmidt') ?? []
    expect(anna[4]).toBe("'+49 30 1234567")
  })

  it('defuses a formula cell whatever follows it, line breaks included', () => {
    const formula = '=HYPERLINK("http://evil.example","x")\nline2'
    const doc = docWith(
      contact({ name: 'Ada', notes: formula, subject: '@SUM(1)+2' }, 'c-multi'),
      contact({ name: 'Plain', notes: 'line1\n=not at the start' }, 'c-plain')
    )
    const [head, ...data] = Papa.parse<string[]>(contactsToCsv(doc, { now: NOW, timeZone: 'UTC' }).slice(1), { skipEmptyLines: true }).data
    const cell = (id: string, column: string) => data.find((r) => r.at(-1) === id)?.[head!.indexOf(column)]
    expect(cell('c-multi', 'Notes')).toBe(`'${formula}`)
    expect(cell('c-multi', 'Subject')).toBe("'@SUM(1)+2")
    expect(cell('c-plain', 'Notes')).toBe('line1\n=not at the start')
  })
})

describe('vCard export', () => {
  it('imports back as the same contacts', () => {
    const doc = sampleDoc()
    const vcf = contactsToVcard(doc.contacts)
    expect(vcf).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/)
    for (const line of vcf.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(76)
    const { records, errors } = vcardRecords(vcf)
    expect(errors).toEqual([])
    const back = docWith()
    applyImportPlan(back, planImport([], records), { newId: sequentialIds(), now: NOW })
    const fields = ({ name, org, kind, email, phone, tags, notes, subject, cadence }: Contact) => ({ name, org, kind, email, phone, tags, notes, subject, cadence })
    expect(back.contacts.map(fields)).toEqual(doc.contacts.map(fields))
  })
})

describe('iCalendar export', () => {
  function parse(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics))
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
    return calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent)
      return {
        uid: event.uid,
        start: event.startDate.toJSDate().toISOString(),
        tzid: event.startDate.zone?.tzid,
        rrule: String(vevent.getFirstPropertyValue('rrule')),
        alarms: vevent.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('action')))
      }
    })
  }

  const options = (rule: string) => ({ ...RRule.parseString(rule), byhour: RRule.parseString(rule).byhour ?? null })

  it.each(['Europe/Berlin', 'America/New_York', 'UTC'])('one event per active/waiting contact at its next due date, with its cadence (%s)', (timeZone) => {
    const doc = sampleDoc()
    const ics = followUpsToIcs(doc, { now: NOW, timeZone })
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const events = parse(ics)
    const expected = doc.contacts
      .map((c) => toContactView(c, { now: NOW, timeZone, settings: doc.settings }))
      .filter((v) => v.status === 'active' || v.status === 'waiting')
    expect(events.map((e) => e.uid)).toEqual(expected.map((v) => `${v.id}@touchbase.app`))
    expect(events.map((e) => e.uid)).not.toContain('c-won@touchbase.app')
    for (const [i, view] of expected.entries()) {
      const event = events[i]
      expect(Date.parse(event?.start ?? '')).toBe(Date.parse(view.nextDueAt ?? ''))
      expect(options(event?.rrule ?? '')).toEqual(options(cadenceRuleFor(view, doc.settings)))
      expect(event?.alarms).toEqual(['DISPLAY'])
      if (timeZone !== 'UTC') expect(event?.tzid).toBe(timeZone)
    }
    expect(events.find((e) => e.uid === 'c-anna@touchbase.app')?.rrule).toBe('FREQ=DAILY;INTERVAL=5')
    expect(events.find((e) => e.uid === 'c-long@touchbase.app')?.rrule).toBe('FREQ=DAILY;INTERVAL=30')
  })

  it('writes DTSTAMP/LAST-MODIFIED in UTC and the VTIMEZONE that DTSTART refers to', () => {
    const ics = followUpsToIcs(sampleDoc(), { now: NOW, timeZone: 'Europe/Berlin' })
    expect(ics).toMatch(/\r\nDTSTAMP:20261127T090000Z\r\n/)
    expect(ics).toMatch(/\r\nLAST-MODIFIED:\d{8}T\d{6}Z\r\n/)
    expect(ics.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/g)).toHaveLength(1)
    expect(ics.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'))
  })

  it('falls back to UTC times for a zone its VTIMEZONE data lacks (the renamed Europe/Kyiv), rather than a dangling TZID', () => {
    const ics = followUpsToIcs(sampleDoc(), { now: NOW, timeZone: 'Europe/Kyiv' })
    expect(ics).not.toMatch(/TZID/)
    expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/)
  })

  it('follows RFC 5545 text rules: no raw control characters, a CR in a name is no line break, CRLF at the end', () => {
    // A file written before names were cleaned on input can still hold them.
    const odd = contact({ name: 'Ada' }, 'c-odd', { subject: 'quote\u0007 for\u001b[2J Q3' })
    odd.name = 'Ada\rLovelace\u0000\u009b'
    odd.org = 'Acme\r\nInc'
    const ics = followUpsToIcs(docWith(odd), { now: NOW, timeZone: 'Europe/Berlin' })
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    // Every line break in the file is a CRLF that ends a content line; nothing else below 0x20 but tab.
    // eslint-disable-next-line no-control-regex
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/)

    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('summary')).toBe('Follow up with Ada Lovelace (Acme Inc)')
    expect(String(event.getFirstPropertyValue('description')).split('\n')[0]).toBe('quote for[2J Q3')
    expect(event.getFirstSubcomponent('valarm')?.getFirstPropertyValue('description')).toBe('Follow up with Ada Lovelace (Acme Inc)')
  })

  it('keeps UIDs stable across exports', () => {
    const uids = (now: Date) => parse(followUpsToIcs(sampleDoc(), { now, timeZone: 'Europe/Berlin' })).map((e) => e.uid)
    expect(uids(new Date('2026-12-24T00:00:00Z'))).toEqual(uids(NOW))
  })
})

describe('JSON backup', () => {
  it('sorts keys at every level and ends with a newline, so the same data gives the same bytes', () => {
    const doc = sampleDoc()
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v
    const reordered = reverseKeys(doc) as TouchbaseDocument
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(doc))
    const text = serializeBackup(doc)
    expect(serializeBackup(reordered)).toBe(text)
    expect(text.endsWith('}\n')).toBe(true)
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['blocks', 'contacts', 'reminder', 'schemaVersion', 'settings'])
    expect(migrate(JSON.parse(text)).doc).toEqual(doc)
  })
})

import ICAL from 'ical.js'
import { decodeQuotedPrintable, joinSoftLineBreaks } from './quoted-printable'
import { personName, rowProblem, uniqueTags, type ImportRecord, type ParsedRecords, type RawContact, type RowError } from './records'

/**
 * vCard 2.1, 3.0 and 4.0 → contacts, parsed by ical.js (RFC 6350 and its vCard 3 design).
 * ical.js rejects two things vCard 2.1 files from Android and Outlook contain, so each card is
 * first brought into 3.0/4.0 syntax: QUOTED-PRINTABLE soft line breaks are joined and bare
 * parameters ("TEL;CELL:") become "TYPE=CELL". QP values are decoded after parsing.
 */

export interface RawCard {
  index: number
  line: number
  lines: string[]
}

/**
 * Gathers the lines of one card after another, so a file can be read line by line and each card
 * parsed (and its text let go) as soon as it ends.
 */
export class CardSplitter {
  private current: RawCard | undefined
  private cards = 0
  private lineNumber = 0

  /** The next physical line; returns a card when this line ends one. */
  push(line: string): RawCard | undefined {
    this.lineNumber++
    const marker = line.trim().toUpperCase()
    if (marker === 'BEGIN:VCARD' && !this.current) {
      this.current = { index: ++this.cards, line: this.lineNumber, lines: [] }
    }
    if (!this.current) return undefined
    this.current.lines.push(line)
    if (marker !== 'END:VCARD') return undefined
    const card = this.current
    this.current = undefined
    return card
  }

  /** A last card without END:VCARD (a truncated file) is still worth reading. */
  end(): RawCard | undefined {
    const last = this.current
    this.current = undefined
    return last && { ...last, lines: [...last.lines, 'END:VCARD'] }
  }
}

export function splitCards(text: string): RawCard[] {
  const splitter = new CardSplitter()
  const cards: RawCard[] = []
  for (const line of text.split(/\r\n|\r|\n/)) {
    const card = splitter.push(line)
    if (card) cards.push(card)
  }
  const last = splitter.end()
  if (last) cards.push(last)
  return cards
}

const ENCODING_TOKENS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B'])

/** "TEL;CELL;PREF:…" → "TEL;TYPE=CELL;TYPE=PREF:…", leaving values and folded lines alone. */
export function nameBareParameters(line: string): string {
  if (/^[ \t]/.test(line)) return line
  let inQuotes = false
  let end = -1
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (ch === '"') inQuotes = !inQuotes
    else if (ch === ':' && !inQuotes) {
      end = i
      break
    }
  }
  if (end < 0) return line
  const [name = '', ...params] = splitOutsideQuotes(line.slice(0, end), ';')
  const named = params.map((p) => {
    if (p.includes('=')) return p
    return ENCODING_TOKENS.has(p.toUpperCase()) ? `ENCODING=${p}` : `TYPE=${p}`
  })
  return [name, ...named].join(';') + line.slice(end)
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let inQuotes = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inQuotes = !inQuotes
    else if (text[i] === separator && !inQuotes) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

function paramList(prop: ICAL.Property, name: string): string[] {
  const value: unknown = prop.getParameter(name)
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.flatMap((v) => String(v).split(',')).map((v) => v.trim().toLowerCase())
}

/** The property's values as text, QUOTED-PRINTABLE decoded; the components of N and ORG come in order. */
function texts(prop: ICAL.Property): string[] {
  const qp = paramList(prop, 'encoding').includes('quoted-printable')
  const charset = paramList(prop, 'charset')[0]
  const decode = (v: unknown): string => {
    const s = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)
    return qp ? decodeQuotedPrintable(s, charset) : s
  }
  return prop.getValues().flatMap((v: unknown) => (Array.isArray(v) ? v.map(decode) : [decode(v)]))
}

function preferred(props: ICAL.Property[], ...types: string[]): ICAL.Property | undefined {
  const score = (p: ICAL.Property) => {
    const t = paramList(p, 'type')
    if (t.includes('pref') || paramList(p, 'pref').length > 0) return 0
    const i = types.findIndex((type) => t.includes(type))
    return i < 0 ? types.length + 1 : i + 1
  }
  return [...props].sort((a, b) => score(a) - score(b))[0]
}

const clean = (s: string | undefined) => {
  const t = s?.trim()
  return t ? t : undefined
}

const HAN = /\p{Script=Han}/u

function nameFromN(prop: ICAL.Property | null): string | undefined {
  if (!prop) return undefined
  const [family, given, middle] = texts(prop).map((s) => s.trim())
  // Chinese, Japanese and Korean names are written family name first, without a space.
  if (HAN.test(`${family ?? ''}${given ?? ''}`)) return clean(`${family ?? ''}${given ?? ''}`)
  return personName(given, middle, family)
}

function xText(card: ICAL.Component, name: string): string | undefined {
  const prop = card.getFirstProperty(name)
  return prop ? clean(texts(prop).join(',')) : undefined
}

export function contactFromCard(card: ICAL.Component): RawContact {
  const fn = card.getFirstProperty('fn')
  const orgProp = card.getFirstProperty('org')
  const org = orgProp ? clean(texts(orgProp)[0]) : undefined
  const emailProp = preferred(card.getAllProperties('email'), 'internet', 'work', 'home')
  const email = emailProp ? clean(texts(emailProp)[0]?.replace(/^mailto:/i, '')) : undefined
  const telProp = preferred(card.getAllProperties('tel'), 'cell', 'mobile', 'work', 'voice')
  const phone = telProp ? clean(texts(telProp)[0]?.replace(/^tel:/i, '')) : undefined
  const tags = uniqueTags(card.getAllProperties('categories').flatMap((p) => texts(p).map((t) => t.trim()).filter(Boolean)))
  const notes = card
    .getAllProperties('note')
    .map((p) => clean(texts(p).join(',')))
    .filter((n): n is string => n !== undefined)
  return {
    name: (fn ? clean(texts(fn).join(',')) : undefined) ?? nameFromN(card.getFirstProperty('n')) ?? org ?? email,
    org,
    email,
    phone,
    tags,
    notes: notes.length > 0 ? notes.join('\n\n') : undefined,
    subject: xText(card, 'x-touchbase-subject'),
    kind: xText(card, 'x-touchbase-kind'),
    cadence: xText(card, 'x-touchbase-cadence')
  }
}

/** One card → its record, or the reason it cannot be read. */
export function cardRecord(raw: RawCard): { record: ImportRecord } | { error: RowError } {
  try {
    const source = joinSoftLineBreaks(raw.lines).map(nameBareParameters).join('\r\n')
    const parsed: unknown = ICAL.parse(source)
    const jcard = Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : undefined
    if (!jcard) throw new Error('is not a vCard')
    return { record: { row: raw.index, line: raw.line, contact: contactFromCard(new ICAL.Component(jcard)) } }
  } catch (e) {
    return { error: rowProblem(raw.index, 'unreadable-card', `card could not be read: ${e instanceof Error ? e.message : String(e)}`, raw.line) }
  }
}

export function vcardRecords(text: string): ParsedRecords {
  const records: ImportRecord[] = []
  const errors: RowError[] = []
  for (const raw of splitCards(text)) {
    const read = cardRecord(raw)
    if ('record' in read) records.push(read.record)
    else errors.push(read.error)
  }
  return { records, errors }
}

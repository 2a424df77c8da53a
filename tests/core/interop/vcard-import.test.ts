import { describe, expect, it } from 'vitest'
import { nameBareParameters, splitCards, vcardRecords } from '../../../src/core/interop/vcard-import'
import { fixture } from './fixtures'

describe('Apple vCard 3.0', () => {
  it('reads every card: folded lines, grouped properties, escapes, pref, photos ignored', () => {
    const { records, errors } = vcardRecords(fixture('apple-contacts.vcf'))
    expect(errors).toEqual([])
    expect(records.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 23],
      [3, 33]
    ])
    expect(records[0]?.contact).toMatchObject({
      name: 'Dr. Harriet Anne Whitfield',
      org: 'Whitfield, Crane & Partners',
      email: 'harriet@whitfield-crane.example',
      phone: '+1 (415) 555-0134',
      tags: ['Investors', 'Warm leads'],
      notes: 'Board intro via Marcus. Interested in the Q3 pilot, wants pricing\nbefore the offsite.'
    })
    expect(records[1]?.contact).toMatchObject({ name: 'Chidi Okafor', org: 'Lagos Analytics', email: 'chidi@lagos-analytics.example' })
    expect(records[2]?.contact).toMatchObject({ name: 'Northwind Traders', org: 'Northwind Traders', phone: '+1 206 555 0177' })
  })
})

describe('Android / Outlook vCard 2.1', () => {
  it('decodes QUOTED-PRINTABLE UTF-8 and Windows-1252, soft line breaks and bare TEL;CELL', () => {
    const { records, errors } = vcardRecords(fixture('android-2.1.vcf'))
    expect(errors).toEqual([])
    expect(records.map((r) => r.contact)).toEqual([
      expect.objectContaining({
        name: '张伟',
        org: '深圳科技有限公司',
        email: 'zhang.wei@example.cn',
        phone: '13800138000',
        notes: '展会认识\n下周打电话'
      }),
      // No FN: the name comes from N, family name first as Chinese names are written.
      expect.objectContaining({ name: '李娜', phone: '+86 139 0000 1111' }),
      expect.objectContaining({ name: 'Nikos Papadopoulos', phone: '+30 691 234 5678', email: 'nikos@aegean.example' }),
      expect.objectContaining({ name: 'Jürgen Müller', org: 'Bäckerei Müller', email: 'juergen@baeckerei.example' })
    ])
  })
})

describe('vCard 4.0 and broken cards', () => {
  it('reads tel: URIs and PREF=1', () => {
    const text = 'BEGIN:VCARD\nVERSION:4.0\nFN:Ada\nTEL;VALUE=uri;TYPE="voice,home":tel:+44-20-1\nTEL;VALUE=uri;PREF=1:tel:+44-7700-1\nEMAIL:ada@example.com\nEND:VCARD\n'
    expect(vcardRecords(text).records[0]?.contact).toMatchObject({ name: 'Ada', phone: '+44-7700-1', email: 'ada@example.com' })
  })

  it('reports a card that cannot be parsed by its number and line, and keeps the others', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:Good\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Also good\nEND:VCARD\n'
    const { records, errors } = vcardRecords(text)
    expect(records.map((r) => r.contact.name)).toEqual(['Good', 'Also good'])
    expect(errors).toEqual([{ row: 2, line: 5, message: expect.stringContaining('could not be read'), issues: [{ field: '', code: 'unreadable-card' }] }])
  })

  it('reads a last card without END:VCARD', () => {
    expect(splitCards('BEGIN:VCARD\nFN:x').map((c) => c.lines)).toEqual([['BEGIN:VCARD', 'FN:x', 'END:VCARD']])
  })

  it('names bare parameters and leaves quoted ones alone', () => {
    expect(nameBareParameters('TEL;CELL;PREF:+1')).toBe('TEL;TYPE=CELL;TYPE=PREF:+1')
    expect(nameBareParameters('NOTE;QUOTED-PRINTABLE:a=3Db')).toBe('NOTE;ENCODING=QUOTED-PRINTABLE:a=3Db')
    expect(nameBareParameters('X-A;LABEL="a;b:c":v')).toBe('X-A;LABEL="a;b:c":v')
    expect(nameBareParameters(' folded;continuation:x')).toBe(' folded;continuation:x')
  })
})

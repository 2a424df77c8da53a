import { describe, expect, it } from 'vitest'
import { decodeQuotedPrintable, joinSoftLineBreaks } from '../../../src/core/interop/quoted-printable'
import { vcardRecords } from '../../../src/core/interop/vcard-import'
import { fastestOf } from '../helpers'

describe('decodeQuotedPrintable', () => {
  it.each([
    ['=E5=BC=A0=E4=BC=9F', 'utf-8', '张伟'],
    ['=e5=bc=a0', 'UTF-8', '张'],
    ['M=FCller', 'windows-1252', 'Müller'],
    ['line one=0D=0Aline two', 'utf-8', 'line one\r\nline two'],
    ['plain ascii; with = sign', 'utf-8', 'plain ascii; with = sign'],
    ['=ZZ kept', 'utf-8', '=ZZ kept'],
    ['soft=\r\nbreak', 'utf-8', 'softbreak'],
    ['Zoë raw', 'utf-8', 'Zoë raw'],
    ['=E5=BC=A0', 'no-such-charset', '张']
  ])('%s (%s) → %s', (input, charset, expected) => {
    expect(decodeQuotedPrintable(input, charset)).toBe(expected)
  })
})

describe('joinSoftLineBreaks', () => {
  it('joins continuation lines of QUOTED-PRINTABLE properties only', () => {
    expect(
      joinSoftLineBreaks([
        'NOTE;ENCODING=QUOTED-PRINTABLE:=E5=B1=95=',
        '=E4=BC=9A=',
        'end',
        'X-OTHER:ends with =',
        'NEXT:x'
      ])
    ).toEqual(['NOTE;ENCODING=QUOTED-PRINTABLE:=E5=B1=95=E4=BC=9Aend', 'X-OTHER:ends with =', 'NEXT:x'])
  })

  it('recognises the bare 2.1 form ";QUOTED-PRINTABLE"', () => {
    expect(joinSoftLineBreaks(['FN;QUOTED-PRINTABLE:a=', 'b'])).toEqual(['FN;QUOTED-PRINTABLE:ab'])
  })
})

describe('a vCard with 200,000 QUOTED-PRINTABLE soft line breaks', () => {
  // Every fourth piece is "é" in QP; the others are plain text.
  const pieces = (n: number) => Array.from({ length: n }, (_, i) => (i % 4 === 0 ? '=C3=A9' : 'ab'))
  const card = (n: number) => ['BEGIN:VCARD', 'VERSION:2.1', 'FN:Ada', `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${pieces(n).join('=\r\n')}`, 'END:VCARD', ''].join('\r\n')
  it('decodes it right, in time linear in its size', () => {
    const big = card(200_000)
    expect(big.length).toBeGreaterThan(1_000_000)
    const [record] = vcardRecords(big).records
    expect(record?.contact.notes).toBe(pieces(200_000).map((p) => (p === 'ab' ? 'ab' : 'é')).join(''))

    // Linear: four times the breaks take about four times as long (2.5 measured; quadratic would
    // be 16 times, and the old joining took over 30 s for the big one).
    const small = card(50_000)
    const [smallMs, largeMs] = fastestOf(() => vcardRecords(small), () => vcardRecords(big))
    expect(largeMs! / smallMs!).toBeLessThan(12)
  }, 120_000)
})

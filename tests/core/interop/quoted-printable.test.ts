import { describe, expect, it } from 'vitest'
import { decodeQuotedPrintable, joinSoftLineBreaks } from '../../../src/core/interop/quoted-printable'

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

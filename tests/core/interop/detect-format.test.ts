import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../src/core/interop/detect-format'
import { ImportError } from '../../../src/core/interop/errors'

describe('detectFormat', () => {
  it('goes by content, not extension', () => {
    expect(detectFormat('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n', 'contacts.csv')).toBe('vcard')
    expect(detectFormat('\uFEFF\n\nbegin:vcard\nFN:A\nend:vcard', 'x.txt')).toBe('vcard')
    expect(detectFormat('Name,Email\nAda,a@b.c\n', 'export.vcf')).toBe('csv')
  })

  it.each([
    ['', /empty/],
    ['  \r\n\t', /empty/],
    ['\uFEFF', /empty/],
    ['PK\u0003\u0004\u0014\u0000\u0006\u0000binary', /not a text file/],
    ['\uFFFD\uFFFD\u0001\u0002\uFFFDJFIF\uFFFD\uFFFD', /not a text file/],
    ['{"schemaVersion":1,"contacts":[]}', /JSON.*restore/],
    ['[1,2,3]', /JSON/],
    ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR', /iCalendar/],
    ['<?xml version="1.0"?><contacts/>', /XML/]
  ])('rejects %j with a clear ImportError', (text, message) => {
    expect(() => detectFormat(text, 'file.csv')).toThrow(ImportError)
    expect(() => detectFormat(text, 'file.csv')).toThrow(message)
  })
})

import { ImportError } from './errors'

export type FileFormat = 'csv' | 'vcard'

/**
 * Decides by content what kind of file this is, because extensions lie (".csv" files saved
 * as vCards, ".txt" exports). Throws ImportError for anything that is neither. `text` may be only
 * the head of a larger file (`complete` false), as a streamed import reads it.
 */
export function detectFormat(text: string, fileName: string, complete = true): FileFormat {
  const body = text.replace(/^\uFEFF/, '')
  if (complete && body.trim() === '') throw new ImportError('empty', `${fileName} is empty: there are no contacts to import.`)
  if (looksBinary(body)) {
    throw new ImportError('binary', `${fileName} is not a text file (it looks binary). Import a CSV file or a vCard (.vcf) file.`)
  }
  const start = body.trimStart().slice(0, 200).toUpperCase()
  if (start.startsWith('BEGIN:VCARD') || /^BEGIN:VCARD\s*$/im.test(body.slice(0, 100_000))) return 'vcard'
  if (start.startsWith('BEGIN:VCALENDAR')) {
    throw new ImportError('icalendar', `${fileName} is an iCalendar (.ics) file, not contacts. Import a CSV file or a vCard (.vcf) file.`)
  }
  if (/^[[{]/.test(start) && (complete ? isJson(body) : looksLikeJson(start))) {
    throw new ImportError(
      'json',
      `${fileName} is a JSON file, not a CSV or vCard. To bring back a Touchbase JSON backup, use restore instead of import.`
    )
  }
  if (/^<(\?xml|!doctype|html)/i.test(body.trimStart())) {
    throw new ImportError('markup', `${fileName} is an XML/HTML file, not a CSV or vCard. Export your contacts as CSV or vCard and import that.`)
  }
  return 'csv'
}

// A text decoder turns binary bytes into NULs, control characters and U+FFFD; real CSV
// and vCard text has almost none of them.
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192)
  if (sample.includes('\u0000')) return true
  let odd = 0
  for (const ch of sample) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp === 0xfffd || (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && cp !== 0x0c)) odd++
  }
  return odd > Math.max(2, sample.length * 0.02)
}

/** The start of a JSON object or array; no CSV header begins like this. */
function looksLikeJson(start: string): boolean {
  return /^(\{\s*("|\})|\[\s*("|\{|\[|\]|-?\d|true|false|null))/i.test(start)
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * vCard 2.1 (Android, Outlook) writes non-ASCII values as QUOTED-PRINTABLE (RFC 2045) with a
 * CHARSET parameter. The vCard parser keeps them encoded, so these two functions fill that gap.
 */

/**
 * Joins QP soft line breaks: a QUOTED-PRINTABLE property line ending in "=" continues on the
 * next physical line. Must run before the parser sees the text, which would otherwise read
 * the continuation as a property of its own.
 */
export function joinSoftLineBreaks(lines: readonly string[]): string[] {
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i++] ?? ''
    if (!isQuotedPrintableLine(line)) {
      out.push(line)
      continue
    }
    // The pieces are collected and joined once. Appending each one to the growing line (and
    // testing its end) copied the line for every break: 200,000 breaks took 30 s.
    const parts = [line]
    while (parts[parts.length - 1]!.endsWith('=') && i < lines.length) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1)
      parts.push(lines[i++] ?? '')
    }
    out.push(parts.join(''))
  }
  return out
}

function isQuotedPrintableLine(line: string): boolean {
  const colon = line.indexOf(':')
  if (colon < 0) return false
  return /;(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(line.slice(0, colon))
}

/**
 * Decodes one QP value into text using the charset its CHARSET parameter names.
 * Malformed escapes are kept literally, and an unknown charset falls back to UTF-8, because
 * a slightly wrong name is more useful to the person than a rejected contact.
 */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = []
  const encoder = new TextEncoder()
  const text = value.replace(/=\r?\n/g, '')
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : ''
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
      continue
    }
    const cp = text.codePointAt(i) ?? 0
    if (cp > 0xffff) i++
    bytes.push(...encoder.encode(String.fromCodePoint(cp)))
  }
  return decoderFor(charset).decode(Uint8Array.from(bytes))
}

function decoderFor(charset: string) {
  try {
    return new TextDecoder(charset)
  } catch {
    return new TextDecoder('utf-8')
  }
}

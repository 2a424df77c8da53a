/**
 * Control characters (Unicode category Cc: C0, DEL and C1) in text people type or import.
 * Nothing a person means to write is a control character other than a line break or a tab, and
 * an ESC or CSI sequence in a name can clear a terminal or fake output; so input schemas clean
 * text with these, and each output (terminal, iCalendar, notification) escapes what is left.
 */

// Matching control characters is the point of these patterns.
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u0085]+/g
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** One line of text (a name, subject, tag): line breaks and tabs become a space, other controls go. */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS_AND_TABS, ' ').replace(CONTROLS, '')
}

/** Text that may span lines (notes): CRLF and lone CR become LF; tabs stay; other controls go. */
export function multiLine(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_NEWLINE_AND_TAB, '')
}

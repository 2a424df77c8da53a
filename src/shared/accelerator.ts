/** What a key press looks like to the shortcut recorder (a KeyboardEvent's fields). */
export interface KeyPress {
  code: string
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

const NAMED_CODES: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Insert: 'Insert',
  Delete: 'Delete',
  Backspace: 'Backspace',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`'
}

/** The key of an Electron accelerator, from the physical key (so it does not change with the layout). */
function acceleratorKey(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code)
  if (letter) return letter[1]!
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code)
  if (digit) return digit[1]!
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code
  return NAMED_CODES[code] ?? null
}

/**
 * A key press as an Electron accelerator ("CommandOrControl+Shift+L"), or why it cannot be one:
 * a global shortcut needs Ctrl/⌘ or Alt, so that typing in other apps never triggers it.
 */
export function acceleratorOf(press: KeyPress): { accelerator: string } | { problem: 'modifier-only' | 'needs-modifier' | 'unsupported-key' } {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS'].includes(press.key)) return { problem: 'modifier-only' }
  const key = acceleratorKey(press.code)
  if (!key) return { problem: 'unsupported-key' }
  if (!press.ctrlKey && !press.metaKey && !press.altKey) return { problem: 'needs-modifier' }
  const parts = [press.ctrlKey || press.metaKey ? 'CommandOrControl' : null, press.altKey ? 'Alt' : null, press.shiftKey ? 'Shift' : null, key]
  return { accelerator: parts.filter(Boolean).join('+') }
}

/** How an accelerator reads on this platform: "Ctrl+Shift+L", or "⌘⇧L" on a Mac. */
export function describeAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin'
  const names: Record<string, string> = mac
    ? { CommandOrControl: '⌘', CmdOrCtrl: '⌘', Command: '⌘', Control: '⌃', Ctrl: '⌃', Alt: '⌥', Option: '⌥', Shift: '⇧', Super: '⌘' }
    : { CommandOrControl: 'Ctrl', CmdOrCtrl: 'Ctrl', Control: 'Ctrl', Command: 'Super', Super: 'Super' }
  return accelerator
    .split('+')
    .map((part) => names[part] ?? part)
    .join(mac ? '' : '+')
}

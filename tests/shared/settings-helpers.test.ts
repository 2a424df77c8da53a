import { describe, expect, it } from 'vitest'
import { acceleratorOf, describeAccelerator, type KeyPress } from '../../src/shared/accelerator'
import { readSimpleReminder, simpleReminderRule } from '../../src/shared/reminder-rule'
import { DEFAULT_REMINDER_RULE } from '../../src/core/model'
import { isValidRrule } from '../../src/core/rrule-text'

describe('the reminder time picker', () => {
  it('reads the default rule as 09:00 on weekdays and writes it back the same', () => {
    const simple = readSimpleReminder(DEFAULT_REMINDER_RULE)
    expect(simple).toEqual({ time: '09:00', days: ['MO', 'TU', 'WE', 'TH', 'FR'] })
    expect(simpleReminderRule(simple!)).toBe(DEFAULT_REMINDER_RULE)
  })

  it('reads daily rules, minutes and days in any order, and writes valid rules', () => {
    expect(readSimpleReminder('FREQ=DAILY;BYHOUR=8;BYMINUTE=30;BYSECOND=0')).toEqual({ time: '08:30', days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] })
    expect(readSimpleReminder('RRULE:FREQ=WEEKLY;BYDAY=FR,MO;BYHOUR=17')).toEqual({ time: '17:00', days: ['MO', 'FR'] })
    const rule = simpleReminderRule({ time: '07:05', days: ['SU', 'MO'] })
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=MO,SU;BYHOUR=7;BYMINUTE=5;BYSECOND=0')
    expect(isValidRrule(rule)).toBe(true)
    expect(simpleReminderRule({ time: '21:45', days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] })).toBe('FREQ=DAILY;BYHOUR=21;BYMINUTE=45;BYSECOND=0')
  })

  it('leaves rules it cannot show to the advanced field', () => {
    for (const rule of ['FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,14', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9', 'FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9', 'FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=1MO;BYHOUR=9', 'FREQ=DAILY;BYHOUR=25', 'nonsense']) {
      expect(readSimpleReminder(rule), rule).toBeNull()
    }
  })
})

const press = (code: string, key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })

describe('the quick-log shortcut recorder', () => {
  it('turns a key press into an Electron accelerator from the physical key', () => {
    expect(acceleratorOf(press('KeyL', 'L', { ctrlKey: true, shiftKey: true }))).toEqual({ accelerator: 'CommandOrControl+Shift+L' })
    expect(acceleratorOf(press('KeyL', 'l', { metaKey: true }))).toEqual({ accelerator: 'CommandOrControl+L' })
    // A German or French layout types other characters on the same keys; the code stays.
    expect(acceleratorOf(press('KeyZ', 'y', { altKey: true }))).toEqual({ accelerator: 'Alt+Z' })
    expect(acceleratorOf(press('Digit2', '@', { ctrlKey: true, shiftKey: true }))).toEqual({ accelerator: 'CommandOrControl+Shift+2' })
    expect(acceleratorOf(press('Space', ' ', { ctrlKey: true, altKey: true }))).toEqual({ accelerator: 'CommandOrControl+Alt+Space' })
    expect(acceleratorOf(press('F9', 'F9', { altKey: true }))).toEqual({ accelerator: 'Alt+F9' })
  })

  it('refuses what would fire while typing elsewhere, and waits through bare modifiers', () => {
    expect(acceleratorOf(press('KeyL', 'L', { shiftKey: true }))).toEqual({ problem: 'needs-modifier' })
    expect(acceleratorOf(press('KeyL', 'l'))).toEqual({ problem: 'needs-modifier' })
    expect(acceleratorOf(press('ShiftLeft', 'Shift', { shiftKey: true }))).toEqual({ problem: 'modifier-only' })
    expect(acceleratorOf(press('IntlRo', 'ろ', { ctrlKey: true }))).toEqual({ problem: 'unsupported-key' })
  })

  it('reads as the platform writes shortcuts', () => {
    expect(describeAccelerator('CommandOrControl+Shift+L', 'linux')).toBe('Ctrl+Shift+L')
    expect(describeAccelerator('CommandOrControl+Shift+L', 'darwin')).toBe('⌘⇧L')
    expect(describeAccelerator('Alt+Space', 'win32')).toBe('Alt+Space')
  })
})

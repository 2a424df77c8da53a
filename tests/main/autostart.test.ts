import { describe, expect, it } from 'vitest'
import { autostartCommand, HIDDEN_ARG, launchedHidden, linuxAutostartEntry, linuxAutostartPath, quoteExecArg } from '../../electron/main/autostart'

describe('linuxAutostartPath', () => {
  it('is ~/.config/autostart/touchbase.desktop, or under $XDG_CONFIG_HOME', () => {
    expect(linuxAutostartPath({ HOME: '/home/ada' }, '/ignored')).toBe('/home/ada/.config/autostart/touchbase.desktop')
    expect(linuxAutostartPath({}, '/home/bob')).toBe('/home/bob/.config/autostart/touchbase.desktop')
    expect(linuxAutostartPath({ HOME: '/home/ada', XDG_CONFIG_HOME: '/home/ada/.cfg' }, '/x')).toBe('/home/ada/.cfg/autostart/touchbase.desktop')
    // The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    expect(linuxAutostartPath({ HOME: '/home/ada', XDG_CONFIG_HOME: 'relative' }, '/x')).toBe('/home/ada/.config/autostart/touchbase.desktop')
  })
})

describe('linuxAutostartEntry', () => {
  it('starts an installed (deb) Touchbase hidden in the tray', () => {
    expect(linuxAutostartEntry({ execPath: '/opt/Touchbase/touchbase' })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Touchbase',
        'Comment=Follow-up reminders',
        'Exec=/opt/Touchbase/touchbase --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        ''
      ].join('\n')
    )
  })

  it('names the AppImage file, not its temporary mount', () => {
    const entry = linuxAutostartEntry({ execPath: '/tmp/.mount_TouchbXYZ/touchbase', appImage: '/home/ada/Apps/Touchbase 0.1.0.AppImage' })
    expect(entry).toContain('Exec="/home/ada/Apps/Touchbase 0.1.0.AppImage" --hidden\n')
  })

  it('passes the app folder in development', () => {
    expect(autostartCommand({ execPath: '/repo/node_modules/electron/dist/electron', appPath: '/repo' })).toEqual([
      '/repo/node_modules/electron/dist/electron',
      '/repo',
      HIDDEN_ARG
    ])
  })
})

describe('quoteExecArg', () => {
  it('follows the Desktop Entry quoting rules', () => {
    expect(quoteExecArg('/usr/bin/touchbase')).toBe('/usr/bin/touchbase')
    expect(quoteExecArg('/a b/c')).toBe('"/a b/c"')
    expect(quoteExecArg('say "hi"')).toBe('"say \\\\"hi\\\\""')
    expect(quoteExecArg('$HOME')).toBe('"\\\\$HOME"')
    expect(quoteExecArg('100%')).toBe('100%%')
    expect(quoteExecArg('')).toBe('""')
  })
})

describe('launchedHidden', () => {
  it('is true for the login entry (--hidden) or a macOS login launch', () => {
    expect(launchedHidden(['/opt/Touchbase/touchbase', '--hidden'])).toBe(true)
    expect(launchedHidden(['/opt/Touchbase/touchbase'])).toBe(false)
    expect(launchedHidden(['/Applications/Touchbase.app/Contents/MacOS/Touchbase'], true)).toBe(true)
  })
})

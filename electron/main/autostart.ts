import { join } from 'node:path'

/** Passed when the OS starts us at login, so the app starts in the tray without a window. */
export const HIDDEN_ARG = '--hidden'

export interface AutostartTarget {
  /** process.execPath: the Electron binary (or the unpacked app's executable). */
  execPath: string
  /** $APPIMAGE: an AppImage runs from a temporary mount, so the login entry must name the image. */
  appImage?: string | undefined
  /** In development the app is `electron <appPath>`; packaged builds need no argument. */
  appPath?: string | undefined
}

export interface XdgEnv {
  HOME?: string | undefined
  XDG_CONFIG_HOME?: string | undefined
}

/** ~/.config/autostart/touchbase.desktop (or under $XDG_CONFIG_HOME), per the XDG Autostart spec. */
export function linuxAutostartPath(env: XdgEnv, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homeDir, '.config')
  return join(configHome, 'autostart', 'touchbase.desktop')
}

/** The command line the login entry runs. */
export function autostartCommand(target: AutostartTarget): string[] {
  const program = target.appImage || target.execPath
  return [program, ...(target.appImage || !target.appPath ? [] : [target.appPath]), HIDDEN_ARG]
}

/** The .desktop file that makes an XDG desktop (GNOME, KDE, Xfce…) start Touchbase at login. */
export function linuxAutostartEntry(target: AutostartTarget): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Touchbase',
    'Comment=Follow-up reminders',
    `Exec=${autostartCommand(target).map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

/**
 * Quotes one Exec argument per the Desktop Entry spec: reserved characters need double quotes,
 * inside which ", `, $ and \ are backslash-escaped; then, because Exec is itself a string
 * value, every backslash is escaped once more.
 */
export function quoteExecArg(arg: string): string {
  const reserved = arg === '' || /[\s"'\\><~|&;$*?#()`]/.test(arg)
  const quoted = reserved ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg
  // A literal % must be written %% in Exec, or it reads as a field code such as %f.
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')
}

/** Whether this launch came from the login entry and should stay in the tray. */
export function launchedHidden(argv: readonly string[], wasOpenedAsHidden = false): boolean {
  return wasOpenedAsHidden || argv.includes(HIDDEN_ARG)
}

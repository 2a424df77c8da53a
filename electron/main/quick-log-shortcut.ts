import type { GlobalShortcut } from 'electron'

export interface QuickLogShortcutOptions {
  /** The user pressed it, in any app. */
  onPress: () => void
  /**
   * The OS would not give us the accelerator: another app holds it, or it is not a valid
   * accelerator. The user is told and can choose another (or clear it) in Settings.
   */
  onClash: (accelerator: string) => void
}

/**
 * The global shortcut that opens the quick-log window (settings.quickLogShortcut, e.g.
 * CommandOrControl+Shift+L; empty turns it off). `apply` is called on every settings refresh and
 * acts only when the setting changed: the old accelerator is released before the new one is taken.
 */
export function createQuickLogShortcut(registry: Pick<GlobalShortcut, 'register' | 'unregister'>, options: QuickLogShortcutOptions) {
  let wanted: string | null = null
  let held: string | null = null
  let released = false

  const release = () => {
    if (held) registry.unregister(held)
    held = null
  }

  return {
    apply(accelerator: string): void {
      if (released || accelerator === wanted) return
      wanted = accelerator
      release()
      if (!accelerator) return
      if (tryRegister(accelerator)) held = accelerator
      else options.onClash(accelerator)
    },
    /** At quit: the OS-wide key goes back to other apps, for good (a late settings refresh cannot take it again). */
    release(): void {
      released = true
      release()
    }
  }

  function tryRegister(accelerator: string): boolean {
    try {
      return registry.register(accelerator, options.onPress)
    } catch {
      return false // Electron throws on text that is not an accelerator
    }
  }
}


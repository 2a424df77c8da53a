import { app } from 'electron'

export interface Lifecycle {
  /** True once a real quit began (tray Quit, app menu, OS shutdown): windows may then close. */
  isQuitting(): boolean
  quit(): void
}

/** The app lives in the tray: closing every window does not quit it; only Quit does. */
export function setupLifecycle(onActivate: () => void, onQuit: () => Promise<void>, onError: (error: unknown) => void = console.error): Lifecycle {
  let quitting = false
  let cleanedUp = false
  app.on('before-quit', (event) => {
    quitting = true
    if (cleanedUp) return
    // Flush queued writes and release the data file's lock before the process ends.
    event.preventDefault()
    cleanedUp = true
    // A failed clean-up is reported, and the app still quits: the user asked for it.
    void onQuit()
      .catch(onError)
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    // Staying alive keeps the tray and the reminder running.
  })
  app.on('activate', onActivate) // macOS: clicking the Dock icon
  return {
    isQuitting: () => quitting,
    quit: () => app.quit()
  }
}

import { app } from 'electron'

/**
 * One Touchbase per user: the store is a single writer per process, and two trays would fire
 * the reminder twice. Returns false in a second launch, which must quit at once; the first
 * instance is told and brings its window forward.
 */
export function setupSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', () => onSecondLaunch())
  return true
}

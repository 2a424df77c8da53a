/** The main process's entry (package.json "main" after the build): start Touchbase, or say why not. */
import { app } from 'electron'
import { startTouchbase } from './start'

void startTouchbase().catch((error: unknown) => {
  console.error('[touchbase]', error)
  app.exit(1)
})

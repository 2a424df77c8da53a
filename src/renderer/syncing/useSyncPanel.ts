import { useEffect, useState } from 'react'
import type { SyncPanel } from '../../core/sync/setup'
import { call, subscribe } from '../api/client'

/**
 * Sync's state as main reports it: asked once, then kept current by the 'sync:status' push
 * (a run started or ended, sync turned on or off). Null until known, and where there is no sync.
 */
export function useSyncPanel(): [SyncPanel | null, (panel: SyncPanel) => void] {
  const [panel, setPanel] = useState<SyncPanel | null>(null)
  useEffect(() => {
    let live = true
    const off = subscribe('sync:status', setPanel)
    call('sync:status').then(
      (p) => live && setPanel(p),
      () => undefined
    )
    return () => {
      live = false
      off()
    }
  }, [])
  return [panel, setPanel]
}

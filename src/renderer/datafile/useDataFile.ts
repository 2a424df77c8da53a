import { useCallback, useEffect, useState } from 'react'
import type { PushEvents } from '../../shared/ipc'
import { call, subscribe } from '../api/client'

export type DataStatus = PushEvents['data:status']
export type DataWarning = PushEvents['data:warning']

export interface DataFileState {
  /** Null until main answered; then the data file's state, as main pushes each change of it. */
  status: DataStatus | null
  /** Warnings not yet dismissed (a backup that could not be made, …), oldest first. */
  warnings: DataWarning[]
  dismiss: (warning: DataWarning) => void
}

/**
 * The data file's state for the banner: asked once, then followed through main's 'data:status'
 * pushes (damaged, missing, usable again) and 'data:warning's. When it is usable again main also
 * pushes 'data:changed', so the contacts are fetched anew by the data provider, not here.
 */
export function useDataFile(): DataFileState {
  const [status, setStatus] = useState<DataStatus | null>(null)
  const [warnings, setWarnings] = useState<DataWarning[]>([])

  useEffect(() => {
    let pushed = false
    const offStatus = subscribe('data:status', (next) => {
      pushed = true
      setStatus(next)
    })
    const offWarning = subscribe('data:warning', (warning) =>
      // The same warning again (a backup failing on every change) is shown once.
      setWarnings((list) => (list.some((w) => w.code === warning.code && w.message === warning.message) ? list : [...list, warning]))
    )
    // A push that arrived meanwhile is newer than this answer.
    void call('data:status').then((first) => !pushed && setStatus(first), () => undefined)
    return () => {
      offStatus()
      offWarning()
    }
  }, [])

  const dismiss = useCallback((warning: DataWarning) => setWarnings((list) => list.filter((w) => w !== warning)), [])
  return { status, warnings, dismiss }
}

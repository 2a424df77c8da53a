import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ContactSummary, ContactView } from '../../core/contact-view'
import type { Settings } from '../../core/model'
import { localDay, systemTimeZone } from '../../core/time'
import type { AppInfo } from '../../shared/ipc'
import { ApiError, call, subscribe } from '../api/client'
import { summaryOf } from './full-views'

export interface AppData {
  /** Without touch logs: the open contact fetches its full view (./full-views). */
  contacts: ContactSummary[] | null
  settings: Settings | null
  info: AppInfo | null
  loadError: string | null
  timeZone: string
  /** The UI's clock; ticks every minute so relative times and due colours stay right. */
  now: Date
  reload: () => Promise<void>
  /** A command's answer (a full view) into the list, as its summary, which it returns. */
  upsert: (view: ContactView) => ContactSummary
  removeLocal: (id: string) => void
  setSettings: (settings: Settings) => void
}

const DataContext = createContext<AppData | null>(null)

export function useData(): AppData {
  const data = useContext(DataContext)
  if (!data) throw new Error('useData outside DataProvider')
  return data
}

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000)
    return () => window.clearInterval(timer)
  }, [])
  return now
}

export function DataProvider({ children }: { children: ReactNode }) {
  const [contacts, setContacts] = useState<ContactSummary[] | null>(null)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const now = useMinuteClock()
  const loading = useRef<Promise<void> | null>(null)

  const reload = useCallback(async () => {
    // Bursts of data:changed (one per write) collapse into the fetch already running.
    if (loading.current) return loading.current
    loading.current = (async () => {
      try {
        // Marks let the benchmark tell transport and service time from rendering time.
        performance.mark('touchbase:fetch-start')
        const [list, s] = await Promise.all([call('contacts:list'), call('settings:get')])
        performance.mark('touchbase:fetch-end')
        setContacts(list)
        setSettings(s)
        setLoadError(null)
      } catch (error) {
        // A damaged or vanished data file is the banner's to explain (datafile/); what is shown stays.
        if (!(error instanceof ApiError && error.reason === 'data-file')) setLoadError((error as Error).message)
      } finally {
        loading.current = null
      }
    })()
    return loading.current
  }, [])

  useEffect(() => {
    void reload()
    void call('app:info').then(setInfo, (error: Error) => setLoadError(error.message))
    let timer = 0
    const off = subscribe('data:changed', () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => void reload(), 150)
    })
    return () => {
      off()
      window.clearTimeout(timer)
    }
  }, [reload])

  // Due states are computed by the service at fetch time; a new local day (midnight, or waking
  // the next morning) makes them stale, so fetch again then. Our own commands never refetch.
  const timeZone = info?.timeZone ?? systemTimeZone()
  const today = localDay(now, timeZone)
  const fetchedDay = useRef(today)
  useEffect(() => {
    if (fetchedDay.current === today) return
    fetchedDay.current = today
    void reload()
  }, [today, reload])

  const upsert = useCallback((view: ContactView) => {
    const summary = summaryOf(view)
    setContacts((list) => {
      if (!list) return list
      const index = list.findIndex((c) => c.id === view.id)
      if (index < 0) return [...list, summary]
      const next = list.slice()
      next[index] = summary
      return next
    })
    return summary
  }, [])

  const removeLocal = useCallback((id: string) => setContacts((list) => list?.filter((c) => c.id !== id) ?? list), [])

  const value = useMemo<AppData>(
    () => ({ contacts, settings, info, loadError, timeZone, now, reload, upsert, removeLocal, setSettings }),
    [contacts, settings, info, loadError, timeZone, now, reload, upsert, removeLocal]
  )
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>
}

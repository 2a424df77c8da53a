import { useEffect, useState } from 'react'
import { toContactSummary, type ContactSummary, type ContactView } from '../../core/contact-view'
import { call } from '../api/client'

/**
 * The full views (with the touch log) this window has, by the list's summary they belong to. The
 * list carries summaries only; the open contact needs its log. A command's answer is a full view,
 * so the summary made from it maps to it and the detail asks nothing; a summary from a fetch of
 * the list (start, `data:changed`, a new day) has none, so the detail fetches `contacts:get`.
 * Summaries are immutable and replaced on every change, so this never holds a stale log for one.
 */
const fullViews = new WeakMap<ContactSummary, ContactView>()

/** A command's answer as the list keeps it, remembering the full view it came from. */
export function summaryOf(view: ContactView): ContactSummary {
  const summary = toContactSummary(view)
  fullViews.set(summary, view)
  return summary
}

export interface FullView {
  /** Null until it first arrives or when the fetch failed; while a newer one loads, the contact's previous full view. */
  view: ContactView | null
  /** Why the fetch failed, or null. */
  error: unknown
  retry: () => void
}

/**
 * The full view of the contact `summary` shows: at once when a command's answer brought it,
 * else fetched (again whenever the list's summary is replaced from outside: `data:changed`).
 */
export function useFullView(summary: ContactSummary): FullView {
  const [shown, setShown] = useState<ContactView | null>(null)
  const [failed, setFailed] = useState<{ summary: ContactSummary; error: unknown } | null>(null)
  const [attempt, setAttempt] = useState(0)
  const known = fullViews.get(summary)
  // Remembered so that a refetch shows the previous log rather than flashing "loading".
  if (known && known !== shown) setShown(known)
  useEffect(() => {
    if (fullViews.has(summary)) return
    let live = true
    call('contacts:get', summary.id).then(
      (view) => {
        fullViews.set(summary, view)
        if (live) setShown(view)
      },
      (error: unknown) => live && setFailed({ summary, error })
    )
    return () => void (live = false)
  }, [summary, attempt])
  const retry = () => {
    setFailed(null)
    setAttempt((n) => n + 1)
  }
  const error = !known && failed?.summary === summary ? failed.error : null
  return { view: known ?? (shown?.id === summary.id && !error ? shown : null), error, retry }
}

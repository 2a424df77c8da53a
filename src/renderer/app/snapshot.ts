import type { Contact } from '../../core/model'
import type { ContactView } from '../../core/contact-view'

/**
 * The stored contact behind a view, for Undo via contacts:restore. A view reports a not-now
 * contact whose re-entry date has passed as active; only a stored not-now keeps a reentryAt.
 */
export function toSnapshot(view: ContactView): Contact {
  const { touchCount: _c, lastTouchAt: _l, lastChannel: _ch, lastTouchBy: _by, nextDueAt: _n, dueState: _d, dueInDays: _di, suggestedChannel: _s, ...stored } = view
  return { ...stored, status: view.status === 'active' && view.reentryAt ? 'not-now' : view.status }
}

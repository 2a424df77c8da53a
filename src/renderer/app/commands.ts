import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactChange, ContactSummary } from '../../core/contact-view'
import type { ContactInput, ContactPatch, ExitStatus, TouchInput, TouchPatch } from '../../core/model'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import { formatDay } from '../format/dates'
import { statusLabel } from '../format/loop-text'
import { useToast } from '../ui/Toast'
import { useData } from './data'

/**
 * Every change the UI makes: one call to the service, whose answer carries the contact as it is
 * now (shown at once, no refetch) and as it was before (what Undo puts back; an added contact's
 * Undo deletes it).
 */
export function useCommands() {
  const { t, i18n } = useTranslation()
  const { upsert, removeLocal, now, timeZone } = useData()
  const toast = useToast()

  return useMemo(() => {
    const day = (iso: string | undefined) => (iso ? formatDay(iso, i18n.language, now, timeZone) : '')

    async function withUndo(run: () => Promise<ContactChange>, message: (after: ContactSummary) => string): Promise<ContactSummary | null> {
      try {
        const { contact, before } = await run()
        const after = upsert(contact)
        toast({ message: message(after), undo: async () => void upsert(await call('contacts:restore', before)) })
        return after
      } catch (error) {
        toast({ message: t('toast.failed', { message: errorText(error, t) }), tone: 'error' })
        return null
      }
    }

    return {
      logTouch: (view: ContactSummary, input: TouchInput, count = 1) =>
        withUndo(() => call('touch:log', view.id, input, ...(count > 1 ? [count] : [])), () => t('toast.touchLogged', { count, name: view.name })),
      undoTouch: (view: ContactSummary, count: number) =>
        withUndo(() => call('touch:undo', view.id, count), () => t('toast.touchUndone', { count, name: view.name })),
      close: (view: ContactSummary, as: ExitStatus, until?: string) =>
        withUndo(
          () => call('contacts:close', view.id, until ? { as, until } : { as }),
          () => t('toast.closed', { name: view.name, lane: statusLabel(t, as, view.kind) })
        ),
      reopen: (view: ContactSummary) => withUndo(() => call('contacts:reopen', view.id), () => t('toast.reopened', { name: view.name })),
      snooze: (view: ContactSummary, until: string) =>
        withUndo(() => call('contacts:snooze', view.id, until), (after) => t('toast.snoozed', { name: view.name, date: day(after.snoozedUntil) })),
      wait: (view: ContactSummary, until: string, what?: string) =>
        withUndo(() => call('contacts:wait', view.id, until, ...(what?.trim() ? [what.trim()] : [])), (after) => t('toast.waiting', { name: view.name, date: day(after.waitingUntil) })),
      delivered: (view: ContactSummary) => withUndo(() => call('contacts:delivered', view.id), () => t('toast.delivered', { name: view.name })),
      /** Spread the backlog and over-capacity days; Undo puts every moved snooze back. */
      async spread(days = 14): Promise<number | null> {
        try {
          const result = await call('plan:spread', { days })
          result.contacts.forEach(upsert)
          const moves = result.moves.map(({ id, at, previous }) => ({ id, at, previous }))
          const dayCount = new Set(result.moves.map((m) => m.to)).size
          toast({
            message: moves.length ? t('toast.spread', { count: moves.length, days: dayCount }) : t('toast.spreadNothing'),
            ...(moves.length ? { undo: async () => (await call('plan:unspread', moves)).contacts.forEach(upsert) } : {})
          })
          return moves.length
        } catch (error) {
          toast({ message: t('toast.failed', { message: errorText(error, t) }), tone: 'error' })
          return null
        }
      },
      /** Throws on rejection, so the form can show the service's issues beside its fields. */
      async edit(view: ContactSummary, patch: ContactPatch): Promise<ContactSummary> {
        const { contact, before } = await call('contacts:edit', view.id, patch)
        const after = upsert(contact)
        toast({ message: t('toast.edited', { name: after.name }), undo: async () => void upsert(await call('contacts:restore', before)) })
        return after
      },
      editTouch: (view: ContactSummary, touchId: string, patch: TouchPatch) =>
        withUndo(() => call('touch:edit', view.id, touchId, patch), () => t('toast.touchEdited')),
      deleteTouch: (view: ContactSummary, touchId: string) => withUndo(() => call('touch:delete', view.id, touchId), () => t('toast.touchDeleted')),
      /** To a team board with all its touches, or back to your own list (null). */
      moveToBoard: (view: ContactSummary, board: string | null) =>
        withUndo(() => call('contacts:move', view.id, board), () => t('team.moved', { name: view.name, list: board ? t('team.board', { board }) : t('team.personal') })),

      /** Throws on rejection, so the form can show the service's issues beside its fields. */
      async add(input: ContactInput): Promise<ContactSummary> {
        const added = upsert(await call('contacts:add', input))
        toast({
          message: t('toast.added', { name: added.name }),
          undo: async () => {
            await call('contacts:delete', added.id)
            removeLocal(added.id)
          }
        })
        return added
      },

      async remove(view: ContactSummary): Promise<void> {
        try {
          const deleted = await call('contacts:delete', view.id)
          removeLocal(view.id)
          toast({ message: t('toast.deleted', { name: view.name }), undo: async () => void upsert(await call('contacts:restore', deleted)) })
        } catch (error) {
          toast({ message: t('toast.failed', { message: errorText(error, t) }), tone: 'error' })
        }
      }
    }
  }, [t, i18n.language, upsert, removeLocal, now, timeZone, toast])
}

export type Commands = ReturnType<typeof useCommands>

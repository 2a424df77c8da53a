import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { planMove, type BoardTarget } from '../../core/board'
import type { ContactSummary } from '../../core/contact-view'
import type { ExitStatus } from '../../core/model'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { DateDialog } from '../dialogs/DateDialog'
import { LogTouchDialog } from '../dialogs/LogTouchDialog'
import { MoveMenu } from '../dialogs/MoveMenu'
import { RevealContext, revealRequestFor, type RevealRequest } from '../board/reveal'
import { BoardMoveDialog } from '../syncing/BoardMoveDialog'
import type { Anchor } from '../ui/Dialog'
import { useCommands } from './commands'
import { useData } from './data'

type Flow = (
  | { kind: 'log'; view: ContactSummary; anchor?: Anchor | null }
  | { kind: 'multi-touch'; view: ContactSummary; count: number }
  | { kind: 'untouch'; view: ContactSummary; count: number }
  | { kind: 'date'; purpose: 'not-now' | 'snooze' | 'wait'; view: ContactSummary }
  | { kind: 'delete'; view: ContactSummary }
  | { kind: 'move-menu'; view: ContactSummary; anchor?: Anchor | null }
  | { kind: 'board'; view: ContactSummary; anchor?: Anchor | null }
) & {
  /** Started by a move (drag, keyboard drag, Move menu): show the card where it lands. */
  reveal?: boolean
}

/** The guided actions every screen shares; each asks what it needs, then runs one command. */
export interface Flows {
  move: (view: ContactSummary, target: BoardTarget, anchor?: Anchor | null) => void
  /** `reveal`: the board follows the card to its new column (as after a move). */
  logTouch: (view: ContactSummary, anchor?: Anchor | null, options?: { reveal?: boolean }) => void
  openMoveMenu: (view: ContactSummary, anchor?: Anchor | null) => void
  /** Move to board…: your own list or a team board, with all its touches. */
  moveToBoard: (view: ContactSummary, anchor?: Anchor | null) => void
  snooze: (view: ContactSummary) => void
  wait: (view: ContactSummary) => void
  closeAs: (view: ContactSummary, as: ExitStatus) => void
  reopen: (view: ContactSummary) => void
  delivered: (view: ContactSummary) => void
  remove: (view: ContactSummary) => void
}

const FlowContext = createContext<Flows | null>(null)

export function useFlows(): Flows {
  const flows = useContext(FlowContext)
  if (!flows) throw new Error('useFlows outside FlowProvider')
  return flows
}

export function FlowProvider({ children }: { children: ReactNode }) {
  const [flow, setFlow] = useState<Flow | null>(null)
  const [revealRequest, setRevealRequest] = useState<RevealRequest | null>(null)
  const commands = useCommands()
  const done = useCallback(() => setFlow(null), [])
  const reveal = useCallback((after: ContactSummary | null) => after && setRevealRequest(revealRequestFor(after)), [])

  const flows = useMemo<Flows>(() => {
    const closeAs = (view: ContactSummary, as: ExitStatus, moved = false) => {
      if (as === 'not-now') setFlow({ kind: 'date', purpose: 'not-now', view, reveal: moved })
      else void commands.close(view, as).then((after) => moved && reveal(after))
    }
    const move = (view: ContactSummary, target: BoardTarget, anchor?: Anchor | null) => {
      const plan = planMove(view, target)
      switch (plan.kind) {
        case 'none':
          return
        case 'touch':
          return setFlow(plan.count === 1 ? { kind: 'log', view, anchor, reveal: true } : { kind: 'multi-touch', view, count: plan.count, reveal: true })
        case 'untouch':
          return setFlow({ kind: 'untouch', view, count: plan.count, reveal: true })
        case 'close':
          return closeAs(view, plan.as, true)
        case 'reopen':
          return void commands.reopen(view).then(reveal)
      }
    }
    return {
      move,
      closeAs: (view, as) => closeAs(view, as),
      logTouch: (view, anchor, options) => setFlow({ kind: 'log', view, anchor, reveal: options?.reveal ?? false }),
      openMoveMenu: (view, anchor) => setFlow({ kind: 'move-menu', view, anchor }),
      moveToBoard: (view, anchor) => setFlow({ kind: 'board', view, anchor }),
      snooze: (view) => setFlow({ kind: 'date', purpose: 'snooze', view }),
      wait: (view) => setFlow({ kind: 'date', purpose: 'wait', view }),
      reopen: (view) => void commands.reopen(view),
      delivered: (view) => void commands.delivered(view),
      remove: (view) => setFlow({ kind: 'delete', view })
    }
  }, [commands, reveal])

  return (
    <FlowContext.Provider value={flows}>
      <RevealContext.Provider value={revealRequest}>
        {children}
        {flow && <FlowDialog flow={flow} flows={flows} done={done} reveal={reveal} />}
      </RevealContext.Provider>
    </FlowContext.Provider>
  )
}

function FlowDialog({ flow, flows, done, reveal }: { flow: Flow; flows: Flows; done: () => void; reveal: (after: ContactSummary | null) => void }) {
  const { t } = useTranslation()
  const commands = useCommands()
  const { settings } = useData()
  const { view } = flow
  const then = (run: () => Promise<ContactSummary | null | void>) => {
    done()
    void run().then((after) => flow.reveal && reveal(after ?? null))
  }

  switch (flow.kind) {
    case 'log':
      return <LogTouchDialog view={view} anchor={flow.anchor} onCancel={done} onConfirm={(input) => then(() => commands.logTouch(view, input))} />
    case 'multi-touch':
      return (
        <ConfirmDialog
          title={t('confirm.multiTouchTitle', { count: flow.count, name: view.name })}
          body={t('confirm.multiTouchBody', { count: flow.count, channel: t(`channel.${view.suggestedChannel}`) })}
          confirmLabel={t('confirm.multiTouchConfirm', { count: flow.count })}
          onCancel={done}
          onConfirm={() => then(() => commands.logTouch(view, { channel: view.suggestedChannel }, flow.count))}
        />
      )
    case 'untouch':
      return (
        <ConfirmDialog
          title={t('confirm.untouchTitle', { count: flow.count, name: view.name })}
          body={t('confirm.untouchBody')}
          confirmLabel={t('confirm.untouchConfirm')}
          onCancel={done}
          onConfirm={() => then(() => commands.undoTouch(view, flow.count))}
        />
      )
    case 'delete':
      return (
        <ConfirmDialog
          title={t('confirm.deleteTitle', { name: view.name })}
          body={t('confirm.deleteBody')}
          confirmLabel={t('confirm.deleteConfirm')}
          danger
          onCancel={done}
          onConfirm={() => then(() => commands.remove(view))}
        />
      )
    case 'move-menu':
      return (
        <MoveMenu
          view={view}
          anchor={flow.anchor}
          onCancel={done}
          onPick={(target) => {
            done()
            // The next dialog opens after this one has closed and handed focus back.
            window.setTimeout(() => flows.move(view, target, flow.anchor), 0)
          }}
          onMoveToBoard={
            settings?.sync
              ? () => {
                  done()
                  window.setTimeout(() => flows.moveToBoard(view, flow.anchor), 0)
                }
              : undefined
          }
        />
      )
    case 'board':
      return <BoardMoveDialog view={view} anchor={flow.anchor} onCancel={done} onMove={(board) => then(() => commands.moveToBoard(view, board))} />
    case 'date': {
      const text = {
        'not-now': { title: t('date.notNowTitle', { name: view.name }), label: t('date.notNowLabel'), confirm: t('date.notNowConfirm'), days: 30 },
        snooze: { title: t('date.snoozeTitle', { name: view.name }), label: t('date.snoozeLabel'), confirm: t('date.snoozeConfirm'), days: 1 },
        wait: { title: t('date.waitTitle', { name: view.name }), label: t('date.waitLabel'), confirm: t('date.waitConfirm'), days: 7 }
      }[flow.purpose]
      const promise = flow.purpose === 'wait' ? { label: t('promise.what'), placeholder: t('block.placeholder.promise-what') } : undefined
      return (
        <DateDialog
          title={text.title}
          label={text.label}
          confirmLabel={text.confirm}
          initialDays={text.days}
          {...(promise ? { text: promise } : {})}
          onCancel={done}
          onConfirm={(day, what) =>
            then(() =>
              flow.purpose === 'not-now' ? commands.close(view, 'not-now', day) : flow.purpose === 'snooze' ? commands.snooze(view, day) : commands.wait(view, day, what)
            )
          }
        />
      )
    }
  }
}

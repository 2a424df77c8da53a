import type { Notifier } from '../../src/service/notifier'
import type { TouchbaseService } from '../../src/service/service'
import { reminderMessage } from '../../src/service/reminder-message'
import type { Language } from '../../src/shared/i18n'
import { decideReminder, snoozeReminderUntil, type ReminderDecision } from '../../src/core/reminder-schedule'

export interface ReminderRunnerDeps {
  service: Pick<TouchbaseService, 'settings' | 'reminderState' | 'updateReminderState' | 'due' | 'now' | 'timeZone'>
  notifier: Notifier
  language: () => Language
  /** Clicking the notification: open the window on the due list. */
  onOpenDue: () => void
  iconPath?: () => string | undefined
  onError?: (error: unknown) => void
}

export interface CheckResult {
  decision: ReminderDecision
  /** How many contacts the notification named; 0 when nothing was due or nothing fired. */
  notified: number
}

/**
 * The reminder's behaviour without Electron: read the rule and state, decide, record, notify.
 * Checks run one at a time, so a minute tick and a resume event arriving together cannot both
 * fire the same occurrence.
 */
export function createReminderRunner(deps: ReminderRunnerDeps) {
  let running: Promise<CheckResult | null> | null = null

  async function checkOnce(): Promise<CheckResult> {
    const [settings, state] = await Promise.all([deps.service.settings(), deps.service.reminderState()])
    const decision = decideReminder({
      rule: settings.reminderRule,
      now: deps.service.now(),
      timeZone: deps.service.timeZone(),
      lastFiredOccurrence: state.lastFiredOccurrence,
      snoozedUntil: state.snoozedUntil
    })
    if (!decision.record) return { decision, notified: 0 }
    const message = decision.fire ? reminderMessage(await deps.service.due(), deps.language()) : null
    // Recorded before notifying: a crash in between loses one notification rather than showing it twice.
    await deps.service.updateReminderState(decision.record)
    if (!message) return { decision, notified: 0 }
    const iconPath = deps.iconPath?.()
    // Not awaited: node-notifier resolves only when the notification is clicked or dismissed,
    // and the next check must not wait for that.
    deps.notifier.notify(message, { onClick: deps.onOpenDue, ...(iconPath ? { iconPath } : {}) }).catch((error: unknown) => deps.onError?.(error))
    return { decision, notified: message.count }
  }

  return {
    /** Never rejects: a failed check is reported through onError and resolves to null. */
    check(): Promise<CheckResult | null> {
      const next = (running ?? Promise.resolve(null)).then(checkOnce).catch((error: unknown) => {
        deps.onError?.(error)
        return null
      })
      running = next
      return next
    },
    /** "Snooze today's reminder 1 hour". */
    async snoozeOneHour(): Promise<string> {
      const until = snoozeReminderUntil(deps.service.now())
      await deps.service.updateReminderState({ snoozedUntil: until })
      return until
    }
  }
}

export type ReminderRunner = ReturnType<typeof createReminderRunner>

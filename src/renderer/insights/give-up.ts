import type { ContactView } from '../../core/contact-view'
import { computeStats } from '../../core/insights'

/**
 * The contacts behind each bar of the give-up curve: core's own rule (computeStats), asked of one
 * contact at a time, so the click-through lists exactly the contacts each bar counts.
 */
export function gaveUpGroups(views: readonly ContactView[], ctx: { now: Date; timeZone: string }): ContactView[][] {
  const groups: ContactView[][] = [[], [], [], [], [], []]
  for (const view of views) {
    const at = computeStats([view], ctx).gaveUpAt.findIndex((n) => n > 0)
    if (at >= 0) groups[at]!.push(view)
  }
  return groups
}

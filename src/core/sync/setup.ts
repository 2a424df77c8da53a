/**
 * What Settings → Sync sends and gets back: the requests to test and turn on sync (validated
 * here, once, for whoever hosts them) and the panel's state. Pure: the host (the desktop's main
 * process) does the network, the password keeping and the background runs.
 */
import { z } from 'zod'
import { BoardName, SettingsSchema, UserName, type Settings } from '../model'
import type { FirstSyncPlan } from './first-sync'
import type { SyncStatus } from './status'

export type SyncConfig = NonNullable<Settings['sync']>

/** The settings' own URL rule (http or https), without trailing slashes. */
export const SyncServerUrl = SettingsSchema.shape.sync.unwrap().shape.server.transform((url) => url.replace(/\/+$/, ''))

/** A password as typed; never trimmed (spaces may be part of it), never stored in the data file. */
export const SyncPassword = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters')

export const SyncTestRequestSchema = z.object({
  server: SyncServerUrl,
  user: UserName,
  /** Absent: the password kept for this server and user. */
  password: SyncPassword.optional()
})
export type SyncTestRequest = z.input<typeof SyncTestRequestSchema>

export const SyncSetupRequestSchema = SyncTestRequestSchema.extend({
  /** The team boards to sync besides the personal list. */
  boards: z.array(BoardName).max(100).default([]),
  /**
   * The person saw the first-sync preview (data on both sides) and agreed to merge. Without
   * it, a first sync with data on both sides only returns the preview.
   */
  confirmMerge: z.boolean().optional()
})
export type SyncSetupRequest = z.input<typeof SyncSetupRequestSchema>

/** How the password is kept: encrypted by the OS, only until the app quits (no OS keyring), or not at all. */
export type PasswordKeeping = 'kept' | 'session' | 'missing'

/** Everything Settings → Sync shows. */
export interface SyncPanel {
  config: SyncConfig | null
  status: SyncStatus
  password: PasswordKeeping
}

export type SyncSetupResult =
  /** Data on both sides: nothing was changed; show the plan and ask. */
  | { kind: 'preview'; plan: FirstSyncPlan }
  /** The server refused (or was not reached): nothing was changed. */
  | { kind: 'refused'; status: SyncStatus }
  /** Sync is on and its first run has started. */
  | { kind: 'on'; panel: SyncPanel }

/** A first sync needs the person's yes when both sides already have contacts. */
export function needsMergeConsent(plan: FirstSyncPlan | undefined): plan is FirstSyncPlan {
  if (!plan) return false
  const both = plan.merge.length
  return plan.upload + both > 0 && plan.download + both > 0
}

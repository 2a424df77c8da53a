import type { ApiChannel, PushEvent } from '../../src/shared/ipc'

/**
 * The contract's channel and event names, as plain data. The preload cannot import
 * src/shared/ipc's values (they pull zod and the schemas into a sandboxed script, which can
 * only require 'electron'); `satisfies Record<…, true>` makes the compiler reject this list
 * the moment it differs from the contract, and tests/main/preload-channels.test.ts compares
 * it with API_CHANNELS at run time.
 */
const API_CHANNEL_SET = {
  'contacts:list': true,
  'contacts:get': true,
  'contacts:add': true,
  'contacts:edit': true,
  'contacts:delete': true,
  'contacts:restore': true,
  'contacts:snooze': true,
  'contacts:wait': true,
  'contacts:delivered': true,
  'contacts:close': true,
  'contacts:reopen': true,
  'touch:log': true,
  'touch:undo': true,
  'touch:edit': true,
  'touch:delete': true,
  'settings:get': true,
  'settings:update': true,
  'import:pick': true,
  'import:file': true,
  'export:run': true,
  'backup:restore': true,
  'data:status': true,
  'data:restore-latest': true,
  'data:recreate': true,
  'app:info': true,
  'today:get': true,
  'stats:get': true,
  'plan:get': true,
  'plan:spread': true,
  'plan:unspread': true,
  'block:queue': true,
  'block:status': true,
  'block:record': true,
  'playbook:get': true,
  'playbook:message': true,
  'contacts:move': true,
  'sync:status': true,
  'sync:test': true,
  'sync:setup': true,
  'sync:now': true,
  'sync:off': true
} as const satisfies Record<ApiChannel, true>

const PUSH_EVENT_SET = {
  'data:changed': true,
  'reminder:open-due': true,
  'contact:open': true,
  'import:progress': true,
  'block:start': true,
  'sync:status': true,
  'data:status': true,
  'data:warning': true
} as const satisfies Record<PushEvent, true>

export const BRIDGE_API_CHANNELS = Object.keys(API_CHANNEL_SET) as ApiChannel[]
export const BRIDGE_PUSH_EVENTS = Object.keys(PUSH_EVENT_SET) as PushEvent[]

export function isBridgeChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && Object.hasOwn(API_CHANNEL_SET, value)
}
export function isBridgeEvent(value: unknown): value is PushEvent {
  return typeof value === 'string' && Object.hasOwn(PUSH_EVENT_SET, value)
}

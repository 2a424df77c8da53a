/**
 * The follow-up block's service calls (core/block `BlockCall`) as contract channels, so both
 * fronts run a block the same way: the renderer through `window.touchbase`, `touchbase block`
 * through the same handler map in process.
 */
import { blockReducer, type BlockCall, type BlockInput, type BlockState } from '../core/block'
import type { ContactChange, ContactView } from '../core/contact-view'
import type { BlockRecord } from '../core/model'
import type { ApiArgs, ApiChannel } from './ipc'

export type ChannelCall = { [C in ApiChannel]: { channel: C; args: ApiArgs<C> } }[ApiChannel]

export function blockCallRequest(call: BlockCall): ChannelCall {
  switch (call.kind) {
    case 'touch':
      return { channel: 'touch:log', args: [call.id, call.input] }
    case 'wait':
      return { channel: 'contacts:wait', args: call.what ? [call.id, call.until, call.what] : [call.id, call.until] }
    case 'delivered':
      return { channel: 'contacts:delivered', args: [call.id] }
    case 'snooze':
      return { channel: 'contacts:snooze', args: [call.id, call.until] }
    case 'close':
      return { channel: 'contacts:close', args: [call.id, call.until ? { as: call.as, until: call.until } : { as: call.as }] }
    case 'restore':
      return { channel: 'contacts:restore', args: [call.snapshot] }
    case 'record':
      return { channel: 'block:record', args: [call.block] }
  }
}

/**
 * Runs a block's pending calls in order through `invoke` (which resolves with the channel's
 * result or rejects with an error that has a message) and says how it went, as the input the
 * block's reducer takes next.
 */
export async function runBlockCalls(calls: readonly BlockCall[], invoke: (request: ChannelCall) => Promise<unknown>): Promise<Extract<BlockInput, { type: 'applied' | 'failed' }>> {
  let contact: ContactView | undefined
  let before: ContactChange['before'] | undefined
  let record: BlockRecord | undefined
  try {
    for (const call of calls) {
      const result = await invoke(blockCallRequest(call))
      if (call.kind === 'record') record = (result as { record: BlockRecord }).record
      else if (call.kind === 'restore') contact = result as ContactView
      else {
        const change = result as ContactChange
        contact = change.contact
        before ??= change.before
      }
    }
  } catch (error) {
    return { type: 'failed', message: error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error) }
  }
  return { type: 'applied', ...(contact ? { contact } : {}), ...(before ? { before } : {}), ...(record ? { record } : {}) }
}

/**
 * Runs whatever the block asks for until it asks for nothing more (a touch that empties the queue
 * is followed by recording the block), feeding each outcome back into the reducer.
 */
export async function settleBlock(state: BlockState, invoke: (request: ChannelCall) => Promise<unknown>): Promise<BlockState> {
  let s = state
  while (s.pending) s = blockReducer(s, await runBlockCalls(s.pending.calls, invoke))
  return s
}

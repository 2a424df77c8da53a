import { emitKeypressEvents } from 'node:readline'
import { performance } from 'node:perf_hooks'
import { blockReducer, startBlock, type BlockInput, type BlockState } from '../core/block'
import { messageFor } from '../core/playbook'
import { createApiHandlers, dispatch } from '../service/api'
import type { TouchbaseService } from '../service'
import { settleBlock, type ChannelCall } from '../shared/block-calls'
import { blockScreen, blockSummaryText } from './block-screen'

export interface Terminal {
  input: NodeJS.ReadStream
  output: NodeJS.WriteStream
}

/** Keys as the block's reducer names them. */
function keyName(text: string | undefined, key: { name?: string; ctrl?: boolean; meta?: boolean } | undefined): string | null {
  switch (key?.name) {
    case 'return':
    case 'enter':
      return 'Enter'
    case 'escape':
      return 'Escape'
    case 'backspace':
      return 'Backspace'
  }
  if (key?.ctrl || key?.meta || !text) return null
  return [...text].length === 1 && text >= ' ' ? text : null
}

/**
 * `touchbase block`: the follow-up block in a terminal, for desktops with no tray and people who
 * live in one. The same reducer as the UI (core/block); its service calls go through the same
 * handler map the UI's IPC uses (shared/block-calls). Resolves with the exit code.
 */
export async function runBlockInTerminal(service: TouchbaseService, term: Terminal): Promise<number> {
  if (!term.input.isTTY || typeof term.input.setRawMode !== 'function') {
    throw new Error('touchbase block reads single keys, so it needs a terminal. In a script, use touchbase due and touchbase touch.')
  }
  const timeZone = service.timeZone()
  const handlers = createApiHandlers(service, { appInfo: () => ({ version: '', dataFile: service.store.filePath, platform: process.platform, timeZone }) })
  const invoke = async (request: ChannelCall) => {
    const response = await dispatch(handlers, request.channel, request.args)
    if (!response.ok) throw new Error(response.error.message)
    return response.value
  }
  const [info, settings] = await Promise.all([service.blockQueue(), service.settings()])
  // The block's clock runs from the service's (so --now works) at the terminal's pace.
  const start = service.now().getTime()
  const t0 = performance.now()
  const now = () => new Date(start + (performance.now() - t0)).toISOString()
  let state: BlockState = startBlock({ queue: info.queue, now: new Date(start).toISOString(), today: info.today, minutes: info.minutes, workdays: info.workdays })
  const ctx = { timeZone, streak: info.streak, idea: (v: Parameters<typeof messageFor>[0]) => messageFor(v, settings.playbook, 'en', timeZone).idea }
  const write = (text: string) => term.output.write(text)

  if (state.phase === 'empty') {
    write(`${blockSummaryText(state, await service.blockStatus())}\n`)
    return 0
  }

  const draw = () => write(`\x1b[H\x1b[J${blockScreen(state, ctx)}\n`)
  const over = () => state.phase === 'finished' || state.phase === 'quit'

  return new Promise<number>((resolve, reject) => {
    // Keys and ticks are applied one at a time, each after the calls of the previous one settled.
    let chain = Promise.resolve()
    const apply = (input: BlockInput) => {
      chain = chain
        .then(async () => {
          if (over()) return
          state = blockReducer(state, input)
          if (state.pending) {
            draw()
            state = await settleBlock(state, invoke)
          }
          if (over()) await finish()
          else draw()
        })
        .catch(fail)
    }
    const onKey = (text: string | undefined, key: { name?: string; ctrl?: boolean; meta?: boolean } | undefined) => {
      if (key?.ctrl && (key.name === 'c' || key.name === 'd')) {
        apply({ type: 'key', key: 'Escape' })
        apply({ type: 'key', key: 'q' })
        return
      }
      const name = keyName(text, key)
      if (name) apply({ type: 'key', key: name })
    }
    const timer = setInterval(() => apply({ type: 'tick', now: now() }), 1000)
    const cleanup = () => {
      clearInterval(timer)
      term.input.off('keypress', onKey)
      term.input.setRawMode(false)
      term.input.pause()
    }
    const finish = async () => {
      cleanup()
      const after = await service.blockStatus().catch(() => null)
      write(`\x1b[H\x1b[J${blockSummaryText(state, after)}\n`)
      resolve(0)
    }
    const fail = (error: unknown) => {
      cleanup()
      reject(error instanceof Error ? error : new Error(String(error)))
    }

    emitKeypressEvents(term.input)
    term.input.setRawMode(true)
    term.input.on('keypress', onKey)
    term.input.resume()
    draw()
  })
}

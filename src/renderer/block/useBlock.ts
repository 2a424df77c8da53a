import { useCallback, useEffect, useRef, useState } from 'react'
import { blockReducer, startBlock, type BlockInput, type BlockState } from '../../core/block'
import { runBlockCalls, type ChannelCall } from '../../shared/block-calls'
import type { ApiResult } from '../../shared/ipc'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import { useData } from '../app/data'
import { useTranslation } from 'react-i18next'

type BlockStatus = ApiResult<'block:status'>

/** Runs one channel of a block's calls (shared/block-calls names them) over the window's bridge. */
const invoke = (request: ChannelCall) => (call as (channel: string, ...args: unknown[]) => Promise<unknown>)(request.channel, ...request.args)

/**
 * The follow-up block in the window: core's reducer holds every rule (keys, steps, timer, undo,
 * summary); this hook only starts it from the service's queue, feeds it the clock, runs the calls
 * it asks for and puts the changed contacts on screen.
 */
export function useBlock() {
  const { t } = useTranslation()
  const { upsert } = useData()
  const [state, setState] = useState<BlockState | null>(null)
  const [status, setStatus] = useState<BlockStatus | null>(null)
  const [startError, setStartError] = useState<string | null>(null)
  const [streak, setStreak] = useState<number | null>(null)
  const dispatch = useCallback((input: BlockInput) => setState((s) => (s ? blockReducer(s, input) : s)), [])

  useEffect(() => {
    let live = true
    call('block:queue').then(
      (info) => {
        if (!live) return
        setStreak(info.streak.current)
        setState(startBlock({ queue: info.queue, now: new Date().toISOString(), today: info.today, minutes: info.minutes, workdays: info.workdays }))
      },
      (error: unknown) => live && setStartError(errorText(error, t))
    )
    return () => void (live = false)
  }, [t])

  // The timer: the reducer ends the block between cards once time is up and a touch was logged.
  const running = state?.phase === 'running' || state?.phase === 'finishing'
  useEffect(() => {
    if (!running) return
    const timer = window.setInterval(() => dispatch({ type: 'tick', now: new Date().toISOString() }), 1000)
    return () => window.clearInterval(timer)
  }, [running, dispatch])

  // Each pending step runs once, in order; the answer goes back into the reducer.
  const started = useRef<BlockState['pending']>(null)
  const pending = state?.pending ?? null
  useEffect(() => {
    if (!pending || started.current === pending) return
    started.current = pending
    void runBlockCalls(pending.calls, invoke).then((result) => {
      if (result.type === 'applied' && result.contact) upsert(result.contact)
      dispatch(result)
    })
  }, [pending, dispatch, upsert])

  // The streak and the next block's size, once the block is over (recorded or not).
  const over = state !== null && (state.phase === 'finished' || state.phase === 'quit' || state.phase === 'empty')
  useEffect(() => {
    if (!over) return
    let live = true
    call('block:status').then(
      (s) => live && setStatus(s),
      () => {}
    )
    return () => void (live = false)
  }, [over])

  return { state, dispatch, status, streak, startError }
}

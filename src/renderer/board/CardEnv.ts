import { createContext, useContext } from 'react'

/** What every card needs besides its contact; changes rarely (language switch, the minute tick). */
export interface CardEnv {
  language: string
  now: Date
  timeZone: string
  /** The synced user name, for "that is you" on a team card. */
  me: string | undefined
  onOpen: (id: string) => void
  onMenu: (id: string, anchor: { x: number; y: number }) => void
  onFocusCard: (id: string) => void
  /** A waiting contact delivered what they promised. */
  onDelivered: (id: string) => void
}

export const CardEnvContext = createContext<CardEnv | null>(null)

export function useCardEnv(): CardEnv {
  const env = useContext(CardEnvContext)
  if (!env) throw new Error('useCardEnv outside the board')
  return env
}

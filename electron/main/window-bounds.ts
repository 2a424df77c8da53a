import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  /** Absent: let the OS centre the window on the primary display. */
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const
/** A saved position is kept only if at least this much of the window (e.g. its title bar) is on a screen. */
const MIN_VISIBLE = { width: 120, height: 40 } as const

const SavedStateSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
  maximized: z.boolean().optional()
})
export type SavedWindowState = z.infer<typeof SavedStateSchema>

/**
 * Where the window opens, from what was saved last time (untrusted JSON: edited by hand, or
 * from a since-unplugged monitor) and the displays' work areas now.
 */
export function placeWindow(saved: unknown, workAreas: readonly Rect[]): WindowPlacement {
  const parsed = SavedStateSchema.safeParse(saved)
  const primary = workAreas[0]
  if (!parsed.success || !primary) return { ...fitSize(DEFAULT_WINDOW_SIZE, primary), maximized: false }
  const state = parsed.data
  const maximized = state.maximized ?? false

  const home = bestDisplay(state, workAreas)
  if (!home) return { ...fitSize(state, primary), maximized }

  const size = fitSize(state, home)
  // Pull the window fully onto the display it mostly sits on, keeping its size.
  const x = clamp(Math.round(state.x), home.x, home.x + home.width - size.width)
  const y = clamp(Math.round(state.y), home.y, home.y + home.height - size.height)
  return { x, y, ...size, maximized }
}

/** The display showing most of the window, if enough of it is visible there to grab it. */
function bestDisplay(bounds: Rect, workAreas: readonly Rect[]): Rect | undefined {
  let best: { area: Rect; overlap: number } | undefined
  for (const area of workAreas) {
    const w = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
    const h = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y)
    if (w < MIN_VISIBLE.width || h < MIN_VISIBLE.height) continue
    if (!best || w * h > best.overlap) best = { area, overlap: w * h }
  }
  return best?.area
}

function fitSize(size: { width: number; height: number }, area: Rect | undefined): { width: number; height: number } {
  const maxW = area ? area.width : Number.POSITIVE_INFINITY
  const maxH = area ? area.height : Number.POSITIVE_INFINITY
  return {
    width: Math.round(Math.min(Math.max(size.width, Math.min(MIN_WINDOW_SIZE.width, maxW)), maxW)),
    height: Math.round(Math.min(Math.max(size.height, Math.min(MIN_WINDOW_SIZE.height, maxH)), maxH))
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}

/** The quick-log window: small enough to sit over any app. */
export const QUICK_LOG_SIZE = { width: 560, height: 420 } as const

/** Centred horizontally on a display, a fifth of the way down, like a launcher. */
export function quickLogPlacement(workArea: Rect): Rect {
  const width = Math.min(QUICK_LOG_SIZE.width, workArea.width)
  const height = Math.min(QUICK_LOG_SIZE.height, workArea.height)
  return {
    x: Math.round(workArea.x + (workArea.width - width) / 2),
    y: Math.round(workArea.y + Math.min((workArea.height - height) / 2, workArea.height / 5)),
    width,
    height
  }
}

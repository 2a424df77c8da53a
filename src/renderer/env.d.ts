/// <reference types="vite/client" />
import type { TouchbaseBridge } from '../shared/ipc'

declare global {
  interface Window {
    /** The preload's bridge (or the e2e harness's stand-in); the renderer's only way to main. */
    touchbase: TouchbaseBridge
  }
}

export {}

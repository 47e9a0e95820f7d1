import type { Bridge } from '../../../shared/api'
import { createWsBridge } from './wsBridge'

declare global {
  interface Window {
    segmentlab?: Bridge
  }
}

/** Chosen once at start-up: the Electron preload's bridge when present, the browser host's WebSocket otherwise. */
export function chooseBridge(): Bridge {
  return window.segmentlab ?? createWsBridge(window.location.origin)
}

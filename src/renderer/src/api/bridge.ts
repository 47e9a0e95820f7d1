import type { Bridge } from '../../../shared/api'
import { createWsBridge } from './wsBridge'

declare global {
  interface Window {
    segmentlab?: Bridge
  }
}

/** Chosen once at start-up: the Electron preload's bridge when present, the browser host's WebSocket otherwise. */
export function chooseBridge(): Bridge {
  if (window.segmentlab) return window.segmentlab
  // The browser host puts its access token in the page for uploads (see src/main/host/staticFiles.ts).
  const token = document.querySelector<HTMLMetaElement>('meta[name="segmentlab-token"]')?.content ?? ''
  return createWsBridge(window.location.origin, token)
}

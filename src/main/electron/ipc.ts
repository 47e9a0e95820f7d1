import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Handlers } from '../../shared/api'
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipcChannels'
import { dispatch } from '../services/dispatch'
import { isAppUrl } from './securityPolicy'

/** Binds the Api contract to IPC. A request whose sender is not our own window's main frame is dropped. */
export function bindIpc(handlers: Handlers, appUrl: string, window: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_INVOKE, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const win = window()
    const frame = event.senderFrame
    const trusted =
      win !== null &&
      event.sender === win.webContents &&
      frame !== null &&
      frame === win.webContents.mainFrame &&
      isAppUrl(frame.url, appUrl)
    if (!trusted) {
      return { ok: false, error: { userMessage: 'Request refused.', code: 'request.untrusted', detail: frame?.url } }
    }
    return dispatch(handlers, name, input)
  })
}

export function sendEvent(window: BrowserWindow | null, event: string, payload: unknown): void {
  if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT, event, payload)
}

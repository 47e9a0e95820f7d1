/**
 * Exposes the Api contract on `window.segmentlab` and nothing else: no ipcRenderer, no Node. Every request name is
 * checked against the contract's list before it crosses to main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isEventName, isRequestName, type Bridge, type Reply } from '../shared/api'
import { IPC_EVENT, IPC_INVOKE } from '../shared/ipcChannels'
import { fromErrorPayload } from '../shared/errors'

async function invoke(name: string, input: unknown): Promise<unknown> {
  if (!isRequestName(name)) throw new Error(`Unknown request "${name}"`)
  const reply = (await ipcRenderer.invoke(IPC_INVOKE, name, input)) as Reply
  if (!reply.ok) throw fromErrorPayload(reply.error)
  return reply.value
}

const bridge = {
  shell: 'desktop',
  invoke: invoke as Bridge['invoke'],
  listen(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event "${event}"`)
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload)
    }
    ipcRenderer.on(IPC_EVENT, handler)
    return () => void ipcRenderer.removeListener(IPC_EVENT, handler)
  },
  pickFile: (purpose) => invoke('shell.pickFile', { purpose }) as Promise<string | null>,
} satisfies Bridge

contextBridge.exposeInMainWorld('segmentlab', bridge)

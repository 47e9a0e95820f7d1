import type { FromJob, ToJob } from './protocol'

/**
 * The job process's side of the channel. Under Electron's utilityProcess messages come through `process.parentPort`
 * wrapped in `{ data }`; under Node's child_process.fork through `process.send`. The rest of the job code sees neither.
 */
export interface JobPort {
  post(message: FromJob): void
  onMessage(listener: (message: ToJob) => void): void
}

interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

export function currentJobPort(): JobPort {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as ToJob)),
    }
  }
  if (!process.send) throw new Error('The job entry must be started as a child process with an IPC channel.')
  return {
    post: (message) => process.send!(message),
    onMessage: (listener) => process.on('message', (m) => listener(m as ToJob)),
  }
}

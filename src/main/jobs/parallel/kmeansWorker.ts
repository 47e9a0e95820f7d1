/**
 * Worker-thread entry of the k-means pool: holds the attached workspace (shared memory) and runs the engine's kernel
 * for the row range of each step it is sent. All arithmetic is the engine's; this file only moves messages.
 */
import { parentPort } from 'node:worker_threads'
import { runKMeansStep } from '../../engine/cluster/kmeansKernels'
import type { KMeansWorkspace } from '../../engine/cluster/kmeansWorkspace'
import type { KMeansWorkerRequest } from './kmeansMessages'
import type { WorkerReply } from './workerPool'

if (!parentPort) throw new Error('kmeansWorker must run in a worker thread.')
const port = parentPort

let attached: { id: number; ws: KMeansWorkspace } | null = null

port.on('message', (msg: KMeansWorkerRequest) => {
  let reply: WorkerReply
  try {
    if (msg.type === 'attach') {
      attached = { id: msg.id, ws: msg.ws }
    } else if (msg.type === 'step') {
      if (!attached || attached.id !== msg.id) throw new Error(`Workspace ${msg.id} is not attached to this worker.`)
      runKMeansStep(attached.ws, msg.step, msg.rows)
    } else {
      throw new Error(`Unknown message ${JSON.stringify(msg)}`)
    }
    reply = { seq: msg.seq }
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e))
    reply = { seq: msg.seq, error: { message: error.message, stack: error.stack } }
  }
  port.postMessage(reply)
})

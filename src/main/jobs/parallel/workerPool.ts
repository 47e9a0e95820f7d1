/**
 * A fixed set of worker threads answering numbered requests. Each request goes to one worker and resolves with its
 * reply; a worker that throws rejects that request, and a worker that dies rejects everything pending on it and
 * marks the pool broken, so a job fails loudly instead of waiting forever.
 */
import { Worker } from 'node:worker_threads'
import { workerExecArgv, type WorkerEntry } from './workerEntry'

export interface WorkerReply {
  readonly seq: number
  readonly error?: { readonly message: string; readonly stack?: string }
}

interface Pending {
  resolve(reply: WorkerReply): void
  reject(error: Error): void
}

export class WorkerPool {
  private readonly workers: Worker[]
  private readonly pending: Map<number, Pending>[]
  private seq = 0
  private broken: Error | null = null
  private closing = false

  constructor(entry: WorkerEntry, size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`A worker pool needs at least 1 worker; got ${size}.`)
    this.workers = []
    this.pending = []
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry.url, { workerData: entry.workerData, execArgv: workerExecArgv(entry) })
      const pending = new Map<number, Pending>()
      worker.on('message', (reply: WorkerReply) => {
        const p = pending.get(reply.seq)
        if (!p) return
        pending.delete(reply.seq)
        if (reply.error) {
          const e = new Error(`Worker ${i} failed: ${reply.error.message}`)
          if (reply.error.stack) e.stack = reply.error.stack
          p.reject(e)
        } else {
          p.resolve(reply)
        }
      })
      worker.on('error', (error) => this.fail(new Error(`Worker ${i} crashed: ${error.message}`, { cause: error })))
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`Worker ${i} exited unexpectedly with code ${code}.`))
      })
      this.workers.push(worker)
      this.pending.push(pending)
    }
  }

  get size(): number {
    return this.workers.length
  }

  /** Send `message` (plus a sequence number) to worker `index`; resolves with its reply. */
  request(index: number, message: object, transfer?: readonly ArrayBuffer[]): Promise<WorkerReply> {
    if (this.broken) return Promise.reject(this.broken)
    if (this.closing) return Promise.reject(new Error('The worker pool is closed.'))
    const seq = ++this.seq
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending[index].set(seq, { resolve, reject })
      this.workers[index].postMessage({ ...message, seq }, transfer as ArrayBuffer[] | undefined)
    })
  }

  /** Stop every worker; pending requests are rejected. */
  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    this.rejectAll(new Error('The worker pool was closed.'))
    await Promise.all(this.workers.map((w) => w.terminate()))
  }

  private fail(error: Error): void {
    this.broken ??= error
    this.rejectAll(error)
  }

  private rejectAll(error: Error): void {
    for (const pending of this.pending) {
      for (const p of pending.values()) p.reject(error)
      pending.clear()
    }
  }
}

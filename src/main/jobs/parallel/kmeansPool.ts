/**
 * A k-means executor that splits every row-range step between the calling thread and `threads - 1` worker threads
 * over shared memory. The engine drives it through `fitKMeansWith`; results are bit-identical to `fitKMeans`
 * because partial sums are kept per fixed-size chunk and reduced in chunk order, whoever computed them.
 *
 *   const pool = createKMeansPool({ threads: 2 })
 *   try { result = await fitKMeansWith(x, { k: 8 }, pool) } finally { await pool.close() }
 *
 * One pool can serve many fits (a k sweep): each new workspace is attached to the workers once, on first use.
 */
import { availableParallelism } from 'node:os'
import type { KMeansExecutor } from '../../engine/cluster/kmeansExecutor'
import { runKMeansStep, splitChunks } from '../../engine/cluster/kmeansKernels'
import type { KMeansStep, KMeansWorkspace } from '../../engine/cluster/kmeansWorkspace'
import { isShared, sharedAllocator, toSharedFloat64 } from './sharedMemory'
import { siblingWorkerEntry } from './workerEntry'
import type { WorkerEntry } from './workerEntry'
import { WorkerPool } from './workerPool'

export interface KMeansPoolOptions {
  /** Threads doing the work, the calling thread included. Default: the machine's available parallelism. */
  readonly threads?: number
  /** Worker entry; default `kmeansWorker` beside this file (TypeScript from source, JavaScript when bundled). */
  readonly entry?: WorkerEntry
}

export interface KMeansPool extends KMeansExecutor {
  readonly threads: number
  close(): Promise<void>
}

export function defaultKMeansWorkerEntry(): WorkerEntry {
  return siblingWorkerEntry(import.meta.url, 'kmeansWorker')
}

export function createKMeansPool(options: KMeansPoolOptions = {}): KMeansPool {
  const threads = options.threads ?? availableParallelism()
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`A k-means pool needs at least 1 thread; got ${threads}.`)
  }
  const pool = threads > 1 ? new WorkerPool(options.entry ?? defaultKMeansWorkerEntry(), threads - 1) : null
  const attachedIds = new WeakMap<KMeansWorkspace, number>()
  let current: KMeansWorkspace | null = null
  let nextId = 0

  async function attach(ws: KMeansWorkspace): Promise<number> {
    let id = attachedIds.get(ws)
    if (id !== undefined && current === ws) return id
    // A heap array would be copied into each worker, which would then write into its private copy: refuse loudly.
    for (const [name, value] of Object.entries(ws)) {
      if (ArrayBuffer.isView(value) && !isShared(value)) {
        throw new Error(`Workspace array "${name}" is not in shared memory; plan the fit with this pool's allocator.`)
      }
    }
    id = ++nextId
    attachedIds.set(ws, id)
    current = ws
    await Promise.all(Array.from({ length: pool!.size }, (_, w) => pool!.request(w, { type: 'attach', id, ws })))
    return id
  }

  return {
    threads,
    allocator: sharedAllocator,
    shareInput: toSharedFloat64,
    async run(ws: KMeansWorkspace, step: KMeansStep): Promise<void> {
      const ranges = splitChunks(ws, threads)
      if (!pool || ranges.length === 1) {
        runKMeansStep(ws, step, { start: 0, end: ws.n })
        return
      }
      const id = await attach(ws)
      // Workers take ranges 1.., this thread takes range 0 while they run.
      const replies = ranges.slice(1).map((rows, w) => pool.request(w, { type: 'step', id, step, rows }))
      try {
        runKMeansStep(ws, step, ranges[0])
      } finally {
        await Promise.all(replies)
      }
    },
    close: async () => {
      await pool?.close()
    },
  }
}

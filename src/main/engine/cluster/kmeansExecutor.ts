/**
 * Who runs k-means' row-range steps. The engine never starts threads: `fitKMeans` runs every step in the calling
 * thread, and `jobs/parallel` provides an executor that splits each step's chunks between worker threads over shared
 * memory. The driver code — seeding, iterations, convergence, restarts — is the same for both.
 */
import { runKMeansStep } from './kmeansKernels'
import { heapAllocator } from './kmeansWorkspace'
import type { ArrayAllocator, KMeansStep, KMeansWorkspace } from './kmeansWorkspace'

export interface KMeansExecutor {
  /** Where workspace arrays live: shared memory when other threads must see them. */
  readonly allocator: ArrayAllocator
  /** The input as the executor's threads can read it: `x` itself, or a copy in shared memory. */
  shareInput(x: Float64Array): Float64Array
  /** Apply `step` to every row of `ws`; all chunk outputs are written when this returns (or resolves). */
  run(ws: KMeansWorkspace, step: KMeansStep): void | Promise<void>
}

export const inThreadExecutor: KMeansExecutor = {
  allocator: heapAllocator,
  shareInput: (x) => x,
  run: (ws, step) => runKMeansStep(ws, step, { start: 0, end: ws.n }),
}

/**
 * The state one k-means run shares between its driver and its kernels. Every field is a typed array (or, for the
 * WebAssembly kernels, their shared memory and a number) so that the same object can be handed to worker threads:
 * the driver writes the centres and bounds bookkeeping, the kernels write per-row state for their rows and per-chunk
 * partial results. The arrays live either all in one shared WebAssembly memory (`kmeansWasm.ts`) or each on its own
 * buffer from an `ArrayAllocator` — SharedArrayBuffers when `jobs/parallel` runs the JavaScript kernels on threads.
 *
 * Rows are processed in fixed chunks of `KMEANS_CHUNK_ROWS`. Partial sums are kept per chunk and reduced in chunk
 * order, so a fit gives bit-identical results on 1, 2 or 16 threads.
 */

export const KMEANS_CHUNK_ROWS = 4096

/** How the driver obtains arrays: plain memory by default, shared memory when worker threads will read them. */
export interface ArrayAllocator {
  float64(length: number): Float64Array
  int32(length: number): Int32Array
}

export const heapAllocator: ArrayAllocator = {
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
}

export interface KMeansWorkspace {
  readonly n: number
  readonly d: number
  readonly k: number
  readonly chunkRows: number
  readonly nChunks: number
  /** Candidates tried per k-means++ step (2 + floor(ln k)). */
  readonly trials: number
  /** n × d input, row-major. Read-only for everyone. */
  readonly x: Float64Array
  /** k × d centres the next assignment step measures against. Written by the driver only. */
  readonly centers: Float64Array
  /** Distance each centre moved since the bounds were last made exact (Hamerly), written by the driver. */
  readonly shift: Float64Array
  /** Half the distance from each centre to its nearest other centre (Hamerly's s(j)). */
  readonly half: Float64Array
  /** [largest shift, largest shift among the other centres, index of the largest]. */
  readonly shiftStats: Float64Array
  /** Segment of each row; -1 before the first assignment. */
  readonly labels: Int32Array
  /** Hamerly bounds: upper on the distance to the own centre, lower on the distance to any other. Empty for Lloyd. */
  readonly upper: Float64Array
  readonly lower: Float64Array
  /** Per chunk, k × d change in the cluster sums (rows that joined minus rows that left). */
  readonly chunkSums: Float64Array
  /** Per chunk, k changes in the cluster sizes. */
  readonly chunkCounts: Float64Array
  /** Per chunk, rows whose label changed. */
  readonly chunkChanged: Float64Array
  /** Per chunk, sum of squared distances to the assigned centres (when a step asks for it). */
  readonly chunkInertia: Float64Array
  /** k-means++: squared distance of each row to its closest chosen centre. Empty once seeding is not needed. */
  readonly closest: Float64Array
  /** k-means++: the candidate centres of the current step, trials × d. */
  readonly candidates: Float64Array
  /** k-means++: per chunk, trials potentials (sum of min(closest, distance to candidate)). */
  readonly chunkPot: Float64Array
  /** k-means++: per chunk, sum of `closest`. */
  readonly chunkClosestSum: Float64Array
  /**
   * The WebAssembly memory every array above lives in when the fit runs the WebAssembly kernels (`kmeansWasm.ts`),
   * with the byte offset of the kernels' header; null for the JavaScript kernels.
   */
  readonly memory: WebAssembly.Memory | null
  readonly header: number
  /** WebAssembly kernels: the centres transposed, d × kp (k rounded up to 4), padded with +Infinity. */
  readonly centersT: Float64Array
  /** WebAssembly kernels: per chunk, its rows that need a search (the JavaScript kernels keep a per-thread list). */
  readonly pending: Int32Array
}

/** Where the WebAssembly kernels' workspace lives: its memory and the byte offset of their header. */
export interface WasmPlacement {
  readonly memory: WebAssembly.Memory
  readonly header: number
}

export interface WorkspaceShape {
  readonly n: number
  readonly d: number
  readonly k: number
  readonly bounds: boolean
  readonly seeding: boolean
}

export function kmeansPlusPlusTrials(k: number): number {
  return 2 + Math.floor(Math.log(k))
}

/** k rounded up to a multiple of 4: the WebAssembly search measures centres four or eight at a time. */
export function paddedK(k: number): number {
  return Math.ceil(k / 4) * 4
}

export function createKMeansWorkspace(
  x: Float64Array,
  shape: WorkspaceShape,
  alloc: ArrayAllocator = heapAllocator,
  wasm: WasmPlacement | null = null,
): KMeansWorkspace {
  return { ...workspaceArrays(x, shape, alloc, wasm !== null), memory: wasm?.memory ?? null, header: wasm?.header ?? 0 }
}

/** Every array of a workspace, allocated from `alloc` in a fixed order (a counting allocator can measure them). */
export function workspaceArrays(
  x: Float64Array,
  shape: WorkspaceShape,
  alloc: ArrayAllocator,
  forWasm: boolean,
): Omit<KMeansWorkspace, 'memory' | 'header'> {
  const { n, d, k } = shape
  const chunkRows = KMEANS_CHUNK_ROWS
  const nChunks = Math.max(1, Math.ceil(n / chunkRows))
  const trials = kmeansPlusPlusTrials(k)
  return {
    n,
    d,
    k,
    chunkRows,
    nChunks,
    trials,
    x,
    centers: alloc.float64(k * d),
    shift: alloc.float64(k),
    half: alloc.float64(k),
    shiftStats: alloc.float64(3),
    labels: alloc.int32(n),
    upper: alloc.float64(shape.bounds ? n : 0),
    lower: alloc.float64(shape.bounds ? n : 0),
    chunkSums: alloc.float64(nChunks * k * d),
    chunkCounts: alloc.float64(nChunks * k),
    chunkChanged: alloc.float64(nChunks),
    chunkInertia: alloc.float64(nChunks),
    closest: alloc.float64(shape.seeding ? n : 0),
    candidates: alloc.float64(shape.seeding ? trials * d : 0),
    chunkPot: alloc.float64(shape.seeding ? nChunks * trials : 0),
    chunkClosestSum: alloc.float64(shape.seeding ? nChunks : 0),
    centersT: alloc.float64(forWasm ? d * paddedK(k) : 0),
    pending: alloc.int32(forWasm ? n : 0),
  }
}

/** Make `values` the centres the next step measures against (and their transposed copy, for WebAssembly). */
export function setCenters(ws: KMeansWorkspace, values: Float64Array): void {
  const { centers, centersT, k, d } = ws
  centers.set(values)
  if (centersT.length === 0) return
  const kp = paddedK(k)
  centersT.fill(Infinity)
  for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) centersT[t * kp + j] = values[j * d + t]
}

/**
 * One unit of parallel work: a kernel applied to every row. Plain data so it can be posted to a worker.
 * - `assign-full`: nearest centre by exhaustive search (Lloyd; also initialises Hamerly's bounds when `bounds`).
 * - `assign-hamerly`: nearest centre using the bounds, after moving them by `shift`.
 * - `inertia`: sum of squared distances to the assigned centres.
 * - `kpp-update`: fold candidate `candidate` into `closest`.
 * - `kpp-trials`: potential of each of the first `trials` candidates.
 */
export type KMeansStep =
  | { readonly kind: 'assign-full'; readonly bounds: boolean; readonly trace: boolean }
  | { readonly kind: 'assign-hamerly'; readonly trace: boolean }
  | { readonly kind: 'inertia' }
  | { readonly kind: 'kpp-update'; readonly candidate: number; readonly first: boolean }
  | { readonly kind: 'kpp-trials'; readonly trials: number }

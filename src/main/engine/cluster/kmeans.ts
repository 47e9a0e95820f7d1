/**
 * K-means clustering: k-means++ seeding, `nInit` restarts keeping the lowest inertia, Lloyd iterations accelerated
 * with Hamerly's bounds, scikit-learn's tolerance and empty-cluster rules (see `kmeansLloyd.ts`).
 *
 * Cost per iteration: O(n·k·d) for the first, then O(n) bound checks plus O(d) or O(k·d) for the rows near a
 * boundary. Memory: the input, and a copy of it for the WebAssembly kernels, plus O(n) per-row state (label, two
 * bounds, search list) and O(n) for seeding.
 *
 * `fitKMeans` runs in the calling thread. `fitKMeansWith` takes an executor (see `jobs/parallel`) that runs the
 * row-range steps on worker threads; both give bit-identical results for the same seed, with the WebAssembly kernels
 * (the default, `kmeansWasm.ts`) or the JavaScript ones.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'
import { createRng } from '../random'
import { inThreadExecutor } from './kmeansExecutor'
import type { KMeansExecutor } from './kmeansExecutor'
import { lloydRun } from './kmeansLloyd'
import { seedKMeansPlusPlus } from './kmeansSeeding'
import { createWasmKMeansWorkspace, releaseWasmWorkspace } from './kmeansWasm'
import { createKMeansWorkspace } from './kmeansWorkspace'
import type { ArrayAllocator, KMeansStep, KMeansWorkspace } from './kmeansWorkspace'
import type { KMeansResult } from './types'
import { checkK, checkMatrix, checkNonNegative, checkPositiveInteger, checkShape } from './validate'

export interface KMeansProgress {
  /** 0-based restart and its count. */
  readonly run: number
  readonly runs: number
  /** 0-based iteration just finished within the restart. */
  readonly iteration: number
  readonly maxIter: number
}

export interface KMeansOptions {
  /** Number of segments, 1 ≤ k ≤ rows. */
  readonly k: number
  /** Restarts from different k-means++ seeds; the lowest inertia wins. Default 10 (1 with explicit `init`). */
  readonly nInit?: number
  /** Iterations per restart. Default 300. */
  readonly maxIter?: number
  /**
   * Relative tolerance: a run stops when the squared centre shifts sum to at most `tol` × the mean feature variance
   * (scikit-learn's semantics). Default 1e-4. With 0 a run stops only when labels stop changing.
   */
  readonly tol?: number
  /** Seed for k-means++ and restarts. Default 0. */
  readonly seed?: number
  /** 'hamerly' (default) or plain 'lloyd'; both give the same result, Hamerly faster. */
  readonly algorithm?: 'hamerly' | 'lloyd'
  /** 'k-means++' (default) or explicit k × d starting centres. */
  readonly init?: 'k-means++' | Matrix
  /**
   * 'wasm' (default): the WebAssembly kernels, which copy the input into their memory once per fit; 'js': the
   * JavaScript kernels, which read it in place. Both give the same bytes; 'wasm' falls back to 'js' where WebAssembly
   * cannot run or the workspace exceeds its 4 GiB.
   */
  readonly kernels?: 'wasm' | 'js'
  /** Record the inertia after every assignment step of the kept run (costs one O(n·d) pass per iteration). */
  readonly traceInertia?: boolean
  readonly onProgress?: (progress: KMeansProgress) => void
}

interface Resolved {
  readonly k: number
  readonly nInit: number
  readonly maxIter: number
  readonly tol: number
  readonly seed: number
  readonly hamerly: boolean
  readonly init: Float64Array | null
  readonly trace: boolean
  /** `tol` × mean column variance: the bound on the summed squared centre shifts. */
  readonly tolAbs: number
}

function resolve(x: Matrix, options: KMeansOptions): Resolved {
  checkShape(x)
  // One pass both measures the spread (for the tolerance) and proves every value finite; a NaN or ±∞ anywhere makes
  // the sums non-finite, and only then does checkMatrix scan again to name the offending cell.
  const variance = meanColumnVariance(x)
  if (!Number.isFinite(variance)) {
    checkMatrix(x)
    // Finite values whose squares overflow: squared distances would too, and every row would look equally far.
    throw new UserError('Some values are too large to cluster directly; scale the columns first (the Prepare step).', {
      code: 'too-large-values',
    })
  }
  checkK(options.k, x.rows)
  const maxIter = options.maxIter ?? 300
  checkPositiveInteger(maxIter, 'The maximum number of iterations')
  const tol = options.tol ?? 1e-4
  checkNonNegative(tol, 'The tolerance')
  const seed = options.seed ?? 0
  if (!Number.isFinite(seed)) throw new UserError(`The random seed must be a number; got ${seed}.`)
  const algorithm = options.algorithm ?? 'hamerly'
  if (algorithm !== 'hamerly' && algorithm !== 'lloyd') {
    throw new UserError(`Unknown k-means algorithm "${String(algorithm)}"; use "hamerly" or "lloyd".`)
  }
  let init: Float64Array | null = null
  const given = options.init ?? 'k-means++'
  if (given !== 'k-means++') {
    if (typeof given !== 'object' || !(given.data instanceof Float64Array)) {
      throw new UserError(`Unknown k-means initialisation "${String(given)}"; use "k-means++" or starting centres.`)
    }
    checkMatrix(given, 'The starting centres')
    if (given.rows !== options.k || given.cols !== x.cols) {
      throw new UserError(
        `The starting centres are ${given.rows}×${given.cols}; ${options.k} segments over ${x.cols} columns need ${options.k}×${x.cols}.`,
      )
    }
    init = Float64Array.from(given.data)
  }
  const nInit = init ? 1 : (options.nInit ?? 10)
  checkPositiveInteger(nInit, 'The number of restarts')
  return {
    k: options.k,
    nInit,
    maxIter,
    tol,
    seed,
    hamerly: algorithm === 'hamerly',
    init,
    trace: !!options.traceInertia,
    tolAbs: tol * variance,
  }
}

/**
 * Mean of the per-column population variances — scikit-learn's `_tolerance` scale. One pass over the data, with each
 * column shifted by its first value so the sum-of-squares formula does not cancel catastrophically on offset data.
 *
 * Rows go in blocks small enough to stay in cache, and within a block two columns at a time with their sums in local
 * variables: keeping the sums in arrays made this pass cost half a k-means iteration. Each column still adds its
 * values in row order, so the result is the same to the bit.
 */
export function meanColumnVariance(x: Matrix): number {
  const { data, rows, cols } = x
  const sum = new Float64Array(cols)
  const sumSq = new Float64Array(cols)
  for (let r0 = 0; r0 < rows; r0 += VARIANCE_BLOCK_ROWS) {
    const r1 = Math.min(rows, r0 + VARIANCE_BLOCK_ROWS)
    let j = 0
    for (; j + 1 < cols; j += 2) {
      const o0 = data[j]
      const o1 = data[j + 1]
      let s0 = sum[j]
      let s1 = sum[j + 1]
      let q0 = sumSq[j]
      let q1 = sumSq[j + 1]
      for (let b = r0 * cols + j, e = r1 * cols; b < e; b += cols) {
        const v0 = data[b] - o0
        const v1 = data[b + 1] - o1
        s0 += v0
        q0 += v0 * v0
        s1 += v1
        q1 += v1 * v1
      }
      sum[j] = s0
      sum[j + 1] = s1
      sumSq[j] = q0
      sumSq[j + 1] = q1
    }
    if (j < cols) {
      const o0 = data[j]
      let s0 = sum[j]
      let q0 = sumSq[j]
      for (let b = r0 * cols + j, e = r1 * cols; b < e; b += cols) {
        const v0 = data[b] - o0
        s0 += v0
        q0 += v0 * v0
      }
      sum[j] = s0
      sumSq[j] = q0
    }
  }
  let total = 0
  for (let j = 0; j < cols; j++) {
    const mean = sum[j] / rows
    total += Math.max(0, sumSq[j] / rows - mean * mean)
  }
  return total / cols
}

/** Rows per block of `meanColumnVariance`: 512 rows of 20 columns is 80 kB, within a core's L2 cache. */
const VARIANCE_BLOCK_ROWS = 512

/**
 * Validate, allocate and return the fit as a sequence of row-range steps for an executor to run. The generator's
 * return value is the result. Exposed for executors that cannot be driven by `fitKMeansWith` (e.g. a process pool).
 */
export function planKMeans(
  x: Matrix,
  options: KMeansOptions,
  alloc?: ArrayAllocator,
  shareInput?: (data: Float64Array) => Float64Array,
): { ws: KMeansWorkspace; program: Generator<KMeansStep, KMeansResult, void> } {
  const r = resolve(x, options)
  const shape = { n: x.rows, d: x.cols, k: r.k, bounds: r.hamerly, seeding: r.init === null }
  const ws =
    (options.kernels !== 'js' ? createWasmKMeansWorkspace(x.data, shape) : null) ??
    createKMeansWorkspace(shareInput ? shareInput(x.data) : x.data, shape, alloc)
  return { ws, program: program(x, ws, r, options.onProgress) }
}

function* program(
  x: Matrix,
  ws: KMeansWorkspace,
  r: Resolved,
  onProgress: KMeansOptions['onProgress'],
): Generator<KMeansStep, KMeansResult, void> {
  const tolAbs = r.tolAbs
  const master = createRng(r.seed)
  const nIterPerRun = new Float64Array(r.nInit)
  const inertiaPerRun = new Float64Array(r.nInit)
  let best = -1
  let bestLabels = new Int32Array(0)
  let bestCenters = new Float64Array(0)
  let bestTrace: Float64Array | undefined
  let bestConverged = false

  for (let run = 0; run < r.nInit; run++) {
    // One child stream per restart: restart i is the same whether or not the others ran.
    const rng = master.fork()
    const init = r.init ?? (yield* seedKMeansPlusPlus(ws, rng))
    const outcome = yield* lloydRun(ws, init, {
      maxIter: r.maxIter,
      tolAbs,
      hamerly: r.hamerly,
      trace: r.trace,
      onIteration: onProgress
        ? (iteration) => onProgress({ run, runs: r.nInit, iteration, maxIter: r.maxIter })
        : undefined,
    })
    nIterPerRun[run] = outcome.iterations
    inertiaPerRun[run] = outcome.inertia
    if (best < 0 || outcome.inertia < inertiaPerRun[best]) {
      best = run
      bestLabels = ws.labels.slice()
      bestCenters = ws.centers.slice()
      bestTrace = outcome.trace
      bestConverged = outcome.converged
    }
  }

  const clusterSizes = new Int32Array(r.k)
  for (let i = 0; i < bestLabels.length; i++) clusterSizes[bestLabels[i]]++
  return {
    kind: 'kmeans',
    k: r.k,
    labels: bestLabels,
    centers: { data: bestCenters, rows: r.k, cols: x.cols },
    inertia: inertiaPerRun[best],
    iterations: nIterPerRun[best],
    nIterPerRun,
    inertiaPerRun,
    bestRun: best,
    converged: bestConverged,
    clusterSizes,
    seed: r.seed,
    ...(bestTrace ? { inertiaTrace: bestTrace } : {}),
  }
}

/** Fit k-means in the calling thread. */
export function fitKMeans(x: Matrix, options: KMeansOptions): KMeansResult {
  const { ws, program: steps } = planKMeans(x, options)
  try {
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) return next.value
      inThreadExecutor.run(ws, next.value)
    }
  } finally {
    releaseWasmWorkspace(ws)
  }
}

/** Fit k-means with the row-range steps run by `executor` (e.g. a worker-thread pool). */
export async function fitKMeansWith(
  x: Matrix,
  options: KMeansOptions,
  executor: KMeansExecutor,
): Promise<KMeansResult> {
  const { ws, program: steps } = planKMeans(x, options, executor.allocator, (data) => executor.shareInput(data))
  try {
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) return next.value
      await executor.run(ws, next.value)
    }
  } finally {
    releaseWasmWorkspace(ws)
  }
}

/**
 * Mini-batch k-means (Sculley 2010, "Web-scale k-means clustering"), following scikit-learn's `MiniBatchKMeans`:
 * centres move towards random batches with per-centre learning rates 1/count, the run stops early when the smoothed
 * batch inertia has not improved for `maxNoImprovement` batches, and starved centres are re-seeded from the batch.
 *
 * For very large tables: each step costs O(batchSize·k·d) whatever n is; one final pass labels every row and measures
 * the inertia. Results are slightly worse than full k-means (typically a fraction of a percent in inertia).
 */
import type { Matrix } from '../matrix'
import { createRng, sampleWithoutReplacement } from '../random'
import type { Rng } from '../random'
import { inThreadExecutor } from './kmeansExecutor'
import { lastNearestSqDist, nearestTwo } from './kmeansKernels'
import { seedKMeansPlusPlus } from './kmeansSeeding'
import { createKMeansWorkspace } from './kmeansWorkspace'
import type { KMeansResult } from './types'
import { checkK, checkMatrix, checkNonNegative, checkPositiveInteger } from './validate'

export interface MiniBatchKMeansOptions {
  readonly k: number
  /** Rows per batch. Default 1024. */
  readonly batchSize?: number
  /** Upper bound on passes over the data. Default 100. */
  readonly maxIter?: number
  /** k-means++ candidates tried, each seeded on a random `initSize` rows and scored on another. Default 3. */
  readonly nInit?: number
  /** Rows used to seed and choose the initial centres. Default 3 × batchSize (at least 3k, at most n). */
  readonly initSize?: number
  /** Stop after this many batches without improvement of the smoothed inertia. Default 10. */
  readonly maxNoImprovement?: number
  /** Stop when the squared centre movement of a batch, per feature variance, falls to this. Default 0 (off). */
  readonly tol?: number
  /** Centres whose count falls below this fraction of the largest are re-seeded. Default 0.01. */
  readonly reassignmentRatio?: number
  readonly seed?: number
}

export function fitMiniBatchKMeans(x: Matrix, options: MiniBatchKMeansOptions): KMeansResult {
  checkMatrix(x)
  const { rows: n, cols: d, data } = x
  const k = options.k
  checkK(k, n)
  const batchSize = Math.min(options.batchSize ?? 1024, n)
  checkPositiveInteger(batchSize, 'The batch size')
  const maxIter = options.maxIter ?? 100
  checkPositiveInteger(maxIter, 'The maximum number of passes')
  const nInit = options.nInit ?? 3
  checkPositiveInteger(nInit, 'The number of initialisations')
  const initSize = Math.min(n, Math.max(options.initSize ?? 3 * batchSize, 3 * k))
  checkPositiveInteger(initSize, 'The initialisation size')
  const maxNoImprovement = options.maxNoImprovement ?? 10
  checkPositiveInteger(maxNoImprovement, 'The patience (batches without improvement)')
  const tol = options.tol ?? 0
  checkNonNegative(tol, 'The tolerance')
  const reassignmentRatio = options.reassignmentRatio ?? 0.01
  checkNonNegative(reassignmentRatio, 'The reassignment ratio')
  const seed = options.seed ?? 0
  const rng = createRng(seed)

  // Choose the start: k-means++ on a sample, scored on a validation sample, best of nInit.
  const validation = gather(x, sampleIndices(rng, n, initSize))
  let centers: Float64Array = new Float64Array(0)
  let bestValidation = Infinity
  for (let i = 0; i < nInit; i++) {
    const sample = gather(x, sampleIndices(rng, n, initSize))
    const candidate = seedOn(sample, k, rng.fork())
    const inertia = batchInertia(validation.data, initSize, candidate, k, d)
    if (inertia < bestValidation) {
      bestValidation = inertia
      centers = candidate
    }
  }

  const counts = new Float64Array(k)
  const sums = new Float64Array(k * d)
  const batchLabels = new Int32Array(batchSize)
  const batchRows = new Int32Array(batchSize)
  const previous = new Float64Array(k * d)
  const inBatch = new Float64Array(k)
  const tolAbs = tol * meanVariance(validation.data, initSize, d)
  const alpha = Math.min(1, (batchSize * 2) / (n + 1))
  const steps = Math.floor((maxIter * n) / batchSize)
  let ewa = NaN
  let ewaMin = Infinity
  let noImprovement = 0
  let sinceReassign = 0
  let step = 0
  let converged = false

  for (; step < steps; step++) {
    for (let b = 0; b < batchSize; b++) batchRows[b] = rng.nextInt(n)
    previous.set(centers)
    // Assign the batch to the current centres.
    let inertia = 0
    sums.fill(0)
    inBatch.fill(0)
    for (let b = 0; b < batchSize; b++) {
      const j = nearestTwo(data, batchRows[b] * d, centers, k, d)
      inertia += lastNearestSqDist()
      batchLabels[b] = j
      inBatch[j]++
      const xb = batchRows[b] * d
      for (let t = 0; t < d; t++) sums[j * d + t] += data[xb + t]
    }
    // Each centre becomes the running mean of every row ever assigned to it: learning rate 1/count.
    for (let j = 0; j < k; j++) {
      if (inBatch[j] === 0) continue
      const total = counts[j] + inBatch[j]
      for (let t = 0; t < d; t++) centers[j * d + t] = (centers[j * d + t] * counts[j] + sums[j * d + t]) / total
      counts[j] = total
    }
    sinceReassign += batchSize
    if (reassignmentRatio > 0 && (counts.includes(0) || sinceReassign >= 10 * k)) {
      sinceReassign = 0
      reassignStarved(centers, counts, data, batchRows, d, k, reassignmentRatio, rng)
    }

    // scikit-learn's _mini_batch_convergence: exponentially weighted batch inertia per row, with patience.
    const perRow = inertia / batchSize
    ewa = Number.isNaN(ewa) ? perRow : ewa * (1 - alpha) + perRow * alpha
    let shift = 0
    for (let e = 0; e < k * d; e++) shift += (centers[e] - previous[e]) ** 2
    if (tolAbs > 0 && shift <= tolAbs) {
      converged = true
      break
    }
    if (ewa < ewaMin) {
      noImprovement = 0
      ewaMin = ewa
    } else if (++noImprovement >= maxNoImprovement) {
      converged = true
      break
    }
  }

  // One full pass labels every row against the final centres (the O(n·k·d) kernel k-means uses).
  const ws = createKMeansWorkspace(data, { n, d, k, bounds: false, seeding: false })
  ws.centers.set(centers)
  ws.labels.fill(-1)
  inThreadExecutor.run(ws, { kind: 'assign-full', bounds: false, trace: true })
  let inertia = 0
  for (let c = 0; c < ws.nChunks; c++) inertia += ws.chunkInertia[c]
  const clusterSizes = new Int32Array(k)
  for (let i = 0; i < n; i++) clusterSizes[ws.labels[i]]++
  const passes = Math.min(steps, step + 1) * (batchSize / n)
  return {
    kind: 'minibatch-kmeans',
    k,
    labels: Int32Array.from(ws.labels),
    centers: { data: centers, rows: k, cols: d },
    inertia,
    iterations: passes,
    nIterPerRun: Float64Array.of(passes),
    inertiaPerRun: Float64Array.of(inertia),
    bestRun: 0,
    converged,
    clusterSizes,
    seed,
  }
}

/**
 * scikit-learn's random reassignment: centres that have attracted fewer than `ratio` × the largest count move to
 * random rows of the batch, and restart with the smallest count among the others, so an early bad seed can recover.
 */
function reassignStarved(
  centers: Float64Array,
  counts: Float64Array,
  data: Float64Array,
  batchRows: Int32Array,
  d: number,
  k: number,
  ratio: number,
  rng: Rng,
): void {
  let max = 0
  for (let j = 0; j < k; j++) if (counts[j] > max) max = counts[j]
  const starved: number[] = []
  for (let j = 0; j < k; j++) if (counts[j] < ratio * max) starved.push(j)
  if (starved.length === 0 || starved.length === k) return
  // Never replace more than half a batch's worth of centres at once; the smallest counts go first.
  starved.sort((a, b) => counts[a] - counts[b] || a - b)
  const moving = starved.slice(0, Math.max(1, Math.floor(0.5 * batchRows.length)))
  let minOther = Infinity
  for (let j = 0; j < k; j++) if (!moving.includes(j) && counts[j] < minOther) minOther = counts[j]
  const picks = sampleWithoutReplacement(rng, batchRows.length, Math.min(moving.length, batchRows.length))
  moving.forEach((j, i) => {
    if (i >= picks.length) return
    const src = batchRows[picks[i]] * d
    centers.set(data.subarray(src, src + d), j * d)
    counts[j] = minOther
  })
}

function sampleIndices(rng: Rng, n: number, m: number): Int32Array {
  return m >= n ? Int32Array.from({ length: n }, (_, i) => i) : sampleWithoutReplacement(rng, n, m)
}

function gather(x: Matrix, idx: Int32Array): Matrix {
  const d = x.cols
  const data = new Float64Array(idx.length * d)
  for (let r = 0; r < idx.length; r++) data.set(x.data.subarray(idx[r] * d, idx[r] * d + d), r * d)
  return { data, rows: idx.length, cols: d }
}

function seedOn(sample: Matrix, k: number, rng: Rng): Float64Array {
  const ws = createKMeansWorkspace(sample.data, { n: sample.rows, d: sample.cols, k, bounds: false, seeding: true })
  const steps = seedKMeansPlusPlus(ws, rng)
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value
    inThreadExecutor.run(ws, next.value)
  }
}

function batchInertia(data: Float64Array, rows: number, centers: Float64Array, k: number, d: number): number {
  let s = 0
  for (let i = 0; i < rows; i++) {
    nearestTwo(data, i * d, centers, k, d)
    s += lastNearestSqDist()
  }
  return s
}

function meanVariance(data: Float64Array, rows: number, d: number): number {
  let total = 0
  for (let t = 0; t < d; t++) {
    let mean = 0
    for (let i = 0; i < rows; i++) mean += data[i * d + t]
    mean /= rows
    let v = 0
    for (let i = 0; i < rows; i++) v += (data[i * d + t] - mean) ** 2
    total += v / rows
  }
  return total / d
}

/**
 * One k-means run from given centres: Lloyd's iterations, optionally accelerated with Hamerly's bounds, with
 * scikit-learn's stopping rules and empty-cluster repair (`sklearn/cluster/_kmeans.py`, `_kmeans_single_lloyd`):
 *
 * - each iteration assigns rows to the nearest centre, then moves each centre to the mean of its rows;
 * - it stops when no label changed ("strict convergence"), or when the squared centre shifts sum to at most `tolAbs`
 *   (the caller scales `tol` by the mean feature variance), or after `maxIter` iterations;
 * - unless labels were stable, a last assignment makes labels match the returned centres;
 * - a centre left without rows takes the row farthest from its own centre.
 *
 * Cluster sums are maintained incrementally from the rows that changed segment, so late iterations — where few rows
 * move — cost O(n) bound checks instead of O(n·d). Lloyd and Hamerly share this update, and Hamerly's skips are
 * guarded so that it makes the same assignments as exhaustive search: both give the same result from the same start.
 */
import { setCenters } from './kmeansWorkspace'
import type { KMeansStep, KMeansWorkspace } from './kmeansWorkspace'

export interface RunSettings {
  readonly maxIter: number
  /** Absolute tolerance on the sum of squared centre shifts. */
  readonly tolAbs: number
  readonly hamerly: boolean
  readonly trace: boolean
  readonly onIteration?: (iteration: number) => void
}

export interface RunOutcome {
  readonly iterations: number
  readonly converged: boolean
  readonly inertia: number
  readonly trace: Float64Array | undefined
}

export function* lloydRun(
  ws: KMeansWorkspace,
  init: Float64Array,
  settings: RunSettings,
): Generator<KMeansStep, RunOutcome, void> {
  const { k, d, centers } = ws
  const sums = new Float64Array(k * d)
  const counts = new Float64Array(k)
  const next = new Float64Array(k * d)
  const shift = new Float64Array(k)
  const trace: number[] = []
  setCenters(ws, init)
  ws.labels.fill(-1)
  if (settings.hamerly) updateHalfDistances(ws)

  let strict = false
  let iteration = 0
  for (; iteration < settings.maxIter; iteration++) {
    yield iteration === 0 || !settings.hamerly
      ? { kind: 'assign-full', bounds: settings.hamerly, trace: settings.trace }
      : { kind: 'assign-hamerly', trace: settings.trace }
    const changed = addChunkChanges(ws, sums, counts)
    if (settings.trace) trace.push(sumOf(ws.chunkInertia))
    const relocated = relocateEmptyClusters(ws, sums, counts, settings.hamerly)

    let shiftTotal = 0
    for (let j = 0; j < k; j++) {
      const b = j * d
      if (counts[j] > 0) {
        const inv = 1 / counts[j]
        for (let t = 0; t < d; t++) next[b + t] = sums[b + t] * inv
      } else {
        // Fewer distinct rows than segments: nothing left to relocate, the centre stays where it was.
        for (let t = 0; t < d; t++) next[b + t] = centers[b + t]
        for (let t = 0; t < d; t++) sums[b + t] = 0
      }
      let s = 0
      for (let t = 0; t < d; t++) {
        const diff = next[b + t] - centers[b + t]
        s += diff * diff
      }
      shiftTotal += s
      shift[j] = Math.sqrt(s)
    }
    setCenters(ws, next)
    if (settings.hamerly) {
      ws.shift.set(shift)
      updateShiftStats(ws)
      updateHalfDistances(ws)
    }
    settings.onIteration?.(iteration)
    if (changed + relocated === 0) {
      strict = true
      break
    }
    if (shiftTotal <= settings.tolAbs) break
  }
  const iterations = Math.min(iteration + 1, settings.maxIter)
  const converged = strict || iteration < settings.maxIter

  if (strict) {
    yield { kind: 'inertia' }
  } else {
    // Labels were computed against the previous centres; one more assignment makes them match the returned ones, and
    // measures the final inertia on the way.
    yield settings.hamerly
      ? { kind: 'assign-hamerly', trace: true }
      : { kind: 'assign-full', bounds: false, trace: true }
  }
  return {
    iterations,
    converged,
    inertia: sumOf(ws.chunkInertia),
    trace: settings.trace ? Float64Array.from(trace) : undefined,
  }
}

/** Fold the per-chunk changes into the running cluster sums, in chunk order; returns how many rows changed. */
function addChunkChanges(ws: KMeansWorkspace, sums: Float64Array, counts: Float64Array): number {
  const { k, d, nChunks, chunkSums, chunkCounts, chunkChanged } = ws
  const kd = k * d
  let changed = 0
  for (let c = 0; c < nChunks; c++) {
    if (chunkChanged[c] === 0) continue
    changed += chunkChanged[c]
    const sb = c * kd
    for (let e = 0; e < kd; e++) sums[e] += chunkSums[sb + e]
    const cb = c * k
    for (let j = 0; j < k; j++) counts[j] += chunkCounts[cb + j]
  }
  return changed
}

/**
 * scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster takes one of the rows farthest from their
 * assigned (pre-update) centre, farthest first. Unlike scikit-learn the row's label moves with it, which keeps the
 * incremental sums consistent; the centres come out the same. Rare, so it runs here rather than in a kernel.
 */
function relocateEmptyClusters(
  ws: KMeansWorkspace,
  sums: Float64Array,
  counts: Float64Array,
  hamerly: boolean,
): number {
  const { k, d, n, x, centers, labels } = ws
  const empty: number[] = []
  for (let j = 0; j < k; j++) if (counts[j] === 0) empty.push(j)
  if (empty.length === 0) return 0

  // Keep the |empty| farthest rows in a small sorted list: O(n·d + n·|empty|) without sorting all n.
  const m = Math.min(empty.length, n)
  const farRows: number[] = []
  const farDist: number[] = []
  for (let i = 0, xb = 0; i < n; i++, xb += d) {
    const cb = labels[i] * d
    let s = 0
    for (let t = 0; t < d; t++) {
      const diff = x[xb + t] - centers[cb + t]
      s += diff * diff
    }
    if (farRows.length === m && s <= farDist[m - 1]) continue
    let pos = farRows.length === m ? m - 1 : farRows.length
    if (farRows.length < m) {
      farRows.push(i)
      farDist.push(s)
    }
    while (pos > 0 && farDist[pos - 1] < s) {
      farRows[pos] = farRows[pos - 1]
      farDist[pos] = farDist[pos - 1]
      pos--
    }
    farRows[pos] = i
    farDist[pos] = s
  }

  let moved = 0
  for (let e = 0; e < m; e++) {
    const target = empty[e]
    const i = farRows[e]
    const from = labels[i]
    if (counts[from] <= 1) continue // taking a cluster's only row would just move the hole
    const xb = i * d
    for (let t = 0; t < d; t++) {
      sums[from * d + t] -= x[xb + t]
      sums[target * d + t] = x[xb + t]
    }
    counts[from] -= 1
    counts[target] = 1
    labels[i] = target
    if (hamerly) {
      ws.upper[i] = 0
      ws.lower[i] = 0
    }
    moved++
  }
  return moved
}

/** s(j) = half the distance from centre j to its nearest other centre; Infinity when k = 1. */
function updateHalfDistances(ws: KMeansWorkspace): void {
  const { k, d, centers, half } = ws
  half.fill(Infinity)
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let s = 0
      for (let t = 0; t < d; t++) {
        const diff = centers[a * d + t] - centers[b * d + t]
        s += diff * diff
      }
      const h = 0.5 * Math.sqrt(s)
      if (h < half[a]) half[a] = h
      if (h < half[b]) half[b] = h
    }
  }
}

/** The largest shift, and the largest among the others, so each row's lower bound needs one comparison. */
function updateShiftStats(ws: KMeansWorkspace): void {
  const { k, shift, shiftStats } = ws
  let arg = 0
  for (let j = 1; j < k; j++) if (shift[j] > shift[arg]) arg = j
  let other = 0
  for (let j = 0; j < k; j++) if (j !== arg && shift[j] > other) other = shift[j]
  shiftStats[0] = shift[arg]
  shiftStats[1] = other
  shiftStats[2] = arg
}

function sumOf(a: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]
  return s
}

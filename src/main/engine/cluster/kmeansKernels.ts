/**
 * The hot loops of k-means, each over a range of rows. They read `x`, the centres and the bookkeeping the driver
 * prepared, and write only the per-row state of their own rows and the per-chunk outputs of their own chunks — so any
 * split of the chunks between threads gives the same bytes.
 *
 * Distances are computed directly as Σ (x - c)², not as ‖x‖² - 2x·c + ‖c‖²: without BLAS the expansion saves little,
 * and it loses precision exactly where k-means decides (points close to two centres).
 *
 * A workspace in WebAssembly memory runs the assignment and inertia steps in the SIMD kernels of
 * `wasm/kmeansKernels.wat` instead, where a full search takes less than half the time. These JavaScript versions are
 * their reference, written one row at a time for clarity (a unit test requires the same bytes from both), and the
 * fallback where WebAssembly cannot run. Seeding always runs here.
 */
import type { RowRange } from '../matrix'
import { wasmKernelsFor } from './kmeansWasm'
import type { KMeansStep, KMeansWorkspace } from './kmeansWorkspace'

/**
 * Hamerly skips a row only when its bounds clear the threshold by this relative margin. Bounds are sums of rounded
 * distances; the margin keeps every skip decision the same as exhaustive search would make on the same centres, so
 * Hamerly and Lloyd agree row for row.
 */
const SKIP_MARGIN = 1 + 1e-10

export function runKMeansStep(ws: KMeansWorkspace, step: KMeansStep, rows: RowRange): void {
  if (ws.memory && (step.kind === 'assign-full' || step.kind === 'assign-hamerly' || step.kind === 'inertia')) {
    const [c0, c1] = chunkSpan(ws, rows)
    const wasm = wasmKernelsFor(ws)
    if (step.kind === 'assign-full') wasm.assignFull(ws.header, c0, c1, step.bounds ? 1 : 0, step.trace ? 1 : 0)
    else if (step.kind === 'assign-hamerly') wasm.assignHamerly(ws.header, c0, c1, step.trace ? 1 : 0)
    else wasm.inertia(ws.header, c0, c1)
    return
  }
  switch (step.kind) {
    case 'assign-full':
      assignFull(ws, rows, step.bounds, step.trace)
      return
    case 'assign-hamerly':
      assignHamerly(ws, rows, step.trace)
      return
    case 'inertia':
      inertia(ws, rows)
      return
    case 'kpp-update':
      kppUpdate(ws, rows, step.candidate, step.first)
      return
    case 'kpp-trials':
      kppTrials(ws, rows, step.trials)
      return
  }
}

/** Whole chunks covered by `rows`; ranges must start on a chunk boundary so chunk outputs have one writer. */
export function chunkSpan(ws: KMeansWorkspace, rows: RowRange): [number, number] {
  if (rows.start % ws.chunkRows !== 0 || (rows.end !== ws.n && rows.end % ws.chunkRows !== 0) || rows.end > ws.n) {
    throw new RangeError(`Row range [${rows.start}, ${rows.end}) is not aligned to chunks of ${ws.chunkRows} rows.`)
  }
  return [rows.start / ws.chunkRows, Math.ceil(rows.end / ws.chunkRows)]
}

/** Split all chunks into at most `parts` contiguous row ranges of nearly equal size. */
export function splitChunks(ws: Pick<KMeansWorkspace, 'n' | 'chunkRows' | 'nChunks'>, parts: number): RowRange[] {
  const out: RowRange[] = []
  const p = Math.max(1, Math.min(parts, ws.nChunks))
  for (let w = 0; w < p; w++) {
    const c0 = Math.floor((w * ws.nChunks) / p)
    const c1 = Math.floor(((w + 1) * ws.nChunks) / p)
    if (c1 > c0) out.push({ start: c0 * ws.chunkRows, end: Math.min(ws.n, c1 * ws.chunkRows) })
  }
  return out
}

/** Squared Euclidean distance between row `xb` of `x` and row `cb` of `c`, summed in dimension order. */
export function sqDist(x: Float64Array, xb: number, c: Float64Array, cb: number, d: number): number {
  let s = 0
  for (let t = 0; t < d; t++) {
    const a = x[xb + t] - c[cb + t]
    s += a * a
  }
  return s
}

/** Out-values of `nearestTwo`: squared distances to the nearest and second-nearest centre. */
const nearest = new Float64Array(2)

/** Squared distance to the nearest centre found by the last `nearestTwo` call in this thread. */
export function lastNearestSqDist(): number {
  return nearest[0]
}

/**
 * Index of the centre nearest to row `xb` (lowest index on ties), with the two smallest squared distances left in
 * `nearest`. Centres go four at a time so each loaded x value feeds four independent sums: about twice as fast as one
 * centre at a time, because the loop is bound by the latency of dependent additions. Each centre's sum still runs in
 * dimension order, so the values equal `sqDist`'s bit for bit.
 */
export function nearestTwo(x: Float64Array, xb: number, c: Float64Array, k: number, d: number): number {
  let best = 0
  let d1 = Infinity
  let d2 = Infinity
  let j = 0
  for (; j + 3 < k; j += 4) {
    const o = j * d
    let p = 0
    let q = 0
    let r = 0
    let s = 0
    for (let t = 0; t < d; t++) {
      const xv = x[xb + t]
      const i = o + t
      let u = xv - c[i]
      p += u * u
      u = xv - c[i + d]
      q += u * u
      u = xv - c[i + 2 * d]
      r += u * u
      u = xv - c[i + 3 * d]
      s += u * u
    }
    if (p < d1) {
      d2 = d1
      d1 = p
      best = j
    } else if (p < d2) d2 = p
    if (q < d1) {
      d2 = d1
      d1 = q
      best = j + 1
    } else if (q < d2) d2 = q
    if (r < d1) {
      d2 = d1
      d1 = r
      best = j + 2
    } else if (r < d2) d2 = r
    if (s < d1) {
      d2 = d1
      d1 = s
      best = j + 3
    } else if (s < d2) d2 = s
  }
  for (; j < k; j++) {
    const p = sqDist(x, xb, c, j * d, d)
    if (p < d1) {
      d2 = d1
      d1 = p
      best = j
    } else if (p < d2) d2 = p
  }
  nearest[0] = d1
  nearest[1] = d2
  return best
}

/** Record that row `i` moved from `from` (-1: unassigned) to `to` in the chunk's change sums. */
function moveRow(
  x: Float64Array,
  xb: number,
  d: number,
  sums: Float64Array,
  counts: Float64Array,
  sumBase: number,
  countBase: number,
  from: number,
  to: number,
): void {
  const tb = sumBase + to * d
  for (let t = 0; t < d; t++) sums[tb + t] += x[xb + t]
  counts[countBase + to] += 1
  if (from >= 0) {
    const fb = sumBase + from * d
    for (let t = 0; t < d; t++) sums[fb + t] -= x[xb + t]
    counts[countBase + from] -= 1
  }
}

function clearChunk(ws: KMeansWorkspace, c: number): void {
  const kd = ws.k * ws.d
  ws.chunkSums.fill(0, c * kd, (c + 1) * kd)
  ws.chunkCounts.fill(0, c * ws.k, (c + 1) * ws.k)
}

function assignFull(ws: KMeansWorkspace, rows: RowRange, bounds: boolean, trace: boolean): void {
  const { x, centers, labels, upper, lower, chunkSums, chunkCounts, d, k, chunkRows, n } = ws
  const [c0, c1] = chunkSpan(ws, rows)
  for (let c = c0; c < c1; c++) {
    clearChunk(ws, c)
    const sumBase = c * k * d
    const countBase = c * k
    const end = Math.min(n, (c + 1) * chunkRows)
    let changed = 0
    let inertiaSum = 0
    for (let i = c * chunkRows; i < end; i++) {
      const xb = i * d
      const best = nearestTwo(x, xb, centers, k, d)
      const old = labels[i]
      if (old !== best) {
        labels[i] = best
        changed++
        moveRow(x, xb, d, chunkSums, chunkCounts, sumBase, countBase, old, best)
      }
      if (bounds) {
        upper[i] = Math.sqrt(nearest[0])
        lower[i] = Math.sqrt(nearest[1])
      }
      if (trace) inertiaSum += nearest[0]
    }
    ws.chunkChanged[c] = changed
    ws.chunkInertia[c] = trace ? inertiaSum : 0
  }
}

/**
 * Hamerly (2010), "Making k-means even faster": one upper bound u on the distance to the own centre and one lower bound
 * l on the distance to every other centre. Moving centres loosen the bounds by their shifts; a row needs distances only
 * when u exceeds max(l, s(a)), s(a) being half the distance from its centre to the nearest other centre.
 */
function assignHamerly(ws: KMeansWorkspace, rows: RowRange, trace: boolean): void {
  const { x, centers, shift, half, labels, upper, lower, chunkSums, chunkCounts, d, k, chunkRows, n } = ws
  const maxShift = ws.shiftStats[0]
  const otherMaxShift = ws.shiftStats[1]
  const argMaxShift = ws.shiftStats[2]
  const [c0, c1] = chunkSpan(ws, rows)
  for (let c = c0; c < c1; c++) {
    clearChunk(ws, c)
    const sumBase = c * k * d
    const countBase = c * k
    const start = c * chunkRows
    const end = Math.min(n, start + chunkRows)
    let changed = 0
    for (let i = start; i < end; i++) {
      const a = labels[i]
      let u = upper[i] + shift[a]
      let l = lower[i] - (a === argMaxShift ? otherMaxShift : maxShift)
      const hs = half[a]
      const m = hs > l ? hs : l
      if (u * SKIP_MARGIN > m) {
        u = Math.sqrt(sqDist(x, i * d, centers, a * d, d))
        if (u * SKIP_MARGIN > m) {
          const best = nearestTwo(x, i * d, centers, k, d)
          u = Math.sqrt(nearest[0])
          l = Math.sqrt(nearest[1])
          if (best !== a) {
            labels[i] = best
            changed++
            moveRow(x, i * d, d, chunkSums, chunkCounts, sumBase, countBase, a, best)
          }
        }
      }
      upper[i] = u
      lower[i] = l
    }
    ws.chunkChanged[c] = changed
    ws.chunkInertia[c] = trace ? rowsInertia(ws, start, end) : 0
  }
}

/** Sum of squared distances from rows [start, end) to their assigned centres, in row order. */
function rowsInertia(ws: KMeansWorkspace, start: number, end: number): number {
  const { x, centers, labels, d } = ws
  let s = 0
  for (let i = start; i < end; i++) s += sqDist(x, i * d, centers, labels[i] * d, d)
  return s
}

function inertia(ws: KMeansWorkspace, rows: RowRange): void {
  const [c0, c1] = chunkSpan(ws, rows)
  for (let c = c0; c < c1; c++) {
    ws.chunkInertia[c] = rowsInertia(ws, c * ws.chunkRows, Math.min(ws.n, (c + 1) * ws.chunkRows))
  }
}

function kppUpdate(ws: KMeansWorkspace, rows: RowRange, candidate: number, first: boolean): void {
  const { x, candidates, closest, d, chunkRows, n } = ws
  const cb = candidate * d
  const [c0, c1] = chunkSpan(ws, rows)
  for (let c = c0; c < c1; c++) {
    const end = Math.min(n, (c + 1) * chunkRows)
    let total = 0
    for (let i = c * chunkRows; i < end; i++) {
      const s = sqDist(x, i * d, candidates, cb, d)
      const v = first || s < closest[i] ? s : closest[i]
      closest[i] = v
      total += v
    }
    ws.chunkClosestSum[c] = total
  }
}

function kppTrials(ws: KMeansWorkspace, rows: RowRange, trials: number): void {
  const { x, candidates, closest, chunkPot, d, chunkRows, n } = ws
  const stride = ws.trials
  const [c0, c1] = chunkSpan(ws, rows)
  for (let c = c0; c < c1; c++) {
    const end = Math.min(n, (c + 1) * chunkRows)
    const pb = c * stride
    for (let t = 0; t < trials; t++) chunkPot[pb + t] = 0
    for (let i = c * chunkRows; i < end; i++) {
      const xb = i * d
      const ci = closest[i]
      for (let t = 0; t < trials; t++) {
        const s = sqDist(x, xb, candidates, t * d, d)
        chunkPot[pb + t] += s < ci ? s : ci
      }
    }
  }
}

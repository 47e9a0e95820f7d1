/**
 * Complete and average linkage by the nearest-neighbour chain on a condensed distance matrix with Lance–Williams
 * updates — SciPy's `nn_chain`, step for step. These two linkages cannot be computed from centroids, so they need all
 * n(n-1)/2 distances: O(n²) memory (8 bytes each), O(n²·d) time to build and O(n²) to cluster.
 */
import type { Matrix } from '../matrix'

export type CondensedMethod = 'complete' | 'average'

/** Index of pair (i, j), i < j, in SciPy's condensed (upper-triangle, row-major) layout. */
function condensedIndex(n: number, i: number, j: number): number {
  return n * i - (i * (i + 1)) / 2 + (j - i - 1)
}

export function condensedDistances(x: Matrix): Float64Array {
  const { rows: n, cols: d, data } = x
  const out = new Float64Array((n * (n - 1)) / 2)
  let e = 0
  for (let i = 0; i < n; i++) {
    const ib = i * d
    for (let j = i + 1; j < n; j++) {
      const jb = j * d
      let s = 0
      for (let t = 0; t < d; t++) {
        const u = data[ib + t] - data[jb + t]
        s += u * u
      }
      out[e++] = Math.sqrt(s)
    }
  }
  return out
}

export function condensedLinkageRaw(
  x: Matrix,
  method: CondensedMethod,
  onProgress?: (merged: number) => void,
): Float64Array {
  const n = x.rows
  const D = condensedDistances(x)
  const raw = new Float64Array((n - 1) * 4)
  const size = new Float64Array(n).fill(1)
  // Active clusters in increasing number: SciPy's ties go to the lowest number, and a sorted list keeps that for free.
  let active = new Int32Array(n)
  for (let i = 0; i < n; i++) active[i] = i
  let m = n
  const chain = new Int32Array(n)
  let len = 0
  const every = Math.max(1, Math.floor(n / 100))
  const dist = (i: number, j: number): number => (i < j ? D[condensedIndex(n, i, j)] : D[condensedIndex(n, j, i)])

  for (let k = 0; k < n - 1; k++) {
    if (len === 0) chain[len++] = active[0]
    let a: number
    let b: number
    let best: number
    for (;;) {
      a = chain[len - 1]
      const prev = len > 1 ? chain[len - 2] : -1
      best = prev >= 0 ? dist(a, prev) : Infinity
      b = prev
      // Row a of the triangle: a column walk for i < a, then one contiguous run for i > a.
      for (let p = 0; p < m; p++) {
        const i = active[p]
        if (i === a) continue
        const v = i < a ? D[condensedIndex(n, i, a)] : D[condensedIndex(n, a, i)]
        if (v < best) {
          best = v
          b = i
        }
      }
      if (len > 1 && b === prev) break
      chain[len++] = b
    }
    len -= 2

    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    const nlo = size[lo]
    const nhi = size[hi]
    raw[k * 4] = lo
    raw[k * 4 + 1] = hi
    raw[k * 4 + 2] = best
    size[lo] = 0
    size[hi] = nlo + nhi
    // Drop `lo` from the sorted active list.
    let w = 0
    for (let p = 0; p < m; p++) if (active[p] !== lo) active[w++] = active[p]
    m = w
    if (m < active.length >> 1) active = active.slice(0, m)
    // Lance–Williams: distances from the merged cluster (kept under `hi`) to every other active cluster.
    for (let p = 0; p < m; p++) {
      const i = active[p]
      if (i === hi) continue
      const il = i < lo ? condensedIndex(n, i, lo) : condensedIndex(n, lo, i)
      const ih = i < hi ? condensedIndex(n, i, hi) : condensedIndex(n, hi, i)
      D[ih] = method === 'complete' ? Math.max(D[il], D[ih]) : (nlo * D[il] + nhi * D[ih]) / (nlo + nhi)
    }
    if (onProgress && ((k + 1) % every === 0 || k === n - 2)) onProgress(k + 1)
  }
  return raw
}

/**
 * Single linkage as a minimum spanning tree grown by Prim's algorithm, distances computed on the fly: O(n²·d) time,
 * O(n·d) memory — where SciPy's `mst_single_linkage` first stores all n(n-1)/2 distances.
 *
 * The tree grows in the same order as SciPy's (start at row 0, each step adds the nearest outside row, the lowest row
 * number on ties) and records the same (last added, newly added, distance) triples, so after `finishLinkage` the result
 * equals SciPy's. Distances are compared squared and rooted once per merge; √ is monotone, so the minima are the same.
 */
import type { Matrix } from '../matrix'

export function singleLinkageRaw(x: Matrix, onProgress?: (merged: number) => void): Float64Array {
  const { rows: n, cols: d } = x
  const raw = new Float64Array((n - 1) * 4)
  // Rows not yet in the tree, packed at the front so the scan reads memory in order; position ↔ row via `ids`.
  const pts = Float64Array.from(x.data)
  const ids = new Int32Array(n)
  for (let i = 0; i < n; i++) ids[i] = i
  const best = new Float64Array(n).fill(Infinity)
  const cur = new Float64Array(d)
  let m = n

  let last = 0
  removeAt(0)
  const every = Math.max(1, Math.floor(n / 100))
  for (let step = 0; step < n - 1; step++) {
    cur.set(x.data.subarray(last * d, last * d + d))
    let minVal = Infinity
    let minPos = -1
    let p = 0
    // Four outside rows at a time: each loaded coordinate of `cur` feeds four independent sums.
    for (; p + 3 < m; p += 4) {
      const o = p * d
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      for (let t = 0; t < d; t++) {
        const c = cur[t]
        let u = pts[o + t] - c
        s0 += u * u
        u = pts[o + d + t] - c
        s1 += u * u
        u = pts[o + 2 * d + t] - c
        s2 += u * u
        u = pts[o + 3 * d + t] - c
        s3 += u * u
      }
      if (s0 < best[p]) best[p] = s0
      if (s1 < best[p + 1]) best[p + 1] = s1
      if (s2 < best[p + 2]) best[p + 2] = s2
      if (s3 < best[p + 3]) best[p + 3] = s3
      for (let q = p; q < p + 4; q++) {
        const v = best[q]
        if (v < minVal || (v === minVal && ids[q] < ids[minPos])) {
          minVal = v
          minPos = q
        }
      }
    }
    for (; p < m; p++) {
      const o = p * d
      let s = 0
      for (let t = 0; t < d; t++) {
        const u = pts[o + t] - cur[t]
        s += u * u
      }
      if (s < best[p]) best[p] = s
      const v = best[p]
      if (v < minVal || (v === minVal && ids[p] < ids[minPos])) {
        minVal = v
        minPos = p
      }
    }
    const next = ids[minPos]
    raw[step * 4] = last
    raw[step * 4 + 1] = next
    raw[step * 4 + 2] = Math.sqrt(minVal)
    last = next
    removeAt(minPos)
    if (onProgress && ((step + 1) % every === 0 || step === n - 2)) onProgress(step + 1)
  }
  return raw

  function removeAt(pos: number): void {
    m--
    if (pos !== m) {
      pts.copyWithin(pos * d, m * d, m * d + d)
      ids[pos] = ids[m]
      best[pos] = best[m]
    }
  }
}

/**
 * Ward linkage by the nearest-neighbour chain (Murtagh 1983; Müllner 2011, "Modern hierarchical, agglomerative
 * clustering algorithms") over cluster centroids instead of a distance matrix: O(n²·d) time, O(n·d) memory.
 *
 * Ward's distance between clusters A and B is √(2·|A||B|/(|A|+|B|))·‖c_A − c_B‖ — what SciPy's Lance–Williams update
 * produces from Euclidean distances, so the heights equal SciPy's. Ward's distance is reducible, which is what makes
 * the chain correct: a merge never brings a cluster closer to a third one. The chain follows SciPy's `nn_chain` (start
 * from the lowest active cluster, prefer the previous chain element on ties, else the lowest cluster number) so that
 * without ties the merges are SciPy's too.
 */
import type { Matrix } from '../matrix'

export function wardLinkageRaw(x: Matrix, onProgress?: (merged: number) => void): Float64Array {
  const { rows: n, cols: d } = x
  const raw = new Float64Array((n - 1) * 4)
  // Active clusters packed at the front: centroid, size and cluster number (a representative row) per position.
  const cent = Float64Array.from(x.data)
  const size = new Float64Array(n).fill(1)
  const idAt = new Int32Array(n)
  const posOf = new Int32Array(n)
  for (let i = 0; i < n; i++) idAt[i] = posOf[i] = i
  let m = n
  const chain = new Int32Array(n)
  let len = 0
  let lowestActive = 0
  const xc = new Float64Array(d)
  const every = Math.max(1, Math.floor(n / 100))

  for (let k = 0; k < n - 1; k++) {
    if (len === 0) {
      while (posOf[lowestActive] < 0) lowestActive++
      chain[len++] = lowestActive
    }
    let a: number
    let b: number
    let best: number
    for (;;) {
      a = chain[len - 1]
      const pa = posOf[a]
      const na = size[pa]
      xc.set(cent.subarray(pa * d, pa * d + d))
      const prev = len > 1 ? chain[len - 2] : -1
      best = Infinity
      b = -1
      if (prev >= 0) {
        const pp = posOf[prev]
        best = wardSq(cent, pp * d, xc, d, size[pp], na)
        b = prev
      }
      // Four candidates at a time: each loaded centroid coordinate of `a` feeds four independent sums.
      let p = 0
      for (; p + 3 < m; p += 4) {
        const o = p * d
        let s0 = 0
        let s1 = 0
        let s2 = 0
        let s3 = 0
        for (let t = 0; t < d; t++) {
          const c = xc[t]
          let u = cent[o + t] - c
          s0 += u * u
          u = cent[o + d + t] - c
          s1 += u * u
          u = cent[o + 2 * d + t] - c
          s2 += u * u
          u = cent[o + 3 * d + t] - c
          s3 += u * u
        }
        // Weight each squared distance by |A||B|/(|A|+|B|); `a` itself gets +∞ so it never wins.
        let nb = size[p]
        const w0 = p === pa ? Infinity : s0 * ((nb * na) / (nb + na))
        nb = size[p + 1]
        const w1 = p + 1 === pa ? Infinity : s1 * ((nb * na) / (nb + na))
        nb = size[p + 2]
        const w2 = p + 2 === pa ? Infinity : s2 * ((nb * na) / (nb + na))
        nb = size[p + 3]
        const w3 = p + 3 === pa ? Infinity : s3 * ((nb * na) / (nb + na))
        // Cheap reject of the whole group first; SciPy's tie rule (keep the previous chain element, else the lowest
        // cluster number) only matters when a value equals the best so far.
        if (w0 > best && w1 > best && w2 > best && w3 > best) continue
        if (w0 < best || (w0 === best && b !== prev && idAt[p] < b)) {
          best = w0
          b = idAt[p]
        }
        if (w1 < best || (w1 === best && b !== prev && idAt[p + 1] < b)) {
          best = w1
          b = idAt[p + 1]
        }
        if (w2 < best || (w2 === best && b !== prev && idAt[p + 2] < b)) {
          best = w2
          b = idAt[p + 2]
        }
        if (w3 < best || (w3 === best && b !== prev && idAt[p + 3] < b)) {
          best = w3
          b = idAt[p + 3]
        }
      }
      for (; p < m; p++) {
        if (p === pa) continue
        const w = wardSq(cent, p * d, xc, d, size[p], na)
        if (w < best || (w === best && b !== prev && idAt[p] < b)) {
          best = w
          b = idAt[p]
        }
      }
      if (b === prev) break
      chain[len++] = b
    }
    len -= 2

    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    const plo = posOf[lo]
    const phi = posOf[hi]
    const nlo = size[plo]
    const nhi = size[phi]
    raw[k * 4] = lo
    raw[k * 4 + 1] = hi
    raw[k * 4 + 2] = Math.sqrt(2 * best)
    // Like SciPy, the merged cluster keeps the higher number; the lower one disappears.
    const total = nlo + nhi
    for (let t = 0; t < d; t++) cent[phi * d + t] = (nlo * cent[plo * d + t] + nhi * cent[phi * d + t]) / total
    size[phi] = total
    removeAt(plo)
    posOf[lo] = -1
    if (onProgress && ((k + 1) % every === 0 || k === n - 2)) onProgress(k + 1)
  }
  return raw

  function removeAt(pos: number): void {
    m--
    if (pos !== m) {
      cent.copyWithin(pos * d, m * d, m * d + d)
      size[pos] = size[m]
      idAt[pos] = idAt[m]
      posOf[idAt[pos]] = pos
    }
  }
}

/** Half of Ward's squared distance: |A||B|/(|A|+|B|)·‖c_A − c_B‖² (the factor 2 is applied to the chosen minimum). */
function wardSq(cent: Float64Array, cb: number, xc: Float64Array, d: number, nb: number, na: number): number {
  let s = 0
  for (let t = 0; t < d; t++) {
    const u = cent[cb + t] - xc[t]
    s += u * u
  }
  return s * ((nb * na) / (nb + na))
}

/**
 * The last step every linkage algorithm shares with SciPy (`scipy/cluster/_hierarchy.pyx`): merges recorded as pairs of
 * representative rows are sorted by height (stable, like NumPy's mergesort) and renamed with a union-find so that
 * merge i creates cluster n + i and each pair is written [smaller id, larger id]. Producing the same convention as
 * `scipy.cluster.hierarchy.linkage` lets users and tests compare with SciPy row by row.
 */
import type { Matrix } from '../matrix'

/**
 * `raw` holds n - 1 rows of [row a, row b, height, ignored] where a and b are any rows inside the two merged clusters
 * (the algorithms use one representative row per cluster). Returns the SciPy-style (n - 1) × 4 linkage matrix.
 */
export function finishLinkage(raw: Float64Array, n: number): Matrix {
  const m = n - 1
  const order = new Int32Array(m)
  for (let i = 0; i < m; i++) order[i] = i
  // Array.prototype.sort is stable, but the index tie-break makes the intent explicit.
  order.sort((a, b) => raw[a * 4 + 2] - raw[b * 4 + 2] || a - b)

  const parent = new Int32Array(2 * n - 1)
  const size = new Float64Array(2 * n - 1)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  for (let i = 0; i < n; i++) size[i] = 1
  const find = (v: number): number => {
    let root = v
    while (parent[root] !== root) root = parent[root]
    while (parent[v] !== root) {
      const next = parent[v]
      parent[v] = root
      v = next
    }
    return root
  }

  const out = new Float64Array(m * 4)
  for (let r = 0; r < m; r++) {
    const src = order[r] * 4
    const a = find(raw[src])
    const b = find(raw[src + 1])
    const id = n + r
    parent[a] = id
    parent[b] = id
    size[id] = size[a] + size[b]
    out[r * 4] = Math.min(a, b)
    out[r * 4 + 1] = Math.max(a, b)
    out[r * 4 + 2] = raw[src + 2]
    out[r * 4 + 3] = size[id]
  }
  return { data: out, rows: m, cols: 4 }
}

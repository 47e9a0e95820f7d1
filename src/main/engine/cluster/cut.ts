/**
 * Flat segments from a linkage matrix, like SciPy's `fcluster`.
 *
 * Labels are 0-based and numbered in order of first appearance in row order: the segment of row 0 is 0, the next
 * new segment met going down the rows is 1, and so on — so the same partition always gets the same labels.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'

/** Check the shape and ids of a SciPy-style linkage matrix; returns n, the number of input rows. */
export function checkLinkage(z: Matrix): number {
  if (z.cols !== 4 || z.data.length !== z.rows * 4) {
    throw new UserError('The dendrogram data is malformed.', {
      detail: `linkage is ${z.rows}×${z.cols}`,
      code: 'invalid-linkage',
    })
  }
  const n = z.rows + 1
  for (let i = 0; i < z.rows; i++) {
    const a = z.data[i * 4]
    const b = z.data[i * 4 + 1]
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n + i || b >= n + i || a === b) {
      throw new UserError('The dendrogram data is malformed.', {
        detail: `merge ${i} joins ${a} and ${b}; ids must be below ${n + i}`,
        code: 'invalid-linkage',
      })
    }
  }
  return n
}

/**
 * Exactly `k` segments: undo the last k - 1 merges. Unlike `fcluster(Z, k, 'maxclust')`, which cuts at a height and
 * may return fewer than k segments when merges tie, this always returns k.
 */
export function cutByK(z: Matrix, k: number): Int32Array {
  const n = checkLinkage(z)
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new UserError(`The number of segments must be a whole number from 1 to ${n}; got ${k}.`, {
      code: 'invalid-k',
    })
  }
  return applyMerges(z, n, n - k)
}

/**
 * Segments whose members all merged at or below `height` (`fcluster(Z, height, 'distance')`). Merge heights must not
 * decrease down the matrix, which holds for the four linkages the engine produces.
 */
export function cutByHeight(z: Matrix, height: number): Int32Array {
  const n = checkLinkage(z)
  if (Number.isNaN(height)) throw new UserError('The cut height must be a number.', { code: 'invalid-option' })
  let merges = 0
  while (merges < z.rows && z.data[merges * 4 + 2] <= height) merges++
  return applyMerges(z, n, merges)
}

function applyMerges(z: Matrix, n: number, merges: number): Int32Array {
  // Each cluster id points at the cluster it was merged into; roots are the segments.
  const parent = new Int32Array(2 * n - 1)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  for (let i = 0; i < merges; i++) {
    parent[z.data[i * 4]] = n + i
    parent[z.data[i * 4 + 1]] = n + i
  }
  const labelOfRoot = new Int32Array(2 * n - 1).fill(-1)
  const labels = new Int32Array(n)
  let next = 0
  for (let r = 0; r < n; r++) {
    let root = r
    while (parent[root] !== root) root = parent[root]
    // Compress so later rows of the same segment stop early.
    let v = r
    while (parent[v] !== root) {
      const up = parent[v]
      parent[v] = root
      v = up
    }
    if (labelOfRoot[root] < 0) labelOfRoot[root] = next++
    labels[r] = labelOfRoot[root]
  }
  return labels
}

import type { Matrix } from '../../matrix'
import { silhouettePairSums } from '../../metrics/silhouette'

export interface SilhouetteDetail {
  /** Silhouette of each row (scikit-learn's silhouette_samples; singletons 0). */
  readonly values: Float64Array
  /** The other segment whose rows are on average closest to each row (the silhouette's "b"), −1 when k < 2. */
  readonly nearest: Int32Array
  /** Mean silhouette per segment; null for a segment with no rows. */
  readonly bySegment: (number | null)[]
}

/**
 * Silhouettes and, for each row, the segment it would otherwise belong to: what "borderline customers" are made of.
 * Labels are segment numbers 0..k−1 (segments may be empty in a sample). O(n²·d): callers pass a sample on large data.
 */
export function silhouetteDetail(x: Matrix, labels: Int32Array, k: number): SilhouetteDetail {
  const n = x.rows
  if (labels.length !== n) throw new RangeError(`${labels.length} labels were given for ${n} rows.`)
  const sizes = new Float64Array(k)
  for (let i = 0; i < n; i++) {
    const s = labels[i]
    if (!(s >= 0 && s < k)) throw new RangeError(`Row ${i + 1} has segment ${s}; segments are 0 to ${k - 1}.`)
    sizes[s]++
  }
  const sums = new Float64Array(n * k)
  silhouettePairSums(x, labels, k, { start: 0, end: n }, sums)
  const values = new Float64Array(n)
  const nearest = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    const own = labels[i]
    const a = sums[i * k + own] / (sizes[own] - 1)
    let b = Infinity
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue
      const v = sums[i * k + c] / sizes[c]
      if (v < b) {
        b = v
        nearest[i] = c
      }
    }
    const s = (b - a) / Math.max(a, b)
    values[i] = Number.isFinite(s) ? s : 0
  }
  const total = new Float64Array(k)
  for (let i = 0; i < n; i++) total[labels[i]] += values[i]
  const bySegment = Array.from(total, (t, s) => (sizes[s] > 0 ? t / sizes[s] : null))
  return { values, nearest, bySegment }
}

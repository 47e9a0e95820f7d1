import type { CategoryProfile, CategoryShare, FeatureSeparation } from '../../../../shared/domain/understand'

/**
 * One categorical column across the segments of a run: per segment the shares of the column's most frequent
 * categories against their overall shares, and for the column Cramér's V of the segment × category table.
 *
 * Missing values (null) are left out: shares are of the rows that have a category. V uses every category, not only
 * the ones listed, and only the segments with at least one categorised row, so it equals
 * `scipy.stats.contingency.association(table, method='cramer')` (χ² without continuity correction) on that table.
 *
 * A segment without categorised rows lists each category at share 0 and lift null: there is nothing to compare.
 *
 * Complexity: O(n) to count plus O(k · c) for the table of c categories, and O(c log c) to rank them.
 */

/** At most this many categories are listed per column; the rest still count for Cramér's V. */
export const MAX_LISTED_CATEGORIES = 12

export interface CategoryColumnProfile {
  /** One entry per segment, segment 0 first. */
  readonly bySegment: readonly CategoryProfile[]
  readonly separation: FeatureSeparation
}

/** Labels must be whole numbers in 0..k−1 and as long as `values`; `profileSegments` checks both at the door. */
export function categoryProfile(
  name: string,
  values: readonly (string | null)[],
  labels: Int32Array,
  k: number,
): CategoryColumnProfile {
  if (values.length !== labels.length)
    throw new RangeError(`Column "${name}" has ${values.length} values but there are ${labels.length} labels.`)
  const codes = new Map<string, number>()
  const categories: string[] = []
  const rowCode = new Int32Array(values.length).fill(-1)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === null) continue
    let code = codes.get(v)
    if (code === undefined) {
      code = categories.length
      codes.set(v, code)
      categories.push(v)
    }
    rowCode[i] = code
  }
  const c = categories.length
  // Segment × category counts, row-major; c is small next to n for any column worth profiling.
  const table = new Float64Array(k * c)
  const rowTotals = new Float64Array(k)
  const colTotals = new Float64Array(c)
  let n = 0
  for (let i = 0; i < values.length; i++) {
    const code = rowCode[i]
    if (code < 0) continue
    table[labels[i] * c + code]++
    rowTotals[labels[i]]++
    colTotals[code]++
    n++
  }
  // Most frequent first; equal counts in code-point order of the name, so the list never depends on row order or locale.
  const listed = Array.from({ length: c }, (_, code) => code)
    .sort((a, b) => colTotals[b] - colTotals[a] || compare(categories[a], categories[b]))
    .slice(0, MAX_LISTED_CATEGORIES)
  const bySegment: CategoryProfile[] = []
  for (let j = 0; j < k; j++) {
    const shares: CategoryShare[] = listed.map((code) => {
      const overallShare = colTotals[code] / n
      if (rowTotals[j] === 0) return { category: categories[code], share: 0, overallShare, lift: null }
      const share = table[j * c + code] / rowTotals[j]
      return { category: categories[code], share, overallShare, lift: share / overallShare }
    })
    bySegment.push({ feature: name, shares })
  }
  return {
    bySegment,
    separation: {
      feature: name,
      kind: 'category',
      eta2: null,
      f: null,
      cramersV: cramersV(table, rowTotals, colTotals, n),
    },
  }
}

/**
 * V = √(χ² / (n · (min(r, c) − 1))) over the r non-empty rows (every category column is non-empty by construction).
 * Null when the table has fewer than two rows or columns: V is 0/0 there.
 */
function cramersV(table: Float64Array, rowTotals: Float64Array, colTotals: Float64Array, n: number): number | null {
  const k = rowTotals.length
  const c = colTotals.length
  let rows = 0
  for (let j = 0; j < k; j++) if (rowTotals[j] > 0) rows++
  if (rows < 2 || c < 2) return null
  let chi2 = 0
  for (let j = 0; j < k; j++) {
    if (rowTotals[j] === 0) continue
    for (let m = 0; m < c; m++) {
      const expected = (rowTotals[j] * colTotals[m]) / n
      const d = table[j * c + m] - expected
      chi2 += (d * d) / expected
    }
  }
  return Math.min(1, Math.sqrt(chi2 / (n * (Math.min(rows, c) - 1))))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * How many distinct values a number column has, and its `topK` most frequent values — by count, then by first
 * appearance in the column, as counting them in a Map in row order gives — read from the column's sorted present
 * values, where equal values stand together: no Map of up to a million numbers per column. −0 counts as 0.
 */
export function numberCounts(
  values: Float64Array,
  sorted: Float64Array,
  topK: number,
): { distinct: number; top: { value: number; count: number }[] } {
  const runValues: number[] = []
  const runCounts: number[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i + 1
    while (j < sorted.length && sorted[j] === sorted[i]) j++
    runValues.push(sorted[i] === 0 ? 0 : sorted[i])
    runCounts.push(j - i)
    i = j
  }
  const distinct = runValues.length
  const wanted = Math.min(topK, distinct)
  if (wanted === 0) return { distinct, top: [] }
  // The count the last of the top values has: all values above it are in, and those at it by first appearance.
  const threshold = Int32Array.from(runCounts).sort()[distinct - wanted]
  let above = 0
  for (const c of runCounts) if (c > threshold) above++
  let atThreshold = wanted - above
  const chosen = new Map<number, { value: number; count: number; first: number }>()
  for (let i = 0; i < values.length && (above > 0 || atThreshold > 0); i++) {
    const v = values[i]
    if (v !== v) continue
    const value = v === 0 ? 0 : v
    if (chosen.has(value)) continue
    const count = runCounts[runIndex(runValues, value)]
    if (count > threshold) above--
    else if (count === threshold && atThreshold > 0) atThreshold--
    else continue
    chosen.set(value, { value, count, first: i })
  }
  return {
    distinct,
    top: [...chosen.values()]
      .sort((a, b) => b.count - a.count || a.first - b.first)
      .map(({ value, count }) => ({ value, count })),
  }
}

/** Index of `value` in the ascending distinct `runValues` (it is there). */
function runIndex(runValues: readonly number[], value: number): number {
  let lo = 0
  let hi = runValues.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (runValues[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

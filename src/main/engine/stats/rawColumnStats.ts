import type { ColumnStats } from '../../../shared/domain/dataset'

const TOP_VALUES = 5
/** Past this many distinct values a column is key-like; counting more would cost memory and say nothing new. */
const DISTINCT_CAP = 100_000
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/

interface Accumulator {
  count: number
  missing: number
  counts: Map<string, number>
  distinctCapped: boolean
  numeric: boolean
  n: number
  mean: number
  m2: number
  min: number
  max: number
}

/**
 * A quick, single-pass summary of raw text columns: missing values, distinct values, top values, and for columns whose
 * every value is a plain number, min/max/mean/std (Welford's update, so one pass and no loss of precision; std is the
 * sample standard deviation, n − 1).
 */
export function createRawColumnStats(names: readonly string[]) {
  const acc: Accumulator[] = names.map(() => ({
    count: 0,
    missing: 0,
    counts: new Map(),
    distinctCapped: false,
    numeric: true,
    n: 0,
    mean: 0,
    m2: 0,
    min: Infinity,
    max: -Infinity,
  }))

  function add(rows: readonly (readonly (string | null)[])[]): void {
    for (const row of rows) {
      for (let j = 0; j < acc.length; j++) {
        const a = acc[j]
        const raw = row[j]
        a.count++
        const value = raw?.trim() ?? ''
        if (value === '') {
          a.missing++
          continue
        }
        const seen = a.counts.get(value)
        if (seen !== undefined) a.counts.set(value, seen + 1)
        else if (a.counts.size < DISTINCT_CAP) a.counts.set(value, 1)
        else a.distinctCapped = true
        if (a.numeric) {
          if (!PLAIN_NUMBER.test(value)) {
            a.numeric = false
            continue
          }
          const x = Number(value)
          a.n++
          const delta = x - a.mean
          a.mean += delta / a.n
          a.m2 += delta * (x - a.mean)
          if (x < a.min) a.min = x
          if (x > a.max) a.max = x
        }
      }
    }
  }

  function finish(): ColumnStats[] {
    return acc.map((a, j) => ({
      name: names[j],
      count: a.count,
      missing: a.missing,
      distinct: a.counts.size,
      numeric:
        a.numeric && a.n > 0
          ? { min: a.min, max: a.max, mean: a.mean, std: a.n > 1 ? Math.sqrt(a.m2 / (a.n - 1)) : 0 }
          : null,
      top: [...a.counts.entries()]
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, TOP_VALUES)
        .map(([value, count]) => ({ value, count })),
    }))
  }

  return { add, finish }
}

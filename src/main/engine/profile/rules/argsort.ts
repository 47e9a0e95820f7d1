/**
 * Stable argsort of float64 values: the row order a tree scans each feature in. On 100,000 values a comparator sort of
 * indices (`idx.sort((a, b) => v[a] - v[b])`) takes tens of milliseconds per feature; a least-significant-digit radix
 * sort on the values' bit patterns takes a few, and is stable, so equal values stay in row order.
 */

/** Below this many values the comparator sort is quicker than four passes over 65,536-bucket histograms. */
const RADIX_FROM = 4096
const DIGIT_BITS = 16
const BUCKETS = 1 << DIGIT_BITS

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * Row indices of `values` in ascending order of value, equal values by index; −0 comes before +0, which callers
 * comparing with `<=` treat as equal. Values must not be NaN. O(n) time for n ≥ 4,096 (O(n log n) below), O(n) memory.
 */
export function argsort(values: Float64Array): Int32Array {
  const n = values.length
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  if (n < RADIX_FROM) return order.sort((a, b) => values[a] - values[b] || a - b)

  // IEEE 754 bits read as an unsigned 64-bit integer sort like the numbers once negatives have every bit flipped and
  // non-negatives only the sign bit.
  const bits = new Uint32Array(Float64Array.from(values).buffer)
  const hiAt = littleEndian ? 1 : 0
  const keys = [new Uint32Array(n), new Uint32Array(n)] // [low word, high word]
  for (let i = 0; i < n; i++) {
    const hi = bits[2 * i + hiAt]
    const lo = bits[2 * i + 1 - hiAt]
    const negative = hi >>> 31 === 1
    keys[0][i] = negative ? ~lo >>> 0 : lo
    keys[1][i] = negative ? ~hi >>> 0 : (hi | 0x80000000) >>> 0
  }

  let from = order
  let to = new Int32Array(n)
  const counts = new Int32Array(BUCKETS)
  for (let pass = 0; pass < 4; pass++) {
    const key = keys[pass >> 1]
    const shift = (pass & 1) * DIGIT_BITS
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[(key[i] >>> shift) & (BUCKETS - 1)]++
    // Every value has the same digit here (common in the low words of small integers): nothing to reorder.
    if (counts[(key[0] >>> shift) & (BUCKETS - 1)] === n) continue
    let sum = 0
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]
      counts[b] = sum
      sum += c
    }
    for (let i = 0; i < n; i++) {
      const row = from[i]
      to[counts[(key[row] >>> shift) & (BUCKETS - 1)]++] = row
    }
    const swap = from
    from = to
    to = swap
  }
  return from
}

import type { Rng } from '../../random'

/**
 * A seeded sample of `size` of `n` row numbers, in increasing order (partial Fisher–Yates); every row when n ≤ size.
 * Sorted so that a sampled table reads in the order of the original.
 */
export function sampleRows(n: number, size: number, rng: Rng): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i)
  const pool = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < size; i++) {
    const j = i + rng.nextInt(n - i)
    const t = pool[i]
    pool[i] = pool[j]
    pool[j] = t
  }
  return pool.slice(0, size).sort()
}

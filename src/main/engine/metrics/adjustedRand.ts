/**
 * Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions"): agreement of two partitions of the same rows,
 * 1 for identical partitions (whatever the label names), about 0 for independent ones, possibly negative.
 * Computed from the pair-confusion matrix exactly as scikit-learn's `adjusted_rand_score`; pair counts are exact
 * integers (BigInt), so the result is correct to rounding even for millions of rows. O(n) time.
 */
import { UserError } from '../../../shared/errors'
import { encodeLabels } from './labels'

export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new UserError(`The two labellings cover different numbers of rows (${a.length} and ${b.length}).`, {
      code: 'invalid-labels',
    })
  }
  const n = a.length
  if (n === 0) return 1
  const ea = encodeLabels(a, n, 'The first labelling')
  const eb = encodeLabels(b, n, 'The second labelling')

  // Σ n_ij² over the contingency table: dense when small, hashed otherwise.
  let sumSquares = 0n
  const cells = ea.m * eb.m
  if (cells <= 1 << 22) {
    const table = new Float64Array(cells)
    for (let i = 0; i < n; i++) table[ea.codes[i] * eb.m + eb.codes[i]]++
    for (let c = 0; c < cells; c++) if (table[c] > 0) sumSquares += BigInt(table[c]) ** 2n
  } else {
    const table = new Map<number, number>()
    for (let i = 0; i < n; i++) {
      const key = ea.codes[i] * eb.m + eb.codes[i]
      table.set(key, (table.get(key) ?? 0) + 1)
    }
    for (const v of table.values()) sumSquares += BigInt(v) ** 2n
  }
  let sumA = 0n
  for (let c = 0; c < ea.m; c++) sumA += BigInt(ea.sizes[c]) ** 2n
  let sumB = 0n
  for (let c = 0; c < eb.m; c++) sumB += BigInt(eb.sizes[c]) ** 2n

  // scikit-learn's pair_confusion_matrix (ordered pairs, hence the factor 2 everywhere).
  const N = BigInt(n)
  const tp = sumSquares - N
  const fp = sumB - sumSquares
  const fn = sumA - sumSquares
  const tn = N * N - fp - fn - sumSquares
  if (fn === 0n && fp === 0n) return 1
  const num = 2n * (tp * tn - fn * fp)
  const den = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn)
  return Number(num) / Number(den)
}

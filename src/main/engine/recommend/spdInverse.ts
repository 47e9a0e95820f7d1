/**
 * Inverse of a symmetric positive-definite n × n matrix (row-major, only the lower triangle read) through its
 * Cholesky factor A = L Lᵀ: M = L⁻¹ by forward substitution, then A⁻¹ = Mᵀ M. About n³/2 multiply-adds, every inner
 * loop over contiguous memory; memory 2 n² doubles (the input is overwritten by M). Throws when A is not positive
 * definite (a non-positive pivot), naming the pivot.
 *
 * `progress` is called with a fraction between steps, so a job can report while the n³ work runs.
 */
export function spdInverse(a: Float64Array, n: number, progress: (fraction: number) => void = () => {}): Float64Array {
  if (a.length !== n * n) throw new RangeError(`An ${n}×${n} matrix needs ${n * n} values; got ${a.length}.`)
  // 1. Cholesky–Banachiewicz, in place in the lower triangle: L[i][j] = (A[i][j] − ⟨L_i,:j, L_j,:j⟩) / L[j][j].
  for (let i = 0; i < n; i++) {
    const ri = i * n
    for (let j = 0; j <= i; j++) {
      const rj = j * n
      let s = a[ri + j]
      let k = 0
      for (; k + 3 < j; k += 4) {
        s -=
          a[ri + k] * a[rj + k] +
          a[ri + k + 1] * a[rj + k + 1] +
          a[ri + k + 2] * a[rj + k + 2] +
          a[ri + k + 3] * a[rj + k + 3]
      }
      for (; k < j; k++) s -= a[ri + k] * a[rj + k]
      if (i === j) {
        if (!(s > 0)) throw new RangeError(`The matrix is not positive definite (pivot ${i} is ${s}).`)
        a[ri + i] = Math.sqrt(s)
      } else {
        a[ri + j] = s / a[rj + j]
      }
    }
    if ((i & 255) === 0) progress((i / n) * 0.35)
  }
  // 2. M = L⁻¹, row by row: M_i = (e_i − Σ_{k<i} L[i][k] M_k) / L[i][i]; rows of M written into a fresh buffer.
  const m = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    const ri = i * n
    for (let k = 0; k < i; k++) {
      const l = a[ri + k]
      if (l === 0) continue
      const rk = k * n
      for (let j = 0; j <= k; j++) m[ri + j] -= l * m[rk + j]
    }
    const d = a[ri + i]
    for (let j = 0; j < i; j++) m[ri + j] /= d
    m[ri + i] = 1 / d
    if ((i & 255) === 0) progress(0.35 + (i / n) * 0.3)
  }
  // 3. A⁻¹ = Mᵀ M = Σ_k M_kᵀ M_k (rank-1 updates of the lower triangle), then mirrored. `a` is reused for the result.
  a.fill(0)
  for (let k = 0; k < n; k++) {
    const rk = k * n
    for (let i = 0; i <= k; i++) {
      const v = m[rk + i]
      if (v === 0) continue
      const ri = i * n
      for (let j = 0; j <= i; j++) a[ri + j] += v * m[rk + j]
    }
    if ((k & 255) === 0) progress(0.65 + (k / n) * 0.35)
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[j * n + i] = a[i * n + j]
  progress(1)
  return a
}

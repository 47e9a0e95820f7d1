/**
 * Eigen-decomposition of a small real symmetric matrix by the cyclic Jacobi method: plane rotations zero one
 * off-diagonal element at a time until none is left above rounding level. Slower than QR (O(d³) per sweep, some
 * 6–10 sweeps) but short, dependency-free and accurate to high relative precision on the positive semi-definite
 * covariance matrices PCA feeds it (Demmel & Veselić, "Jacobi's method is more accurate than QR", 1992). Meant for
 * d up to a few hundred. Reference: Golub & Van Loan, Matrix Computations, §8.5 (4th ed.).
 */

export interface Eigen {
  /** Eigenvalues, largest first. */
  readonly values: Float64Array
  /** Row-major d×d: row k is the unit eigenvector of `values[k]`. */
  readonly vectors: Float64Array
}

const EPS = 2.220446049250313e-16

/** `a` is row-major d×d and must be symmetric (only read, never written). */
export function symmetricEigen(a: Float64Array, d: number, maxSweeps = 100): Eigen {
  if (a.length !== d * d) throw new RangeError(`A ${d}×${d} matrix needs ${d * d} values; got ${a.length}.`)
  const m = Float64Array.from(a)
  const v = new Float64Array(d * d)
  for (let i = 0; i < d; i++) v[i * d + i] = 1
  let trace = 0
  for (let i = 0; i < d; i++) trace += Math.abs(m[i * d + i])
  // Absolute floor for elements of a (near) singular matrix, where the relative test alone would chase denormals.
  const floor = EPS * EPS * Math.max(trace, Number.MIN_VALUE)

  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q]
        const app = m[p * d + p]
        const aqq = m[q * d + q]
        if (Math.abs(apq) <= floor || Math.abs(apq) <= 0.5 * EPS * Math.sqrt(Math.abs(app * aqq))) continue
        rotated = true
        // Smaller root of t² + 2tθ − 1 = 0: the rotation angle of at most 45°, which keeps the iteration stable.
        const theta = (aqq - app) / (2 * apq)
        const t =
          Math.abs(theta) > 1e150
            ? 1 / (2 * theta)
            : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(1 + theta * theta))
        const c = 1 / Math.sqrt(1 + t * t)
        const s = t * c
        for (let k = 0; k < d; k++) {
          const akp = m[k * d + p]
          const akq = m[k * d + q]
          m[k * d + p] = c * akp - s * akq
          m[k * d + q] = s * akp + c * akq
        }
        for (let k = 0; k < d; k++) {
          const apk = m[p * d + k]
          const aqk = m[q * d + k]
          m[p * d + k] = c * apk - s * aqk
          m[q * d + k] = s * apk + c * aqk
        }
        m[p * d + q] = 0
        m[q * d + p] = 0
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p]
          const vkq = v[k * d + q]
          v[k * d + p] = c * vkp - s * vkq
          v[k * d + q] = s * vkp + c * vkq
        }
      }
    }
    if (!rotated) return sorted(m, v, d)
  }
  throw new RangeError(`The eigenvalue computation did not converge in ${maxSweeps} sweeps.`)
}

/** Eigenvalues descending; eigenvectors (columns of v) transposed into rows in the same order. */
function sorted(m: Float64Array, v: Float64Array, d: number): Eigen {
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => m[j * d + j] - m[i * d + i] || i - j)
  const values = new Float64Array(d)
  const vectors = new Float64Array(d * d)
  order.forEach((src, k) => {
    values[k] = m[src * d + src]
    for (let i = 0; i < d; i++) vectors[k * d + i] = v[i * d + src]
  })
  return { values, vectors }
}

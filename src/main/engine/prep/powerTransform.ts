/**
 * Power transforms that make skewed columns more symmetric, with lambdas fitted by maximum likelihood exactly as
 * scikit-learn's PowerTransformer (1.2) does: Yeo & Johnson (2000) for any real values, Box & Cox (1964) for strictly
 * positive values, each lambda the minimiser of the negative log-likelihood found by Brent's method from the bracket
 * (−2, 2). Missing values (NaN) are ignored when fitting and stay missing.
 */
import { brentMinimize } from './brent'

const EPS = 2.220446049250313e-16 // np.spacing(1.0)

export function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) return Math.abs(lambda) < EPS ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda
  if (x < 0) return Math.abs(lambda - 2) > EPS ? -(Math.pow(-x + 1, 2 - lambda) - 1) / (2 - lambda) : -Math.log1p(-x)
  return NaN
}

export function yeoJohnsonInverse(y: number, lambda: number): number {
  if (y >= 0) return Math.abs(lambda) < EPS ? Math.expm1(y) : Math.pow(y * lambda + 1, 1 / lambda) - 1
  if (y < 0) return Math.abs(lambda - 2) > EPS ? 1 - Math.pow(-(2 - lambda) * y + 1, 1 / (2 - lambda)) : -Math.expm1(-y)
  return NaN
}

/** `scipy.special.boxcox`. */
export function boxCox(x: number, lambda: number): number {
  return lambda === 0 ? Math.log(x) : Math.expm1(lambda * Math.log(x)) / lambda
}

/** `scipy.special.inv_boxcox`. */
export function boxCoxInverse(y: number, lambda: number): number {
  return lambda === 0 ? Math.exp(y) : Math.exp(Math.log1p(lambda * y) / lambda)
}

/** The present (non-NaN) values. */
function present(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v))
}

/** Population variance, two passes; the likelihoods below use numpy's `var()` (divisor n). */
function variance(values: Float64Array): number {
  let mean = 0
  for (let i = 0; i < values.length; i++) mean += values[i]
  mean /= values.length
  let ss = 0
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) * (values[i] - mean)
  return ss / values.length
}

/** Maximum-likelihood Yeo-Johnson lambda (scikit-learn `PowerTransformer._yeo_johnson_optimize`). O(n) per evaluation. */
export function fitYeoJohnson(values: Float64Array): number {
  const x = present(values)
  const n = x.length
  let signedLogSum = 0
  for (let i = 0; i < n; i++) signedLogSum += Math.sign(x[i]) * Math.log1p(Math.abs(x[i]))
  const transformed = new Float64Array(n)
  const negLogLikelihood = (lambda: number): number => {
    for (let i = 0; i < n; i++) transformed[i] = yeoJohnson(x[i], lambda)
    const v = variance(transformed)
    // Reject lambdas that squash the data to a point (numpy's smallest normal float, as scikit-learn).
    if (!(v >= 2.2250738585072014e-308)) return Infinity
    return -(-(n / 2) * Math.log(v) + (lambda - 1) * signedLogSum)
  }
  return brentMinimize(negLogLikelihood, [-2, 2])
}

/** Maximum-likelihood Box-Cox lambda (`scipy.stats.boxcox_normmax(method='mle')`). Values must be positive. */
export function fitBoxCox(values: Float64Array): number {
  const x = present(values)
  const n = x.length
  const logs = x.map(Math.log)
  let logSum = 0
  for (let i = 0; i < n; i++) logSum += logs[i]
  const scaled = new Float64Array(n)
  const negLogLikelihood = (lambda: number): number => {
    // scipy drops the constant −1/λ offset: it leaves the variance unchanged and would cost precision.
    if (lambda === 0) scaled.set(logs)
    else for (let i = 0; i < n; i++) scaled[i] = Math.pow(x[i], lambda) / lambda
    return -((lambda - 1) * logSum - (n / 2) * Math.log(variance(scaled)))
  }
  return brentMinimize(negLogLikelihood, [-2, 2])
}

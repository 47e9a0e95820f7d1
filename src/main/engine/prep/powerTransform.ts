/**
 * Power transforms that make skewed columns more symmetric, with lambdas fitted by maximum likelihood exactly as
 * scikit-learn's PowerTransformer (1.2) does: Yeo & Johnson (2000) for any real values, Box & Cox (1964) for strictly
 * positive values, each lambda the minimiser of the negative log-likelihood found by Brent's method from the bracket
 * (−2, 2). Missing values (NaN) are ignored when fitting and stay missing.
 */
import { brentMinimize } from './brent'

const EPS = 2.220446049250313e-16 // np.spacing(1.0)

/**
 * scikit-learn's formulas, rewritten with expm1/log1p: (x + 1)^λ − 1 = expm1(λ·log1p(x)). Same function, but it keeps
 * its digits when λ is close to 0 (or 2), where the textbook form cancels catastrophically.
 */
export function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) return Math.abs(lambda) < EPS ? Math.log1p(x) : Math.expm1(lambda * Math.log1p(x)) / lambda
  if (x < 0)
    return Math.abs(lambda - 2) > EPS ? -Math.expm1((2 - lambda) * Math.log1p(-x)) / (2 - lambda) : -Math.log1p(-x)
  return NaN
}

export function yeoJohnsonInverse(y: number, lambda: number): number {
  if (y >= 0) return Math.abs(lambda) < EPS ? Math.expm1(y) : Math.expm1(Math.log1p(lambda * y) / lambda)
  if (y < 0)
    return Math.abs(lambda - 2) > EPS ? -Math.expm1(Math.log1p(-(2 - lambda) * y) / (2 - lambda)) : -Math.expm1(-y)
  return NaN
}

/**
 * Below this |λ| the product λ·log(x) loses its digits, so λ counts as 0 (scipy's `boxcox` threshold: ε divided by
 * the largest |log x| of a double).
 */
const BOX_COX_ZERO = 1e-19

/** `scipy.special.boxcox`. */
export function boxCox(x: number, lambda: number): number {
  return Math.abs(lambda) < BOX_COX_ZERO ? Math.log(x) : Math.expm1(lambda * Math.log(x)) / lambda
}

/** `scipy.special.inv_boxcox`, except that a tiny λ counts as 0 here too (scipy loses all digits there). */
export function boxCoxInverse(y: number, lambda: number): number {
  return Math.abs(lambda) < BOX_COX_ZERO ? Math.exp(y) : Math.exp(Math.log1p(lambda * y) / lambda)
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

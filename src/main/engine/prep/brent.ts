/**
 * One-dimensional minimisation as `scipy.optimize.brent(f, brack=(a, b))`: a downhill bracket search from the two
 * starting points (scipy's `bracket`, golden-ratio growth with parabolic extrapolation), then Brent's method
 * (parabolic interpolation with golden-section fallback). Ported step for step so that the power transforms find
 * the same maximum-likelihood lambdas as scikit-learn's PowerTransformer. Reference: R. P. Brent, "Algorithms for
 * Minimization without Derivatives" (1973), ch. 5; scipy/optimize/_optimize.py.
 */

const GOLD = 1.618034
const VERY_SMALL = 1e-21
const CGOLD = 0.381966
const MIN_TOL = 1.0e-11

/** Argument of a local minimum of `f`, to a relative precision `tol`. Throws if the bracket search runs away. */
export function brentMinimize(
  f: (x: number) => number,
  start: readonly [number, number],
  tol = 1.48e-8,
  maxIter = 500,
): number {
  const [xa0, xc0, xb0, , fb0] = bracket(f, start[0], start[1])
  let x = xb0
  let w = xb0
  let v = xb0
  let fx = fb0
  let fw = fb0
  let fv = fb0
  let a = Math.min(xa0, xc0)
  let b = Math.max(xa0, xc0)
  let deltax = 0
  let rat = 0
  for (let iter = 0; iter < maxIter; iter++) {
    const tol1 = tol * Math.abs(x) + MIN_TOL
    const tol2 = 2 * tol1
    const xmid = 0.5 * (a + b)
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x
      rat = CGOLD * deltax
    } else {
      const tmp1 = (x - w) * (fx - fv)
      let tmp2 = (x - v) * (fx - fw)
      let p = (x - v) * tmp2 - (x - w) * tmp1
      tmp2 = 2 * (tmp2 - tmp1)
      if (tmp2 > 0) p = -p
      tmp2 = Math.abs(tmp2)
      const dxTemp = deltax
      deltax = rat
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
        rat = p / tmp2
        const u = x + rat
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1
      } else {
        deltax = x >= xmid ? a - x : b - x
        rat = CGOLD * deltax
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat
    const fu = f(u)
    if (fu > fx) {
      if (u < x) a = u
      else b = u
      if (fu <= fw || w === x) {
        v = w
        w = u
        fv = fw
        fw = fu
      } else if (fu <= fv || v === x || v === w) {
        v = u
        fv = fu
      }
    } else {
      if (u >= x) a = x
      else b = x
      v = w
      w = x
      x = u
      fv = fw
      fw = fx
      fx = fu
    }
  }
  return x
}

/** scipy's `bracket`: returns [xa, xc, xb, fa, fb] with f(xb) below f(xa) and f(xc); the order matches scipy's. */
function bracket(
  f: (x: number) => number,
  xaIn: number,
  xbIn: number,
  growLimit = 110,
  maxIter = 1000,
): [number, number, number, number, number] {
  let xa = xaIn
  let xb = xbIn
  let fa = f(xa)
  let fb = f(xb)
  if (fa < fb) {
    ;[xa, xb] = [xb, xa]
    ;[fa, fb] = [fb, fa]
  }
  let xc = xb + GOLD * (xb - xa)
  let fc = f(xc)
  let iter = 0
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc)
    const tmp2 = (xb - xc) * (fb - fa)
    const val = tmp2 - tmp1
    const denom = Math.abs(val) < VERY_SMALL ? 2 * VERY_SMALL : 2 * val
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom
    const wlim = xb + growLimit * (xc - xb)
    if (iter > maxIter)
      throw new RangeError('The likelihood has no minimum within reach: the bracket search did not converge.')
    iter++
    let fw: number
    if ((w - xc) * (xb - w) > 0) {
      fw = f(w)
      if (fw < fc) return [xb, xc, w, fb, fw]
      if (fw > fb) return [xa, w, xb, fa, fb]
      w = xc + GOLD * (xc - xb)
      fw = f(w)
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim
      fw = f(w)
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = f(w)
      if (fw < fc) {
        xb = xc
        xc = w
        w = xc + GOLD * (xc - xb)
        fb = fc
        fc = fw
        fw = f(w)
      }
    } else {
      w = xc + GOLD * (xc - xb)
      fw = f(w)
    }
    xa = xb
    xb = xc
    xc = w
    fa = fb
    fb = fc
    fc = fw
  }
  return [xa, xc, xb, fa, fb]
}

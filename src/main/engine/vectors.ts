/** Element-wise a × b (amount = quantity × unit price); NaN where either is missing. */
export function elementwiseProduct(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length !== b.length) throw new RangeError(`Cannot multiply columns of ${a.length} and ${b.length} values.`)
  const out = new Float64Array(a.length)
  for (let i = 0; i < a.length; i++) out[i] = a[i] * b[i]
  return out
}

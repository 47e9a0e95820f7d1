import type { Reason, Scorer } from './scorer'

/**
 * A blend of two scorers (content and collaborative, the wizard's slider): each customer's scores are divided by
 * their largest finite value, then mixed as w · a + (1 − w) · b. The reason is the one of the part that contributes
 * more to that item.
 */
export class BlendScorer implements Scorer {
  readonly method = 'blend' as const
  readonly items: number
  private readonly bufA: Float64Array
  private readonly bufB: Float64Array
  private scaleA = 0
  private scaleB = 0
  private lastUser = -1

  constructor(
    readonly a: Scorer,
    readonly b: Scorer,
    readonly weight: number,
  ) {
    if (!(weight >= 0 && weight <= 1)) throw new RangeError(`The blend weight must be between 0 and 1; got ${weight}.`)
    if (a.items !== b.items) throw new RangeError('Blended scorers must rank the same items.')
    this.items = a.items
    this.bufA = new Float64Array(a.items)
    this.bufB = new Float64Array(a.items)
  }

  private compute(u: number): void {
    if (u === this.lastUser) return
    this.a.score(u, this.bufA)
    this.b.score(u, this.bufB)
    this.scaleA = scaleOf(this.bufA)
    this.scaleB = scaleOf(this.bufB)
    this.lastUser = u
  }

  score(u: number, out: Float64Array): void {
    this.lastUser = -1
    this.compute(u)
    const { bufA, bufB, weight, scaleA, scaleB } = this
    for (let j = 0; j < out.length; j++) {
      const a = Number.isFinite(bufA[j]) ? bufA[j] * scaleA : 0
      const b = Number.isFinite(bufB[j]) ? bufB[j] * scaleB : 0
      out[j] = weight * a + (1 - weight) * b
    }
  }

  reason(u: number, item: number): Reason {
    // At either end of the slider only one part speaks, even for items it scores 0.
    if (this.weight === 0) return this.b.reason(u, item)
    if (this.weight === 1) return this.a.reason(u, item)
    this.compute(u)
    const a = this.weight * this.bufA[item] * this.scaleA
    const b = (1 - this.weight) * this.bufB[item] * this.scaleB
    return a >= b ? this.a.reason(u, item) : this.b.reason(u, item)
  }
}

function scaleOf(values: Float64Array): number {
  let max = 0
  for (let j = 0; j < values.length; j++) if (Number.isFinite(values[j]) && values[j] > max) max = values[j]
  return max > 0 ? 1 / max : 0
}

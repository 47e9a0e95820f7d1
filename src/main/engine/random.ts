/**
 * Seeded pseudo-random numbers for the engine. Every stochastic step (k-means++ seeding, restarts, bootstrap samples,
 * silhouette sampling) draws from an `Rng` made here, so a run is reproducible from its seed alone — on any machine,
 * in any process, whatever the number of worker threads.
 *
 * Generator: xoshiro128** (Blackman & Vigna, 2018), 128-bit state, seeded through SplitMix32 so that nearby seeds give
 * unrelated streams. It is 32-bit throughout, which JavaScript does fast and exactly with `Math.imul` and `>>>`.
 */

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number
  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number
  /** Uniform integer in [0, n), unbiased (rejection sampling), for 1 ≤ n ≤ 2^32. */
  nextInt(n: number): number
  /** Standard normal deviate (Marsaglia's polar method). */
  nextNormal(): number
  /** A new, independent generator seeded from this one: hand one to each restart or replicate. */
  fork(): Rng
}

const TWO_POW_32 = 4294967296
const TWO_POW_53 = 9007199254740992

/** Any finite number is a valid seed; non-integers and negatives are folded into 32 bits deterministically. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`The random seed must be a finite number; got ${seed}.`)
  // Fold the whole double (not just its low 32 bits) so that seeds like 1 and 2^32 + 1 differ.
  const lo = seed >>> 0
  const hi = Math.floor(seed / TWO_POW_32) >>> 0
  let sm = (lo ^ Math.imul(hi, 0x9e3779b9)) >>> 0
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0
    let z = sm
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  const s = new Uint32Array([splitmix(), splitmix(), splitmix(), splitmix()])
  // xoshiro must never have an all-zero state.
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1
  return new Xoshiro128(s)
}

class Xoshiro128 implements Rng {
  private readonly s: Uint32Array
  private spareNormal = NaN

  constructor(state: Uint32Array) {
    this.s = state
  }

  nextUint32(): number {
    const s = this.s
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0
    const t = s[1] << 9
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 11)
    return result
  }

  nextFloat(): number {
    const a = this.nextUint32() >>> 5 // 27 bits
    const b = this.nextUint32() >>> 6 // 26 bits
    return (a * 67108864 + b) / TWO_POW_53
  }

  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`nextInt needs a whole number between 1 and 2^32; got ${n}.`)
    }
    // Reject the top sliver of the 32-bit range that would make some results more likely than others.
    const limit = TWO_POW_32 - (TWO_POW_32 % n)
    for (;;) {
      const x = this.nextUint32()
      if (x < limit) return x % n
    }
  }

  nextNormal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal
      this.spareNormal = NaN
      return z
    }
    for (;;) {
      const u = 2 * this.nextFloat() - 1
      const v = 2 * this.nextFloat() - 1
      const q = u * u + v * v
      if (q > 0 && q < 1) {
        const f = Math.sqrt((-2 * Math.log(q)) / q)
        this.spareNormal = v * f
        return u * f
      }
    }
  }

  fork(): Rng {
    // Two draws make the child's seed; the child's own SplitMix scrambling decorrelates it from this stream.
    return createRng(this.nextUint32() * TWO_POW_32 + this.nextUint32())
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

/** Fisher–Yates shuffle of 0..n-1. */
export function permutation(rng: Rng, n: number): Int32Array {
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1)
    const t = out[i]
    out[i] = out[j]
    out[j] = t
  }
  return out
}

/**
 * `m` distinct indices from 0..n-1, in increasing order (so a sample reads the data front to back).
 * Floyd's algorithm: O(m) draws and O(m) memory, whatever n is.
 */
export function sampleWithoutReplacement(rng: Rng, n: number, m: number): Int32Array {
  if (!Number.isInteger(m) || m < 0 || m > n) {
    throw new RangeError(`Cannot draw ${m} distinct rows from ${n}.`)
  }
  const chosen = new Set<number>()
  for (let j = n - m; j < n; j++) {
    const t = rng.nextInt(j + 1)
    chosen.add(chosen.has(t) ? j : t)
  }
  return Int32Array.from(chosen).sort()
}

/** `m` indices from 0..n-1 drawn with replacement (a bootstrap sample when m = n), in draw order. */
export function sampleWithReplacement(rng: Rng, n: number, m: number): Int32Array {
  const out = new Int32Array(m)
  for (let i = 0; i < m; i++) out[i] = rng.nextInt(n)
  return out
}

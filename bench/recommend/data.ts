/** Seeded synthetic data for the recommendation benchmarks: short product texts and customer × item purchases. */
import { createRng, type Rng } from '../../src/main/engine/random'

/** A Zipf-like draw from [0, n): low indices are much more frequent. */
function zipf(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rng.nextFloat() * Math.log(n + 1)) - 1))
}

/** `n` short texts of 3–8 words from a 3,000-word vocabulary (Zipf frequencies), like item descriptions. */
export function shortTexts(n: number, seed = 1): string[] {
  const rng = createRng(seed)
  const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x${(i * 7919) % 97}`)
  return Array.from({ length: n }, () => {
    const len = 3 + rng.nextInt(6)
    return Array.from({ length: len }, () => words[zipf(rng, words.length)]).join(' ')
  })
}

/**
 * Purchases with structure: each customer belongs to one of `groups` taste groups and buys mostly from that group's
 * items (Zipf within the group), sometimes anywhere. Returns distinct (customer, item) pairs.
 */
export function purchases(users: number, items: number, perUser: number, seed = 2, groups = 20) {
  const rng = createRng(seed)
  const user: number[] = []
  const item: number[] = []
  const seen = new Set<number>()
  const groupSize = Math.floor(items / groups)
  for (let u = 0; u < users; u++) {
    const g = rng.nextInt(groups)
    const n = Math.max(2, Math.round(perUser * (0.3 + 1.4 * rng.nextFloat())))
    seen.clear()
    for (let t = 0; t < n; t++) {
      const i = rng.nextFloat() < 0.8 ? g * groupSize + zipf(rng, groupSize) : zipf(rng, items)
      if (seen.has(i)) continue
      seen.add(i)
      user.push(u)
      item.push(i)
    }
  }
  return { user: Int32Array.from(user), item: Int32Array.from(item) }
}

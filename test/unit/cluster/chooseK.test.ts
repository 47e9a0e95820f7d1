import { describe, it, expect } from 'vitest'
import {
  assembleSweep,
  evaluateK,
  findKnee,
  recommendK,
  sweepK,
  sweepRange,
  adjustedRandIndex,
} from '../../../src/main/engine/cluster'
import type { KEvaluation, KSweep } from '../../../src/main/engine/cluster'
import { createRng } from '../../../src/main/engine/random'
import { blobs } from './helpers'

describe('Kneedle', () => {
  it('finds the knee of a hand-worked convex decreasing curve', () => {
    // x̂ = 0, .25, .5, .75, 1; 1 − ŷ = 0, .75, .875, .9375, 1; difference 0, .5, .375, .1875, 0.
    // Local maximum at x = 2 with threshold .5 − 1 × .25 = .25; the difference falls to .1875 < .25 two steps later.
    expect(findKnee([1, 2, 3, 4, 5], [10, 4, 3, 2.5, 2])).toBe(2)
  })

  it('needs a sharper drop when the sensitivity is higher', () => {
    // Same curve: with S = 2 the threshold is 0, never crossed before the end.
    expect(findKnee([1, 2, 3, 4, 5], [10, 4, 3, 2.5, 2], { sensitivity: 2 })).toBeNull()
  })

  it('handles the other curve shapes as kneed does (flipped curves read back to front)', () => {
    // Concave increasing: y = [0, 6, 7, 7.5, 8] is the mirror image of the example above → knee at x = 2.
    expect(findKnee([1, 2, 3, 4, 5], [0, 6, 7, 7.5, 8], { curve: 'concave', direction: 'increasing' })).toBe(2)
    // Convex increasing: the example reflected in x → knee at x = 4.
    expect(findKnee([1, 2, 3, 4, 5], [2, 2.5, 3, 4, 10], { curve: 'convex', direction: 'increasing' })).toBe(4)
  })

  it('finds no knee on straight, flat or too short curves', () => {
    expect(findKnee([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toBeNull()
    expect(findKnee([1, 2, 3], [2, 2, 2])).toBeNull()
    expect(findKnee([1, 2], [5, 1])).toBeNull()
    expect(() => findKnee([1, 1, 2], [3, 2, 1])).toThrow(/increasing x/)
  })
})

/** Four round groups of 200 at the corners of a square, 16 apart, spread 1. */
function fourCorners(): { x: { data: Float64Array; rows: number; cols: number }; labels: Int32Array } {
  const rng = createRng(21)
  const corners = [
    [-8, -8],
    [8, -8],
    [-8, 8],
    [8, 8],
  ]
  const data = new Float64Array(800 * 2)
  const labels = new Int32Array(800)
  for (let i = 0; i < 800; i++) {
    const c = i % 4
    labels[i] = c
    data[i * 2] = corners[c][0] + rng.nextNormal()
    data[i * 2 + 1] = corners[c][1] + rng.nextNormal()
  }
  return { x: { data, rows: 800, cols: 2 }, labels }
}

describe('sweep and recommendation on data with four clear groups', () => {
  const { x, labels } = fourCorners()
  const sweep = sweepK(x, { kMin: 2, kMax: 8, kmeans: { nInit: 4 } })

  it('measures every k and finds the elbow at 4', () => {
    expect(sweep.evaluations.map((e) => e.k)).toEqual([2, 3, 4, 5, 6, 7, 8])
    for (const e of sweep.evaluations) {
      expect(e.clusterSizes.reduce((s, v) => s + v, 0)).toBe(800)
      // Around the segment means, which can only be tighter than around the centres of the last k-means step.
      expect(e.withinSS).toBeLessThanOrEqual(e.inertia * (1 + 1e-12))
      expect(e.withinSS).toBeGreaterThan(e.inertia * 0.99)
      expect(e.silhouetteSampleSize).toBe(800)
    }
    for (let i = 1; i < sweep.evaluations.length; i++) {
      expect(sweep.evaluations[i].inertia).toBeLessThan(sweep.evaluations[i - 1].inertia)
    }
    expect(sweep.kneeK).toBe(4)
  })

  it('recommends 4 with every check agreeing, in plain words', () => {
    const rec = recommendK(sweep)
    expect(rec.k).toBe(4)
    expect(rec.votes).toEqual({ silhouette: 4, calinskiHarabasz: 4, daviesBouldin: 4, elbow: 4 })
    expect(rec.reason).toMatch(/^We suggest 4 segments for these 800 customers\. All 4 checks point here/)
    expect(rec.warnings).toEqual([])
  })

  it('returns the fitted model with each evaluation, and finds the true groups', () => {
    const { evaluation, model } = evaluateK(x, 4, { kmeans: { nInit: 4 } })
    expect(evaluation.k).toBe(4)
    expect(adjustedRandIndex(model.labels, labels)).toBe(1)
  })

  it('measures stability: near 1 for the true groups, lower for arbitrary cuts of structureless data', () => {
    const stable = evaluateK(x, 4, { kmeans: { nInit: 2 }, stability: { replicates: 4, seed: 3 } }).evaluation
      .stability!
    expect(stable.replicates).toHaveLength(4)
    expect(stable.meanAri).toBeGreaterThan(0.98)
    const rng = createRng(8)
    const noise = { data: Float64Array.from({ length: 600 * 2 }, () => rng.nextFloat()), rows: 600, cols: 2 }
    const shaky = evaluateK(noise, 7, { kmeans: { nInit: 1 }, stability: { replicates: 4, seed: 3 } }).evaluation
      .stability!
    expect(shaky.meanAri).toBeLessThan(stable.meanAri - 0.1)
  })

  it('assembles evaluations that arrive out of order (parallel jobs)', () => {
    const shuffled = [...sweep.evaluations].reverse()
    expect(assembleSweep(800, shuffled)).toEqual(sweep)
  })
})

function ev(k: number, over: Partial<KEvaluation>): KEvaluation {
  return {
    k,
    inertia: 100 / k,
    iterations: 5,
    clusterSizes: new Int32Array(k).fill(100),
    smallestShare: 1 / k,
    silhouette: 0.5,
    silhouetteSampleSize: 1000,
    calinskiHarabasz: 100,
    daviesBouldin: 1,
    withinSS: 100 / k,
    betweenSS: 10,
    ...over,
  }
}

describe('recommendK rules', () => {
  it('lets the majority win and says which checks disagree', () => {
    const sweep: KSweep = {
      n: 1000,
      kneeK: 5,
      evaluations: [
        ev(3, { silhouette: 0.61, calinskiHarabasz: 300, daviesBouldin: 0.9 }),
        ev(4, { silhouette: 0.55, calinskiHarabasz: 250, daviesBouldin: 0.7 }),
        ev(5, { silhouette: 0.5, calinskiHarabasz: 320, daviesBouldin: 0.8 }),
      ],
    }
    const rec = recommendK(sweep)
    expect(rec.votes).toEqual({ silhouette: 3, calinskiHarabasz: 5, daviesBouldin: 4, elbow: 5 })
    expect(rec.k).toBe(5)
    expect(rec.reason).toMatch(/2 of 4 checks point here/)
    expect(rec.warnings[0]).toBe(
      // The criteria are named as their charts are titled (one name per criterion, issue 17).
      'The checks do not all agree: Silhouette favours 3, Davies–Bouldin favours 4. Compare the segment profiles for those options before deciding.',
    )
  })

  it('breaks ties by silhouette, then prefers fewer segments', () => {
    const sweep: KSweep = {
      n: 1000,
      kneeK: null,
      evaluations: [
        ev(2, { silhouette: 0.4, calinskiHarabasz: 500, daviesBouldin: 0.9 }),
        ev(3, { silhouette: 0.45, calinskiHarabasz: 100, daviesBouldin: 0.5 }),
      ],
    }
    // 2 wins CH, 3 wins silhouette and DB.
    expect(recommendK(sweep).k).toBe(3)
    const tied: KSweep = { n: 1000, kneeK: null, evaluations: [ev(2, {}), ev(3, {})] }
    expect(recommendK(tied).k).toBe(2)
  })

  it('skips options with a segment under 1% of customers and says so', () => {
    const sweep: KSweep = {
      n: 10_000,
      kneeK: 6,
      evaluations: [ev(4, { silhouette: 0.5 }), ev(6, { silhouette: 0.7, smallestShare: 0.004 })],
    }
    const rec = recommendK(sweep)
    expect(rec.k).toBe(4)
    expect(rec.votes.elbow).toBeUndefined()
    expect(rec.warnings).toContain(
      'We did not consider 6 segments: one of their segments would hold less than 1.0% of customers.',
    )
  })

  it('warns when every option has a tiny segment, when groups overlap, and when segments are unstable', () => {
    const sweep: KSweep = {
      n: 5000,
      kneeK: null,
      evaluations: [
        ev(2, {
          smallestShare: 0.002,
          silhouette: 0.18,
          stability: { meanAri: 0.4, stdAri: 0.1, replicates: Float64Array.of(0.3, 0.5), sampleSize: 5000 },
        }),
      ],
    }
    const rec = recommendK(sweep)
    expect(rec.k).toBe(2)
    expect(rec.warnings.join('\n')).toMatch(/smallest holds only 0.2% of customers \(10\)/)
    expect(rec.warnings.join('\n')).toMatch(/overlap a lot \(silhouette 0.18\)/)
    expect(rec.warnings.join('\n')).toMatch(/stability 0.40 out of 1/)
  })
})

describe('sweep validation', () => {
  it('caps the range at rows - 1 and explains bad ranges', () => {
    expect(sweepRange(6)).toEqual([2, 3, 4, 5])
    expect(() => sweepRange(100, 1, 5)).toThrow(/at least 2; got 1/)
    expect(() => sweepRange(100, 5, 3)).toThrow(/\(3\) must be a whole number of at least 5/)
    expect(() => sweepRange(2)).toThrow(/2 rows are too few/)
    expect(() => evaluateK(blobs(10, 2, 2, 1).x, 10)).toThrow(/between 2 and 9 segments; got 10/)
  })
})

/**
 * Automatic prefers a number of segments a business can act on (3–8) unless the criteria clearly say otherwise
 * (issue 12), and says which happened. Sweeps are written by hand where the rule is the point, and measured on
 * generated customers where the criteria should clearly say 2.
 */
import { describe, expect, it } from 'vitest'
import { recommendK, sweepK } from '../../../src/main/engine/cluster'
import type { KEvaluation, KSweep } from '../../../src/main/engine/cluster'
import { createRng } from '../../../src/main/engine/random'

function ev(k: number, over: Partial<KEvaluation>): KEvaluation {
  return {
    k,
    inertia: 100 / k,
    iterations: 5,
    clusterSizes: new Int32Array(k).fill(100),
    smallestShare: 0.1,
    silhouette: 0.3,
    silhouetteSampleSize: 440,
    calinskiHarabasz: 100,
    daviesBouldin: 1.5,
    withinSS: 100 / k,
    betweenSS: 10,
    ...over,
  }
}

/** The wholesale sample after log transforms (values measured on it): 2 wins most checks but is weakly separated. */
const wholesaleLike: KSweep = {
  n: 440,
  kneeK: 5,
  evaluations: [
    ev(2, { silhouette: 0.29, calinskiHarabasz: 189, daviesBouldin: 1.352 }),
    ev(3, { silhouette: 0.259, calinskiHarabasz: 153, daviesBouldin: 1.339 }),
    ev(4, { silhouette: 0.188, calinskiHarabasz: 131, daviesBouldin: 1.541 }),
    ev(5, { silhouette: 0.2, calinskiHarabasz: 118, daviesBouldin: 1.511 }),
    ev(6, { silhouette: 0.192, calinskiHarabasz: 108, daviesBouldin: 1.427 }),
    ev(9, { silhouette: 0.197, calinskiHarabasz: 92, daviesBouldin: 1.336 }),
  ],
}

describe('the 3–8 preference', () => {
  it('changes nothing without a preferred range (the CLI contract)', () => {
    const rec = recommendK(wholesaleLike)
    expect(rec.k).toBe(2)
    expect(rec.criteriaK).toBe(2)
    expect(rec.within).toBeNull()
  })

  it('moves a weakly separated 2 into the range and says why, in the words of the charts', () => {
    const rec = recommendK(wholesaleLike, { preferred: [3, 8] })
    expect(rec.k).toBe(3)
    expect(rec.criteriaK).toBe(2)
    expect(rec.within).toEqual([3, 8])
    // Inside 3–8: Silhouette, Calinski–Harabasz and Davies–Bouldin point to 3, the elbow to 5.
    expect(rec.votes).toEqual({ silhouette: 3, calinskiHarabasz: 3, daviesBouldin: 3, elbow: 5 })
    expect(rec.reason).toBe(
      'We suggest 3 segments for these 440 customers. The checks alone lean to 2 (2 of 4 checks point there), but 2 ' +
        'segments are too few to act on and not clearly separated (Silhouette 0.29, under 0.5). Among 3 to 8 segments, ' +
        '3 of 4 checks point here: with 3 segments, customers are clearly closer to their own segment than to any other ' +
        '(Silhouette); segments are tight compared with the gaps between them (Calinski–Harabasz); and segments ' +
        'overlap least (Davies–Bouldin).',
    )
    expect(rec.warnings[0]).toBe(
      'The checks do not all agree: the elbow of Spread within segments favours 5. ' +
        'Compare the segment profiles for those options before deciding.',
    )
  })

  it('keeps 2 when the criteria clearly say 2', () => {
    const clear: KSweep = {
      n: 1000,
      kneeK: 2,
      evaluations: [
        ev(2, { silhouette: 0.72, calinskiHarabasz: 900, daviesBouldin: 0.4 }),
        ev(3, { silhouette: 0.55, calinskiHarabasz: 700, daviesBouldin: 0.7 }),
        ev(4, { silhouette: 0.45, calinskiHarabasz: 600, daviesBouldin: 0.8 }),
      ],
    }
    const rec = recommendK(clear, { preferred: [3, 8] })
    expect(rec.k).toBe(2)
    expect(rec.within).toBeNull()
    expect(rec.reason).toMatch(
      /^We suggest 2 segments for these 1,000 customers\. That is fewer than the 3 to 8 segments a business usually works with, but the checks clearly say 2: its segments are clearly separated \(Silhouette 0\.72, against at most 0\.55 with 3 to 8 segments\)\. All 4 checks point here/,
    )
  })

  it('moves a clearly separated 2 when an option in the range is almost as good, or most checks point elsewhere', () => {
    const close: KSweep = {
      n: 1000,
      kneeK: 2,
      evaluations: [ev(2, { silhouette: 0.6, calinskiHarabasz: 900 }), ev(3, { silhouette: 0.55 })],
    }
    const rec = recommendK(close, { preferred: [3, 8] })
    expect(rec.k).toBe(3)
    expect(rec.reason).toContain(
      'hardly better separated than with 3 to 8 segments (Silhouette 0.60 against 0.55, less than 0.1 apart)',
    )
    const minority: KSweep = {
      n: 1000,
      kneeK: null,
      evaluations: [
        ev(2, { silhouette: 0.7, calinskiHarabasz: 50, daviesBouldin: 2 }),
        ev(3, { silhouette: 0.4, calinskiHarabasz: 300, daviesBouldin: 1 }),
        ev(4, { silhouette: 0.3, calinskiHarabasz: 100, daviesBouldin: 0.5 }),
      ],
    }
    // One check each for 2, 3 and 4: 2 wins the tie on its silhouette, but that is not what most checks say.
    const moved = recommendK(minority, { preferred: [3, 8] })
    expect(moved.criteriaK).toBe(2)
    expect(moved.reason).toContain('not favoured by most checks')
    expect(moved.k).toBe(3)
  })

  it('moves too many segments down into the range', () => {
    const many: KSweep = {
      n: 5000,
      kneeK: null,
      evaluations: [ev(6, { silhouette: 0.3 }), ev(9, { silhouette: 0.35, calinskiHarabasz: 120, daviesBouldin: 1 })],
    }
    const rec = recommendK(many, { preferred: [3, 8] })
    expect(rec.k).toBe(6)
    expect(rec.reason).toContain('but 9 segments are too many to act on')
  })

  it('lets the criteria decide when the range holds no option that was considered', () => {
    const rec = recommendK(
      { n: 1000, kneeK: null, evaluations: [ev(2, { silhouette: 0.3 }), ev(3, { smallestShare: 0.001 })] },
      { preferred: [3, 8] },
    )
    expect(rec.k).toBe(2)
    expect(rec.reason).toBe(
      'We suggest 2 segments for these 1,000 customers. It is the only option tried in which every segment holds at least 1.0% of customers.',
    )
    expect(rec.excluded).toEqual([
      { k: 3, smallestShare: 0.001, reason: 'a segment would hold under 1.0% of customers' },
    ])
  })

  it('keeps 2 on two well-separated groups of generated customers', () => {
    const rng = createRng(5)
    const data = new Float64Array(400 * 2)
    for (let i = 0; i < 400; i++) {
      data[i * 2] = (i % 2 === 0 ? -10 : 10) + rng.nextNormal()
      data[i * 2 + 1] = rng.nextNormal()
    }
    const sweep = sweepK({ data, rows: 400, cols: 2 }, { kMin: 2, kMax: 8, kmeans: { nInit: 3 } })
    const rec = recommendK(sweep, { preferred: [3, 8] })
    expect(rec.k).toBe(2)
    expect(rec.reason).toMatch(/but the checks clearly say 2/)
  })
})

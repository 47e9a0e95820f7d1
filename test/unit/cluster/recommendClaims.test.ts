/**
 * The recommendation's words are checked against the sweep they describe (issue 17: "All 3 checks point here" was
 * said of a k that was the worst on every chart). The sentences are parsed and every claim in them — which k the
 * checks favour and how many, which criteria point where, the silhouettes quoted, ties and their tie-break, options
 * left out — is recomputed here from the evaluations by an independent oracle. Over many generated sweeps (ties,
 * missing values, tiny segments, with and without the 3–8 preference) and over real k-means sweeps of generated data.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { recommendK, sweepK } from '../../../src/main/engine/cluster'
import type { KCriterion, KEvaluation, KRecommendation, KSweep } from '../../../src/main/engine/cluster'
import { blobs } from './helpers'

const NAMES: Record<string, KCriterion> = {
  Silhouette: 'silhouette',
  'Calinski–Harabasz': 'calinskiHarabasz',
  'Davies–Bouldin': 'daviesBouldin',
  'the elbow of Spread within segments': 'elbow',
  Stability: 'stability',
}

/** Where each check points among `options`: the best finite value, the smallest k on ties. */
function pointsTo(options: readonly KEvaluation[], kneeK: number | null): Partial<Record<KCriterion, number>> {
  const best = (value: (e: KEvaluation) => number, sign: 1 | -1): number | undefined => {
    const finite = options.filter((e) => Number.isFinite(value(e)))
    if (finite.length === 0) return undefined
    const top = Math.max(...finite.map((e) => sign * value(e)))
    return Math.min(...finite.filter((e) => sign * value(e) === top).map((e) => e.k))
  }
  const out: Partial<Record<KCriterion, number>> = {
    silhouette: best((e) => e.silhouette, 1),
    calinskiHarabasz: best((e) => e.calinskiHarabasz, 1),
    daviesBouldin: best((e) => e.daviesBouldin, -1),
    elbow: kneeK !== null && options.some((e) => e.k === kneeK) ? kneeK : undefined,
    stability: options.some((e) => e.stability) ? best((e) => e.stability?.meanAri ?? NaN, 1) : undefined,
  }
  for (const key of Object.keys(out) as KCriterion[]) if (out[key] === undefined) delete out[key]
  return out
}

function checksFor(options: readonly KEvaluation[], kneeK: number | null, k: number) {
  const to = pointsTo(options, kneeK)
  const voted = Object.keys(to).length
  const agreeing = (Object.keys(to) as KCriterion[]).filter((c) => to[c] === k)
  return { voted, agreeing, to }
}

/** "All 4 checks point here" / "2 of 4 checks point there": the claim holds of k among `options`. */
function expectAgreement(text: string, options: readonly KEvaluation[], kneeK: number | null, k: number): void {
  const { voted, agreeing } = checksFor(options, kneeK, k)
  const all = /^all (\d+) checks point (here|there)$/i.exec(text)
  const some = /^(\d+) of (\d+) checks point (here|there)$/i.exec(text)
  expect(all || some, `"${text}" is an agreement`).toBeTruthy()
  if (all) {
    expect(Number(all[1])).toBe(voted)
    expect(agreeing).toHaveLength(voted)
  } else {
    expect(Number(some![1])).toBe(agreeing.length)
    expect(Number(some![2])).toBe(voted)
  }
}

/** ": with k segments, a (Silhouette); b (Davies–Bouldin); and c (…)." — each named check points at k. */
function expectNamedChecks(list: string, options: readonly KEvaluation[], kneeK: number | null, k: number): void {
  const { agreeing, to } = checksFor(options, kneeK, k)
  const named = [...list.matchAll(/\(([^()]+)\)(?:;|\.$)/g)].map((m) => NAMES[m[1]])
  for (const c of named) expect(to[c], `${c} points at ${k}`).toBe(k)
  expect(new Set(named)).toEqual(new Set(agreeing))
}

function silhouetteOf(options: readonly KEvaluation[], k: number): number {
  return options.find((e) => e.k === k)!.silhouette
}

function bestSilhouette(options: readonly KEvaluation[]): number {
  return Math.max(-Infinity, ...options.map((e) => e.silhouette).filter(Number.isFinite))
}

/** Checks every claim of `rec.reason` (and the excluded list) against `sweep`. */
function expectTruthful(sweep: KSweep, rec: KRecommendation, preferred: readonly [number, number] | null): void {
  const minShare = 0.01
  const big = sweep.evaluations.filter((e) => e.smallestShare >= minShare)
  const candidates = big.length > 0 ? big : sweep.evaluations
  expect(rec.excluded.map((e) => e.k)).toEqual(
    big.length > 0 ? sweep.evaluations.filter((e) => e.smallestShare < minShare).map((e) => e.k) : [],
  )
  expect(candidates.map((e) => e.k)).toContain(rec.k)
  const kneeK = sweep.kneeK
  let text = rec.reason

  const lead = /^We suggest (\d+) segments for these ([\d,]+) customers\. /.exec(text)
  expect(lead, rec.reason).toBeTruthy()
  expect(Number(lead![1])).toBe(rec.k)
  text = text.slice(lead![0].length)

  if (/^It is the only option tried/.test(text)) {
    expect(candidates).toHaveLength(1)
    return
  }

  let scope = candidates
  const moved =
    /^The checks alone lean to (\d+) \(([^)]*)\), but \1 segments are (too few|too many) to act on and (.*?)\. Among (\d+) to (\d+) segments, /.exec(
      text,
    )
  const kept =
    /^That is (fewer|more) than the (\d+) to (\d+) segments a business usually works with, but the checks clearly say (\d+): its segments are clearly separated \(Silhouette (-?[\d.]+), (?:against at most (-?[\d.]+)|none could be computed) with \2 to \3 segments\)\. /.exec(
      text,
    )
  if (moved) {
    const [o, lo, hi] = [Number(moved[1]), Number(moved[5]), Number(moved[6])]
    expect(preferred).toEqual([lo, hi])
    expect(o < lo ? 'too few' : o > hi ? 'too many' : 'inside').toBe(moved[3])
    expectAgreement(moved[2], candidates, kneeK, o)
    const why = moved[4]
    const weak = /^not clearly separated \(Silhouette (-?[\d.]+|not available), under 0\.5\)$/.exec(why)
    const close =
      /^hardly better separated than with \d+ to \d+ segments \(Silhouette (-?[\d.]+) against (-?[\d.]+), less than 0\.1 apart\)$/.exec(
        why,
      )
    const s = silhouetteOf(candidates, o)
    const inRange = candidates.filter((e) => e.k >= lo && e.k <= hi)
    if (weak) expect(Number.isFinite(s) ? s < 0.5 : true).toBe(true)
    else if (close) {
      expect(s - bestSilhouette(inRange)).toBeLessThan(0.1)
      expect(close[1]).toBe(s.toFixed(2))
      expect(close[2]).toBe(bestSilhouette(inRange).toFixed(2))
    } else {
      expect(why).toBe('not favoured by most checks')
      const { voted, agreeing } = checksFor(candidates, kneeK, o)
      expect(agreeing.length * 2).toBeLessThanOrEqual(voted)
    }
    expect(rec.k).toBeGreaterThanOrEqual(lo)
    expect(rec.k).toBeLessThanOrEqual(hi)
    scope = inRange
    text = text.slice(moved[0].length).replace(/^./, (c) => c.toUpperCase())
  } else if (kept) {
    const [lo, hi, k] = [Number(kept[2]), Number(kept[3]), Number(kept[4])]
    expect(preferred).toEqual([lo, hi])
    expect(k).toBe(rec.k)
    expect(k < lo ? 'fewer' : 'more').toBe(kept[1])
    const s = silhouetteOf(candidates, k)
    const b = bestSilhouette(candidates.filter((e) => e.k >= lo && e.k <= hi))
    expect(kept[5]).toBe(s.toFixed(2))
    expect(kept[6] ?? 'none').toBe(Number.isFinite(b) ? b.toFixed(2) : 'none')
    expect(s).toBeGreaterThanOrEqual(0.5)
    expect(s - b).toBeGreaterThanOrEqual(0.1)
    const { voted, agreeing } = checksFor(candidates, kneeK, k)
    expect(agreeing.length * 2).toBeGreaterThan(voted)
    text = text.slice(kept[0].length)
  } else if (preferred) {
    // No preference applied: the criteria's own choice is inside the range, or nothing in the range was considered.
    const inside = rec.k >= preferred[0] && rec.k <= preferred[1]
    expect(inside || !candidates.some((e) => e.k >= preferred[0] && e.k <= preferred[1])).toBe(true)
  }

  if (/^No check could be computed/.test(text)) {
    expect(Object.keys(pointsTo(scope, kneeK))).toHaveLength(0)
    expect(rec.k).toBe(Math.min(...scope.map((e) => e.k)))
    return
  }
  const body =
    /^((?:All \d+|\d+ of \d+) checks point here): with (\d+) segments, (.*?\.)( As many checks point to ([\d, or]+); \2 is chosen (for its better Silhouette|as the simpler option \(fewer segments, same Silhouette\)|for its Silhouette \(none is better\), then as the simpler option \(fewer segments\))\.)?$/.exec(
      text,
    )
  expect(body, text).toBeTruthy()
  expect(Number(body![2])).toBe(rec.k)
  expectAgreement(body![1], scope, kneeK, rec.k)
  expectNamedChecks(body![3], scope, kneeK, rec.k)
  const { to, agreeing } = checksFor(scope, kneeK, rec.k)
  const votesFor = (k: number) => Object.values(to).filter((v) => v === k).length
  // The chosen k has the most checks in its scope.
  for (const e of scope) expect(votesFor(e.k)).toBeLessThanOrEqual(agreeing.length)
  const tied = scope.filter((e) => e.k !== rec.k && votesFor(e.k) === agreeing.length).map((e) => e.k)
  if (body![4]) {
    expect(body![5].split(/, | or /).map(Number)).toEqual(tied)
    const sil = (k: number) => (Number.isFinite(silhouetteOf(scope, k)) ? silhouetteOf(scope, k) : -Infinity)
    const s = sil(rec.k)
    const why = body![6]
    for (const k of tied) {
      if (why === 'for its better Silhouette') expect(s).toBeGreaterThan(sil(k))
      else if (why.startsWith('as the simpler option')) expect([sil(k), k > rec.k]).toEqual([s, true])
      else expect(sil(k) < s || (sil(k) === s && k > rec.k)).toBe(true)
    }
  } else {
    expect(tied).toEqual([])
  }
}

const evaluationsArb = fc
  .record({
    kMin: fc.integer({ min: 2, max: 4 }),
    count: fc.integer({ min: 1, max: 10 }),
    n: fc.integer({ min: 50, max: 100_000 }),
    withStability: fc.boolean(),
  })
  .chain(({ kMin, count, n, withStability }) =>
    fc.record({
      n: fc.constant(n),
      evaluations: fc.tuple(
        ...Array.from({ length: count }, (_, i) =>
          fc
            .record({
              // Few distinct values, so that criteria tie and the tie-breaks are exercised; NaN now and then.
              silhouette: fc.oneof(
                { weight: 9, arbitrary: fc.constantFrom(0.1, 0.2, 0.3, 0.45, 0.5, 0.55, 0.62, 0.75) },
                { weight: 1, arbitrary: fc.constant(NaN) },
              ),
              calinskiHarabasz: fc.oneof(
                { weight: 9, arbitrary: fc.constantFrom(50, 100, 150, 200) },
                { weight: 1, arbitrary: fc.constant(NaN) },
              ),
              daviesBouldin: fc.constantFrom(0.5, 0.8, 1.1, 1.4),
              smallestShare: fc.constantFrom(0.002, 0.05, 0.1, 0.2),
              stability: withStability
                ? fc.option(fc.constantFrom(0.4, 0.7, 0.9), { nil: undefined })
                : fc.constant(undefined),
            })
            .map((r): KEvaluation => ({
              k: kMin + i,
              inertia: 1000 / (kMin + i),
              iterations: 3,
              clusterSizes: new Int32Array(kMin + i).fill(1),
              silhouetteSampleSize: n,
              withinSS: 1000 / (kMin + i),
              betweenSS: 100,
              silhouette: r.silhouette,
              calinskiHarabasz: r.calinskiHarabasz,
              daviesBouldin: r.daviesBouldin,
              smallestShare: r.smallestShare,
              ...(r.stability === undefined
                ? {}
                : {
                    stability: {
                      meanAri: r.stability,
                      stdAri: 0,
                      replicates: Float64Array.of(r.stability),
                      sampleSize: n,
                    },
                  }),
            })),
        ),
      ),
      knee: fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: null }),
    }),
  )
  .map(({ n, evaluations, knee }): KSweep => ({ n, evaluations, kneeK: knee === null ? null : evaluations[knee].k }))

const preferredArb = fc.oneof(
  fc.constant(null),
  fc.constant([3, 8] as const),
  fc.tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 5 })).map(([lo, w]) => [lo, lo + w] as const),
)

describe('the recommendation tells the truth about its sweep (property)', () => {
  it('on generated sweeps: ties, missing values, tiny segments, with and without a preferred range', () => {
    fc.assert(
      fc.property(evaluationsArb, preferredArb, (sweep, preferred) => {
        expectTruthful(sweep, recommendK(sweep, { preferred }), preferred)
      }),
      { numRuns: 2000 },
    )
  })

  it('on k-means sweeps of generated customers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 40, max: 120 }),
        fc.double({ min: 0.3, max: 4, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (groups, n, std, seed, prefer) => {
          const { x } = blobs(n, 2, groups, seed, 10, std)
          const sweep = sweepK(x, { kMin: 2, kMax: 9, kmeans: { nInit: 2, seed } })
          const preferred = prefer ? ([3, 8] as const) : null
          expectTruthful(sweep, recommendK(sweep, { preferred }), preferred)
        },
      ),
      { numRuns: 40 },
    )
  })
})

import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  adjustedRandIndex,
  calinskiHarabasz,
  daviesBouldin,
  silhouettePairSums,
  silhouetteSamples,
  silhouetteScore,
  sumsOfSquares,
  encodeLabels,
} from '../../../src/main/engine/metrics'
import { fromRows } from '../../../src/main/engine/matrix'
import { UserError } from '../../../src/shared/errors'
import { blobs, expectAllClose, expectClose, fixture } from '../cluster/helpers'
import type { MetricsFixture } from '../cluster/helpers'

const metrics = fixture<MetricsFixture>('metrics.json')

describe('internal scores equal scikit-learn 1.2.1 (test/fixtures/scipy/metrics.json)', () => {
  for (const c of metrics.cases) {
    it(c.name, () => {
      const x = fromRows(c.x)
      expectClose(silhouetteScore(x, c.labels).score, c.silhouette, 1e-9, 1e-12, 'silhouette')
      expectAllClose(silhouetteSamples(x, c.labels), c.silhouetteSamples, 1e-9, 1e-12, 'silhouette samples')
      expectClose(calinskiHarabasz(x, c.labels), c.calinskiHarabasz, 1e-9, 0, 'Calinski-Harabasz')
      expectClose(daviesBouldin(x, c.labels), c.daviesBouldin, 1e-9, 0, 'Davies-Bouldin')
    })
  }

  it('gives a row alone in its segment a silhouette of exactly 0', () => {
    const c = metrics.cases.find((k) => k.name === 'blobsA-singleton')!
    expect(silhouetteSamples(fromRows(c.x), c.labels)[0]).toBe(0)
  })
})

describe('adjusted Rand index', () => {
  it('equals scikit-learn on every fixture pair', () => {
    for (const c of metrics.ari) expectClose(adjustedRandIndex(c.a, c.b), c.ari, 1e-12, 1e-15, 'ARI')
  })

  it('is symmetric and ignores how segments are numbered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 2,
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 100 }),
        (pairs, shift) => {
          const a = pairs.map((p) => p[0])
          const b = pairs.map((p) => p[1])
          const renamed = a.map((v) => ((v + shift) % 5) * 3 + 7) // a bijection on 0..4
          const ab = adjustedRandIndex(a, b)
          expect(adjustedRandIndex(b, a)).toBeCloseTo(ab, 12)
          expect(adjustedRandIndex(renamed, b)).toBeCloseTo(ab, 12)
          expect(adjustedRandIndex(a, renamed)).toBe(1)
        },
      ),
    )
  })

  it('stays exact for a million rows (pair counts beyond 2^53)', () => {
    const n = 1_000_000
    const a = new Int32Array(n)
    const b = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      a[i] = i % 3
      b[i] = i % 3 === 0 && i % 7 === 0 ? 1 : i % 3
    }
    // Independent check: the same formula from exact contingency counts with BigInt, by hand.
    const counts = new Map<string, number>()
    for (let i = 0; i < n; i++) counts.set(`${a[i]},${b[i]}`, (counts.get(`${a[i]},${b[i]}`) ?? 0) + 1)
    const comb2 = (v: bigint) => (v * (v - 1n)) / 2n
    let sumIj = 0n
    for (const v of counts.values()) sumIj += comb2(BigInt(v))
    const rowsA = [0, 0, 0]
    const rowsB = [0, 0, 0]
    for (let i = 0; i < n; i++) {
      rowsA[a[i]]++
      rowsB[b[i]]++
    }
    const sumA = rowsA.reduce((s, v) => s + comb2(BigInt(v)), 0n)
    const sumB = rowsB.reduce((s, v) => s + comb2(BigInt(v)), 0n)
    const total = comb2(BigInt(n))
    // Hubert-Arabie form: (Σij - ΣaΣb/T) / ((Σa+Σb)/2 - ΣaΣb/T), scaled by 2T to stay in integers.
    const num = 2n * (sumIj * total - sumA * sumB)
    const den = (sumA + sumB) * total - 2n * sumA * sumB
    expectClose(adjustedRandIndex(a, b), Number(num) / Number(den), 1e-14, 0, 'ARI')
  })
})

describe('sums of squares', () => {
  it('splits the total into within and between, and within matches a direct computation', () => {
    const { x, labels } = blobs(500, 3, 4, 7)
    const ss = sumsOfSquares(x, labels)
    expectClose(ss.within + ss.between, ss.total, 1e-12)
    let within = 0
    for (let c = 0; c < 4; c++) {
      const rows = [...labels.keys()].filter((i) => labels[i] === c)
      for (let t = 0; t < 3; t++) {
        const mean = rows.reduce((s, i) => s + x.data[i * 3 + t], 0) / rows.length
        within += rows.reduce((s, i) => s + (x.data[i * 3 + t] - mean) ** 2, 0)
      }
    }
    expectClose(ss.within, within, 1e-12)
  })
})

describe('silhouette on larger data', () => {
  it('gives the same sums whatever the split of rows between workers', () => {
    const { x, labels } = blobs(301, 5, 3, 3)
    const enc = encodeLabels(labels, x.rows)
    const whole = new Float64Array(301 * enc.m)
    silhouettePairSums(x, enc.codes, enc.m, { start: 0, end: 301 }, whole)
    const parts = [new Float64Array(301 * enc.m), new Float64Array(301 * enc.m)]
    silhouettePairSums(x, enc.codes, enc.m, { start: 0, end: 90 }, parts[0])
    silhouettePairSums(x, enc.codes, enc.m, { start: 90, end: 301 }, parts[1])
    expectAllClose(
      parts[0].map((v, i) => v + parts[1][i]),
      whole,
      1e-12,
    )
  })

  it('samples above the exact limit, says so, is reproducible and close to the exact value', () => {
    const { x, labels } = blobs(3000, 4, 5, 11, 6, 2)
    const exact = silhouetteScore(x, labels)
    expect(exact).toMatchObject({ sampleSize: 3000, sampled: false })
    const sampled = silhouetteScore(x, labels, { maxExactRows: 1000, seed: 4 })
    expect(sampled).toMatchObject({ sampleSize: 1000, sampled: true })
    expect(silhouetteScore(x, labels, { maxExactRows: 1000, seed: 4 }).score).toBe(sampled.score)
    expect(silhouetteScore(x, labels, { maxExactRows: 1000, seed: 5 }).score).not.toBe(sampled.score)
    expect(Math.abs(sampled.score - exact.score)).toBeLessThan(0.03)
  })
})

describe('validation', () => {
  const x = fromRows([
    [0, 0],
    [1, 1],
    [5, 5],
    [6, 6],
  ])

  it('refuses a single segment, or one segment per row, in words', () => {
    expect(() => silhouetteScore(x, [0, 0, 0, 0])).toThrow(/at least 2 segments/)
    expect(() => calinskiHarabasz(x, [0, 1, 2, 3])).toThrow(UserError)
    expect(() => daviesBouldin(x, [0, 0, 0, 0])).toThrow(/1 segment for 4 rows/)
  })

  it('names the row with a missing value and the labels that do not fit', () => {
    expect(() =>
      silhouetteScore(
        fromRows([
          [0, 0],
          [1, NaN],
          [5, 5],
        ]),
        [0, 1, 1],
      ),
    ).toThrow(/Row 2, column 2 is missing/)
    expect(() => calinskiHarabasz(x, [0, 1, 1])).toThrow(/cover 3 rows but the data has 4/)
    expect(() => daviesBouldin(x, [0, 1, -1, 1])).toThrow(/row 3 has label -1/)
  })

  it('accepts labels with gaps, like scikit-learn', () => {
    expectClose(calinskiHarabasz(x, [3, 3, 9, 9]), calinskiHarabasz(x, [0, 0, 1, 1]), 1e-15)
  })
})

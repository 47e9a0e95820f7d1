import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { fitKMeans, fitKMeansWith, meanColumnVariance } from '../../../src/main/engine/cluster/kmeans'
import { inThreadExecutor } from '../../../src/main/engine/cluster/kmeansExecutor'
import { unscaleCenters } from '../../../src/main/engine/cluster/unscale'
import { calinskiHarabasz, daviesBouldin, silhouetteScore } from '../../../src/main/engine/metrics'
import { fromRows } from '../../../src/main/engine/matrix'
import type { Matrix } from '../../../src/main/engine/matrix'
import { UserError } from '../../../src/shared/errors'
import { blobs, expectAllClose, expectClose, fixture, iris, samePartition } from './helpers'
import type { KMeansFixture } from './helpers'

const km = fixture<KMeansFixture>('kmeans.json')
const IRIS = iris()

function rowsOf(x: Matrix, idx: ArrayLike<number>): Matrix {
  const data = new Float64Array(idx.length * x.cols)
  for (let r = 0; r < idx.length; r++) data.set(x.data.subarray(idx[r] * x.cols, (idx[r] + 1) * x.cols), r * x.cols)
  return { data, rows: idx.length, cols: x.cols }
}

/** Small random data sets with a random starting row per centre, for property tests. */
const problem = fc
  .record({
    n: fc.integer({ min: 6, max: 160 }),
    d: fc.integer({ min: 1, max: 6 }),
    k: fc.integer({ min: 1, max: 7 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    spread: fc.constantFrom(0.5, 3, 10),
  })
  .map(({ n, d, k, seed, spread }) => {
    const { x } = blobs(n, d, Math.min(k, n), seed, spread)
    const init = rowsOf(
      x,
      Array.from({ length: Math.min(k, n) }, (_, j) => (j * 7919 + seed) % n),
    )
    return { x, init, k: Math.min(k, n) }
  })

describe('k-means from fixed starting centres equals scikit-learn 1.2.1 (algorithm="lloyd", n_init=1)', () => {
  for (const run of km.fixedInit) {
    for (const algorithm of ['lloyd', 'hamerly'] as const) {
      it(`${run.name} (${algorithm})`, () => {
        const x = run.x === 'iris' ? IRIS : fromRows(run.x)
        const res = fitKMeans(x, { k: run.init.length, init: fromRows(run.init), tol: run.tol, algorithm })
        expect(res.iterations).toBe(run.nIter)
        expect(Array.from(res.labels)).toEqual(run.labels)
        expectAllClose(res.centers.data, run.centers.flat(), 1e-9, 1e-12, 'centre')
        expectClose(res.inertia, run.inertia, 1e-9, 0, 'inertia')
        expect(res.converged).toBe(true)
      })
    }
  }
})

describe('iris, k = 3, k-means++ with 10 restarts', () => {
  const res = fitKMeans(IRIS, { k: 3, nInit: 10, seed: 0 })

  it("finds scikit-learn's solution: same inertia and partition", () => {
    expectClose(res.inertia, km.irisK3.inertia, 1e-9, 0, 'inertia')
    expect(res.inertia).toBeCloseTo(78.85, 2)
    expect(samePartition(res.labels, km.irisK3.labels)).toBe(true)
    expect(Array.from(res.clusterSizes).sort()).toEqual([38, 50, 62])
  })

  it('scores the published silhouette 0.5528, Calinski–Harabasz 561.63, Davies–Bouldin 0.6620', () => {
    expect(silhouetteScore(IRIS, res.labels).score.toFixed(4)).toBe('0.5528')
    expect(calinskiHarabasz(IRIS, res.labels).toFixed(2)).toBe('561.63')
    expect(daviesBouldin(IRIS, res.labels).toFixed(4)).toBe('0.6620')
  })

  it('keeps the lowest-inertia restart and reports every restart', () => {
    expect(res.nIterPerRun).toHaveLength(10)
    expect(res.inertiaPerRun[res.bestRun]).toBe(res.inertia)
    expect(Math.min(...res.inertiaPerRun)).toBe(res.inertia)
    expect(res.inertiaPerRun.indexOf(res.inertia)).toBe(res.bestRun)
  })

  it('is reproducible from its seed and varies with it', () => {
    const again = fitKMeans(IRIS, { k: 3, nInit: 10, seed: 0 })
    expect(again.inertiaPerRun).toEqual(res.inertiaPerRun)
    expect(again.labels).toEqual(res.labels)
    const other = fitKMeans(IRIS, { k: 3, nInit: 10, seed: 1 })
    expect(other.inertiaPerRun).not.toEqual(res.inertiaPerRun)
  })
})

describe('k-means invariants (property tests)', () => {
  it('inertia never rises from one assignment step to the next', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom('lloyd', 'hamerly'), ({ x, init, k }, algorithm) => {
        const res = fitKMeans(x, { k, init, tol: 0, algorithm, traceInertia: true })
        const trace = res.inertiaTrace!
        expect(trace.length).toBe(res.iterations)
        for (let t = 1; t < trace.length; t++) expect(trace[t]).toBeLessThanOrEqual(trace[t - 1] * (1 + 1e-12) + 1e-12)
        expect(res.inertia).toBeLessThanOrEqual(trace[trace.length - 1] * (1 + 1e-12) + 1e-12)
      }),
      { numRuns: 150 },
    )
  })

  it('Hamerly gives exactly the result of plain Lloyd from the same start', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom(0, 1e-4), ({ x, init, k }, tol) => {
        const lloyd = fitKMeans(x, { k, init, tol, algorithm: 'lloyd' })
        const hamerly = fitKMeans(x, { k, init, tol, algorithm: 'hamerly' })
        expect(hamerly.labels).toEqual(lloyd.labels)
        expect(hamerly.centers.data).toEqual(lloyd.centers.data)
        expect(hamerly.iterations).toBe(lloyd.iterations)
        expect(hamerly.inertia).toBe(lloyd.inertia)
      }),
      { numRuns: 150 },
    )
  })

  it('permuting the rows permutes the labels and nothing else', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 1, max: 1e9 }), ({ x, init, k }, s) => {
        const n = x.rows
        const perm = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * s) % 9973) - ((b * s) % 9973) || a - b)
        const a = fitKMeans(x, { k, init })
        const b = fitKMeans(rowsOf(x, perm), { k, init })
        const back = new Int32Array(n)
        perm.forEach((src, i) => (back[src] = b.labels[i]))
        expect(samePartition(a.labels, back)).toBe(true)
        expectAllClose(b.centers.data, a.centers.data, 1e-9, 1e-9, 'centre')
      }),
      { numRuns: 100 },
    )
  })

  it('leaves no segment empty when the data has at least k distinct rows', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 0, max: 1000 }), ({ x, k }, seed) => {
        const res = fitKMeans(x, { k, nInit: 2, seed })
        expect(Math.min(...res.clusterSizes)).toBeGreaterThan(0)
        expect(res.clusterSizes.reduce((s, v) => s + v, 0)).toBe(x.rows)
      }),
      { numRuns: 60 },
    )
  })
})

describe('k-means edge cases', () => {
  it('recovers well-separated blobs spanning several row chunks', () => {
    const { x, labels } = blobs(9000, 5, 6, 3, 20, 1)
    const res = fitKMeans(x, { k: 6, nInit: 3, seed: 2 })
    expect(samePartition(res.labels, labels)).toBe(true)
  })

  it('with k = 1 returns the column means and the total sum of squares', () => {
    const res = fitKMeans(IRIS, { k: 1, nInit: 1 })
    const means = [0, 1, 2, 3].map(
      (j) => Array.from({ length: 150 }, (_, i) => IRIS.data[i * 4 + j]).reduce((s, v) => s + v) / 150,
    )
    expectAllClose(res.centers.data, means, 1e-12)
    expectClose(res.inertia, meanColumnVariance(IRIS) * 150 * 4, 1e-10)
  })

  it('copes with fewer distinct rows than segments without NaN', () => {
    const x = fromRows([
      [1, 1],
      [1, 1],
      [1, 1],
      [2, 2],
      [2, 2],
    ])
    const res = fitKMeans(x, { k: 3, nInit: 3 })
    expect(res.centers.data.every(Number.isFinite)).toBe(true)
    expect(res.inertia).toBe(0)
  })

  it('refuses values whose squares overflow instead of returning nonsense', () => {
    const huge = { data: IRIS.data.map((v) => v * 1e160), rows: 150, cols: 4 }
    expect(Number.isFinite(meanColumnVariance(huge))).toBe(false)
    expect(() => fitKMeans(huge, { k: 3 })).toThrow(/too large to cluster directly; scale the columns first/)
  })

  it('runs through an executor with the same result as in-thread', async () => {
    const viaExecutor = await fitKMeansWith(IRIS, { k: 4, nInit: 3, seed: 9 }, inThreadExecutor)
    const direct = fitKMeans(IRIS, { k: 4, nInit: 3, seed: 9 })
    expect(viaExecutor.labels).toEqual(direct.labels)
    expect(viaExecutor.centers).toEqual(direct.centers)
  })

  it('reports progress per iteration and restart', () => {
    const seen: string[] = []
    fitKMeans(IRIS, { k: 3, nInit: 2, onProgress: (p) => seen.push(`${p.run}/${p.runs}:${p.iteration}`) })
    expect(seen[0]).toBe('0/2:0')
    expect(seen.some((s) => s.startsWith('1/2:'))).toBe(true)
  })
})

describe('k-means validation', () => {
  it('explains bad inputs in words', () => {
    expect(() => fitKMeans(IRIS, { k: 0 })).toThrow(/at least 1; got 0/)
    expect(() => fitKMeans(IRIS, { k: 151 })).toThrow(/\(151\) cannot exceed the number of rows \(150\)/)
    expect(() => fitKMeans(IRIS, { k: 2.5 })).toThrow(UserError)
    expect(() => fitKMeans(fromRows([[1], [Infinity]]), { k: 1 })).toThrow(/Row 2, column 1 is infinite/)
    expect(() => fitKMeans(IRIS, { k: 3, init: fromRows([[1, 2, 3, 4]]) })).toThrow(/1×4.*need 3×4/)
    expect(() => fitKMeans(IRIS, { k: 3, tol: -1 })).toThrow(/tolerance/)
    expect(() => fitKMeans(IRIS, { k: 3, maxIter: 0 })).toThrow(/iterations/)
  })

  it('stops at maxIter and says it did not converge', () => {
    const run = km.fixedInit.find((r) => r.name === 'big-k8-tol0')!
    const res = fitKMeans(fromRows(run.x as number[][]), { k: 8, init: fromRows(run.init), tol: 0, maxIter: 5 })
    expect(res.iterations).toBe(5)
    expect(res.converged).toBe(false)
  })
})

describe('unscaleCenters', () => {
  it('inverts (x - center) / scale column by column', () => {
    const scaled = fromRows([
      [0, 1],
      [-2, 0.5],
    ])
    const back = unscaleCenters(scaled, Float64Array.of(10, 100), Float64Array.of(2, 50))
    expect(Array.from(back.data)).toEqual([10, 150, 6, 125])
    expect(() => unscaleCenters(scaled, Float64Array.of(1), Float64Array.of(1, 2))).toThrow(/2 columns/)
  })
})

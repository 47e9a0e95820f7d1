import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { assembleKernels } from '../../../scripts/build-wasm.mjs'
import { fitKMeans, planKMeans } from '../../../src/main/engine/cluster/kmeans'
import type { KMeansOptions } from '../../../src/main/engine/cluster/kmeans'
import { KMEANS_KERNELS_WASM_BASE64 } from '../../../src/main/engine/cluster/wasm/kmeansKernelsWasm'
import type { Matrix } from '../../../src/main/engine/matrix'
import { blobs } from './helpers'

/** Both kernels on the same problem: every output must be the same to the bit. */
function expectSameFit(x: Matrix, options: KMeansOptions): void {
  const wasm = fitKMeans(x, { ...options, kernels: 'wasm', traceInertia: true })
  const js = fitKMeans(x, { ...options, kernels: 'js', traceInertia: true })
  expect(wasm.labels).toEqual(js.labels)
  expect(wasm.centers.data).toEqual(js.centers.data)
  expect(wasm.inertiaPerRun).toEqual(js.inertiaPerRun)
  expect(wasm.nIterPerRun).toEqual(js.nIterPerRun)
  expect(wasm.inertiaTrace).toEqual(js.inertiaTrace)
}

/** Small integer grids: many rows at equal distances from two centres, so ties decide labels. */
const tiedProblem = fc
  .record({
    n: fc.integer({ min: 4, max: 120 }),
    d: fc.integer({ min: 1, max: 5 }),
    k: fc.integer({ min: 1, max: 11 }),
    values: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 600, maxLength: 600 }),
    starts: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
  })
  .map(({ n, d, k, values, starts }) => {
    const data = Float64Array.from({ length: n * d }, (_, i) => values[i % values.length])
    const kk = Math.min(k, n)
    const init = new Float64Array(kk * d)
    for (let j = 0; j < kk; j++) init.set(data.subarray((starts[j] % n) * d, (starts[j] % n) * d + d), j * d)
    return { x: { data, rows: n, cols: d }, init: { data: init, rows: kk, cols: d }, k: kk }
  })

describe('WebAssembly k-means kernels', () => {
  it('are kmeansKernels.wat as committed (after editing the .wat, run `npm run build:wasm`)', async () => {
    const bytes = await assembleKernels()
    expect(Buffer.from(bytes).toString('base64')).toBe(KMEANS_KERNELS_WASM_BASE64)
  })

  it('are the ones a default fit uses, and `kernels: "js"` opts out', () => {
    const { x } = blobs(500, 3, 4, 1)
    expect(planKMeans(x, { k: 4 }).ws.memory).toBeInstanceOf(WebAssembly.Memory)
    expect(planKMeans(x, { k: 4, kernels: 'js' }).ws.memory).toBeNull()
  })

  it('give the JavaScript kernels’ bytes when ties decide the labels (Lloyd and Hamerly, fixed starts)', () => {
    fc.assert(
      fc.property(tiedProblem, fc.constantFrom('lloyd' as const, 'hamerly' as const), ({ x, init, k }, algorithm) => {
        expectSameFit(x, { k, init, algorithm, tol: 0 })
      }),
      { numRuns: 150 },
    )
  })

  // k around multiples of 4 (the kernels measure 4 or 8 centres at a time, padding the rest), odd d, several chunks
  // with an odd row count in the last one, k-means++ restarts and empty-cluster repair.
  for (const [n, d, k] of [
    [9_001, 1, 1],
    [9_001, 3, 3],
    [12_345, 8, 8],
    [10_001, 5, 9],
    [8_193, 17, 13],
    [5_000, 2, 40],
  ] as const) {
    it(`give the JavaScript kernels’ bytes on ${n} × ${d} blobs, k = ${k}`, () => {
      const { x } = blobs(n, d, Math.max(2, Math.ceil(k / 2)), n + d + k, 6, 1.5)
      expectSameFit(x, { k, nInit: 2, seed: 7 })
      expectSameFit(x, { k, nInit: 1, seed: 8, algorithm: 'lloyd' })
    })
  }

  it('reuse a finished fit’s memory without carrying its state into the next fit', () => {
    const big = blobs(20_000, 6, 5, 3).x
    const small = blobs(3_000, 4, 3, 4).x
    const fresh = fitKMeans(small, { k: 3, seed: 2, kernels: 'js' })
    fitKMeans(big, { k: 5, seed: 1 })
    const reused = fitKMeans(small, { k: 3, seed: 2 })
    expect(reused.labels).toEqual(fresh.labels)
    expect(reused.centers.data).toEqual(fresh.centers.data)
  })
})

import { describe, it, expect, afterAll } from 'vitest'
import { fitKMeans, fitKMeansWith, planKMeans, heapAllocator } from '../../../src/main/engine/cluster'
import { createKMeansPool } from '../../../src/main/jobs/parallel/kmeansPool'
import { blobs } from './helpers'

describe('k-means on a worker-thread pool over shared memory', () => {
  const pool = createKMeansPool({ threads: 3 })
  afterAll(() => pool.close())

  // 30,000 rows = 8 chunks of 4,096: three threads each take a different share of them.
  const { x } = blobs(30_000, 6, 7, 5, 6, 1.5)

  for (const [algorithm, kernels] of [
    ['hamerly', 'wasm'],
    ['lloyd', 'wasm'],
    ['hamerly', 'js'],
  ] as const) {
    it(`gives bit-identical results to the in-thread fit (${algorithm}, ${kernels} kernels, k-means++, 2 restarts)`, async () => {
      const options = { k: 7, nInit: 2, seed: 11, algorithm, kernels, traceInertia: true }
      const parallel = await fitKMeansWith(x, options, pool)
      const direct = fitKMeans(x, options)
      expect(parallel.labels).toEqual(direct.labels)
      expect(parallel.centers.data).toEqual(direct.centers.data)
      expect(parallel.inertiaPerRun).toEqual(direct.inertiaPerRun)
      expect(parallel.nIterPerRun).toEqual(direct.nIterPerRun)
      expect(parallel.inertiaTrace).toEqual(direct.inertiaTrace)
    })
  }

  it('serves several fits in a row (a k sweep) with one pool', async () => {
    for (const k of [2, 3]) {
      const parallel = await fitKMeansWith(x, { k, nInit: 1, seed: k }, pool)
      expect(parallel.centers.data).toEqual(fitKMeans(x, { k, nInit: 1, seed: k }).centers.data)
    }
  })

  it('refuses a workspace planned on ordinary memory instead of silently losing the workers’ writes', async () => {
    const { ws } = planKMeans(x, { k: 3, kernels: 'js' }, heapAllocator)
    await expect(pool.run(ws, { kind: 'inertia' })).rejects.toThrow(/not in shared memory/)
  })
})

describe('worker pool failures', () => {
  it('rejects, rather than hangs, when the worker entry cannot start', async () => {
    const broken = createKMeansPool({
      threads: 2,
      entry: { url: new URL('../../fixtures/scipy/does-not-exist.mjs', import.meta.url) },
    })
    try {
      await expect(fitKMeansWith(blobs(10_000, 2, 3, 1).x, { k: 3, nInit: 1 }, broken)).rejects.toThrow(/Worker 0/)
    } finally {
      await broken.close()
    }
  })

  it('with one thread runs everything in the calling thread', async () => {
    const single = createKMeansPool({ threads: 1 })
    const { x } = blobs(9_000, 3, 4, 2)
    expect((await fitKMeansWith(x, { k: 4, nInit: 1 }, single)).labels).toEqual(fitKMeans(x, { k: 4, nInit: 1 }).labels)
    await single.close()
  })
})

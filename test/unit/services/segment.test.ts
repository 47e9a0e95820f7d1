import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'
import { estimateMemory } from '../../../src/main/services/clusterService'
import { parseRequestInput, type RequestInput } from '../../../src/shared/api'

const spend = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']

describe('segmentation through the services, with real job processes', () => {
  let h: ServiceHarness
  let datasetId: number
  beforeEach(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Wholesale' })
    const job = await api['import.start']({
      path: sharedData('customers/Wholesale customers data.csv'),
      name: 'Wholesale',
      kind: 'customers',
    })
    expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded', error: null })
    datasetId = (await api['datasets.list']({}))[0].id
  })
  afterEach(() => h.dispose())
  /** As the transports do: defaults filled in by the contract's schema. */
  const run = (input: RequestInput<'cluster.run'>) =>
    h.services.handlers['cluster.run'](parseRequestInput('cluster.run', input))

  it('recommends features, sweeps k automatically, stores the run and lets the user choose it', async () => {
    const api = h.services.handlers
    const features = await api['cluster.features']({ datasetId })
    expect(features.filter((f) => f.recommended).map((f) => f.name)).toEqual(expect.arrayContaining(spend))

    const job = await run({ datasetId, features: spend, k: 'auto', kRange: [2, 6] })
    const done = await h.finished(job.id)
    expect(done).toMatchObject({ status: 'succeeded', error: null })
    const [stored] = await api['runs.list']({ datasetId })
    expect(done.produced).toEqual({ runId: stored.id })
    expect(await api['runs.get']({ runId: stored.id })).toEqual(stored)
    expect(stored.sweep!.map((p) => p.k)).toEqual([2, 3, 4, 5, 6])
    expect(stored.k).toBe(stored.recommendation!.k)
    expect(stored.recommendation!.reason).toMatch(/^We suggest \d+ segments for these 440 customers/)
    expect(stored.sizes.reduce((a, b) => a + b, 0)).toBe(440)
    expect(stored.centersOriginal[0]).toHaveLength(spend.length)
    expect(stored.metrics.silhouette).toBeGreaterThan(0)
    expect(h.events.some((e) => e.name === 'runs.changed')).toBe(true)

    const chosen = await api['runs.choose']({ runId: stored.id })
    expect(chosen.chosen).toBe(true)
  })

  it('runs Ward with a fixed k and draws its dendrogram; k-means runs have none', async () => {
    const api = h.services.handlers
    const job = await run({ datasetId, features: spend, method: 'ward', k: 4 })
    expect((await h.finished(job.id)).status).toBe('succeeded')
    const [ward] = await api['runs.list']({ datasetId })
    expect(ward).toMatchObject({ k: 4, hasLinkage: true, n: 440 })
    const tree = await api['runs.dendrogram']({ runId: ward.id, truncateTo: 30 })
    expect(tree.n).toBe(440)
    expect(tree.heights).toHaveLength(439)
    expect(tree.icoord).toHaveLength(29)
    expect(tree.leafSizes.reduce((a, b) => a + b, 0)).toBe(440)

    const kmJob = await run({ datasetId, features: spend, k: 3 })
    expect((await h.finished(kmJob.id)).status).toBe('succeeded')
    const km = (await api['runs.list']({ datasetId }))[0]
    await expect(api['runs.dendrogram']({ runId: km.id, truncateTo: 30 })).rejects.toMatchObject({
      code: 'run.noDendrogram',
    })
  })

  it('estimates memory before a hierarchical run and offers sampling when it would not fit', () => {
    expect(estimateMemory('ward', 50_000, 8).fits).toBe(true)
    const big = estimateMemory('average', 200_000, 8, 1024 ** 3)
    expect(big.fits).toBe(false)
    expect(big.advice).toMatch(/random sample of [\d,]+ customers/)
  })
})

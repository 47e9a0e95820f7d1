import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'
import { expectAllClose, expectClose, fixture, iris } from '../cluster/helpers'
import { estimateMemory } from '../../../src/main/services/clusterService'
import { adjustedRandIndex } from '../../../src/main/engine/metrics'
import { runArrays } from '../../../src/main/store/repos/runs'
import { toRows } from '../../../src/main/engine/matrix'
import { parseRequestInput, type RequestInput } from '../../../src/shared/api'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import type { ClusterRun } from '../../../src/shared/domain/cluster'

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
    // The run's time is the whole job's; its progress only moves forward, and the sweep's steps read in step with it.
    expect(stored.elapsedMs!).toBeGreaterThan(stored.fitMs)
    const progress = h.events
      .filter((e) => e.name === 'job.updated' && (e.payload as JobInfo).id === job.id)
      .map((e) => (e.payload as JobInfo).progress)
      .filter((p) => p !== null && p.fraction !== null)
    const fractions = progress.map((p) => p!.fraction!)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    const steps = progress.filter((p) => p!.title.startsWith('Trying') && /\d+ of \d+/.test(p!.detail ?? ''))
    expect(steps.length).toBeGreaterThan(0)
    for (const p of steps) {
      const [, done, of] = /(\d+) of (\d+)/.exec(p!.detail!)!
      expect(p!.fraction).toBeLessThanOrEqual(0.2 + (0.7 * Number(done)) / Number(of) + 1e-9)
    }
    expect(stored.centersOriginal[0]).toHaveLength(spend.length)
    expect(stored.metrics.silhouette).toBeGreaterThan(0)
    expect(h.events.some((e) => e.name === 'runs.changed')).toBe(true)
    // Automatic by default: the strongly skewed spend columns on a log scale, recorded and said in a note; a number
    // of segments a business can act on (issue 12), with sizes that are not one segment and a few crumbs.
    expect(stored.settings).toMatchObject({ transform: 'auto', preferK: [3, 8] })
    expect(stored.transforms!.map((t) => [t.feature, t.method])).toEqual(spend.map((f) => [f, 'log1p']))
    expect(stored.notes.some((n) => n.includes('on a log scale'))).toBe(true)
    expect(stored.k).toBeGreaterThanOrEqual(3)
    expect(Math.min(...stored.sizes) / 440).toBeGreaterThan(0.1)
    // Centres are the segments' average spend in euros, not in logs.
    const meanFresh = stored.centersOriginal.reduce((s, c, i) => s + c[0] * stored.sizes[i], 0) / 440
    expect(meanFresh).toBeCloseTo(12000.3, 0)

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

/** The `service` cases of test/fixtures/scipy/kmeans.json (scripts/reference/make_cluster_fixtures.py). */
interface ServiceFixture {
  irisStandardK2: {
    inertia: number
    labels: number[]
    centersOriginal: number[][]
    silhouette: number
    calinskiHarabasz: number
    daviesBouldin: number
  }
  wholesaleStandardK3: { features: string[]; inertiaTenStarts: number; inertiaBestOf1000: number }
}

describe('segmentation through the services equals scikit-learn on the same data and settings', () => {
  const reference = fixture<{ service: ServiceFixture }>('kmeans.json').service
  const irisFeatures = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']
  let h: ServiceHarness
  const datasets = new Map<string, number>()
  beforeAll(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'References' })
    // Iris exactly as scikit-learn saw it (the linkage fixture's copy), written as a CSV a user would import.
    const irisCsv = join(h.dir.path, 'iris.csv')
    writeFileSync(irisCsv, [irisFeatures.join(','), ...toRows(iris()).map((r) => r.join(','))].join('\n') + '\n')
    for (const [name, path] of [
      ['Iris', irisCsv],
      ['Wholesale', sharedData('customers/Wholesale customers data.csv')],
    ]) {
      const job = await api['import.start']({ path, name, kind: 'customers' })
      expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded', error: null })
    }
    for (const d of await api['datasets.list']({})) datasets.set(d.name, d.id)
  })
  afterAll(() => h.dispose())

  /** Runs k-means with a fixed k through `cluster.run`, defaults filled in by the contract as the transports do. */
  async function kmeans(dataset: string, features: string[], k: number): Promise<ClusterRun> {
    const datasetId = datasets.get(dataset)!
    const input = { datasetId, features, k, scale: 'standard', transform: 'none', nInit: 10 } as const
    const job = await h.services.handlers['cluster.run'](parseRequestInput('cluster.run', input))
    expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded', error: null })
    return (await h.services.handlers['runs.list']({ datasetId }))[0]
  }

  it('iris, standard scaling, k = 2: the one optimum, its labels, centres in cm and its scores', async () => {
    const expected = reference.irisStandardK2
    const run = await kmeans('Iris', irisFeatures, 2)
    expect(run).toMatchObject({ k: 2, n: 150, features: irisFeatures })
    const { labels, rowIndex } = runArrays(h.services.session.requireProject().db, run.id)
    expect(rowIndex).toBeNull()
    expect(adjustedRandIndex(labels, expected.labels)).toBe(1)
    expectClose(run.inertia, expected.inertia, 1e-9, 0, 'inertia')
    expectClose(run.metrics.withinSS, expected.inertia, 1e-9, 0, 'within-segment sum of squares')
    expect(run.metrics.silhouetteSampleSize).toBe(150)
    expectClose(run.metrics.silhouette, expected.silhouette, 1e-9, 0, 'silhouette')
    expectClose(run.metrics.calinskiHarabasz, expected.calinskiHarabasz, 1e-9, 0, 'Calinski–Harabasz')
    expectClose(run.metrics.daviesBouldin, expected.daviesBouldin, 1e-9, 0, 'Davies–Bouldin')
    // Segment s of the run is scikit-learn's segment of the run's first row in s.
    for (let s = 0; s < 2; s++) {
      const theirs = expected.labels[labels.indexOf(s)]
      expect(run.sizes[s]).toBe(expected.labels.filter((l) => l === theirs).length)
      expectAllClose(run.centersOriginal[s], expected.centersOriginal[theirs], 1e-9, 1e-12, `centre ${s}`)
    }
  })

  it("wholesale spend, standard scaling, k = 3: at least as good as scikit-learn's ten restarts, never below the best known", async () => {
    const expected = reference.wholesaleStandardK3
    const run = await kmeans('Wholesale', expected.features, 3)
    expect(run).toMatchObject({ k: 3, n: 440 })
    expect(run.inertia).toBeLessThanOrEqual(expected.inertiaTenStarts * (1 + 1e-9))
    expect(run.inertia).toBeGreaterThanOrEqual(expected.inertiaBestOf1000 * (1 - 1e-9))
    expectClose(run.metrics.withinSS, run.inertia, 1e-9, 0, 'within-segment sum of squares')
  })
})

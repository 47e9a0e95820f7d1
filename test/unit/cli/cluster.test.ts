import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'
import { runJsonCommand } from '../helpers/cli'
import { sharedData } from '../helpers/services'

const dir = tempDir('segmentlab-cli-cluster-')
let iris: string
const features = 'sepal_length,sepal_width,petal_length,petal_width'

beforeAll(() => {
  // The shipped iris.csv starts with a count line instead of a header; give it real column names.
  const lines = readFileSync(sharedData('reference/iris.csv'), 'utf8').trim().split('\n').slice(1)
  iris = join(dir.path, 'iris.csv')
  writeFileSync(iris, [`${features},species`, ...lines].join('\n'))
})
afterAll(() => dir.remove())

const cluster = (...args: string[]) => runJsonCommand(dir.path, 'cluster', ...args)

describe('segmentlab cluster', () => {
  it('k-means on iris gives scikit-learn’s published scores (silhouette 0.5528, CH 561.63, DB 0.6620)', () => {
    const { json, stderr } = cluster(iris, '--features', features, '--method', 'kmeans', '--k', '3')
    expect(stderr).toBe('')
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'method',
        'k',
        'n',
        'labels',
        'inertia',
        'centers',
        'linkage',
        'metrics',
        'iterations',
        'timings',
      ]),
    )
    expect(json).toMatchObject({ method: 'kmeans', k: 3, n: 150, linkage: null })
    expect(json.labels).toHaveLength(150)
    expect(json.metrics.silhouette).toBeCloseTo(0.5528, 4)
    expect(json.metrics.calinskiHarabasz).toBeCloseTo(561.63, 2)
    expect(json.metrics.daviesBouldin).toBeCloseTo(0.662, 4)
    expect(json.inertia).toBeCloseTo(78.8514, 3)
    expect(json.timings.fitMs).toBeGreaterThan(0)
    expect(json.sweep).toBeUndefined()
  })

  it('--k auto sweeps the range and reports the recommended k with stability', () => {
    const { json } = cluster(
      iris,
      '--features',
      features,
      '--method',
      'kmeans',
      '--k',
      'auto',
      '--k-range',
      '2-6',
      '--scale',
      'standard',
    )
    expect(json.sweep.map((p: { k: number }) => p.k)).toEqual([2, 3, 4, 5, 6])
    expect(json.k).toBe(json.recommendedK)
    for (const p of json.sweep) expect(p.stability).toBeGreaterThan(0)
    const inertias = json.sweep.map((p: { inertia: number }) => p.inertia)
    for (let i = 1; i < inertias.length; i++) expect(inertias[i]).toBeLessThan(inertias[i - 1])
  })

  it("--transform auto and --prefer-k give the app's Automatic; without them the output is as it always was", () => {
    const wholesale = resolve('resources/sample/wholesale-customers.csv')
    const spend = 'Fresh,Milk,Grocery,Frozen,Detergents_Paper,Delicassen'
    const base = [wholesale, '--features', spend, '--k', 'auto', '--k-range', '2-8', '--scale', 'standard']
    const plain = cluster(...base).json
    expect(plain.transforms).toBeUndefined()
    expect(plain.reason).toBeUndefined()
    const app = cluster(...base, '--transform', 'auto', '--prefer-k', '3-8').json
    expect(app.transforms.map((t: { method: string }) => t.method)).toEqual(Array(6).fill('log1p'))
    expect(app.k).toBeGreaterThanOrEqual(3)
    expect(app.k).toBeLessThanOrEqual(8)
    expect(app.reason).toMatch(new RegExp(`^We suggest ${app.k} segments for these 440 customers\\.`))
    // Centres in euros: the segments' mean spend, weighted by size, is the overall mean.
    const sizes = Array.from({ length: app.k }, (_, c) => app.labels.filter((l: number) => l === c).length)
    const fresh = app.centersOriginal.reduce((s: number, c: number[], i: number) => s + c[0] * sizes[i], 0) / 440
    expect(fresh).toBeCloseTo(12000.3, 0)
    expect(cluster(...base, '--transform', 'log').code).toBe(2)
    expect(cluster(...base, '--prefer-k', '8-3').code).toBe(2)
  })

  it('hierarchical methods return a SciPy-shaped linkage over all rows', () => {
    for (const method of ['ward', 'complete', 'average', 'single']) {
      const { json } = cluster(iris, '--features', features, '--method', method, '--k', '3')
      expect(json.linkage).toHaveLength(149)
      expect(json.linkage.at(-1)[3]).toBe(150)
      const heights = json.linkage.map((r: number[]) => r[2])
      expect([...heights].sort((a, b) => a - b)).toEqual(heights)
      expect(new Set(json.labels).size).toBe(3)
    }
  })

  it('says on stderr when --features names a column that looks like personal data, and uses it as asked', () => {
    const file = join(dir.path, 'with-phone.csv')
    const rows = Array.from({ length: 60 }, (_, i) => `${(i % 7) * 10 + i},${i % 5},${7700900123 + i * 37}`)
    writeFileSync(file, ['spend,visits,phone', ...rows].join('\n'))
    const named = cluster(file, '--features', 'spend,visits,phone', '--k', '2')
    expect(named.code).toBe(0)
    expect(named.stderr).toMatch(
      /^Note: "phone" looks like personal data \(.*phone.*\); it is used because --features names it\.$/m,
    )
    expect(named.json.n).toBe(60)
    const without = cluster(file, '--features', 'spend,visits', '--k', '2')
    expect(without.stderr).toBe('')
  })

  it('refuses bad flags and unknown columns with a plain message', () => {
    expect(cluster(iris, '--features', features, '--k', 'three').code).toBe(2)
    expect(cluster(iris, '--features', features, '--k', '3', '--method', 'dbscan').code).toBe(2)
    const unknown = cluster(iris, '--features', 'height', '--k', '3')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/"height" is not a column/)
  })
})

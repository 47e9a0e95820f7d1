/**
 * Shared by the cluster and metrics tests: SciPy / scikit-learn fixtures (made by
 * scripts/reference/make_cluster_fixtures.py, provenance inside each file) and small seeded data generators.
 */
import { readFileSync } from 'node:fs'
import { fromRows } from '../../../src/main/engine/matrix'
import type { Matrix } from '../../../src/main/engine/matrix'
import { createRng } from '../../../src/main/engine/random'

type Rows = number[][]

export interface LinkageFixture {
  datasets: Record<
    string,
    {
      x: Rows
      ties: boolean
      methods: Record<
        string,
        { Z: Rows; cutsByK: Record<string, number[]>; cutsByHeight: { height: number; labels: number[] }[] }
      >
    }
  >
}

interface DendrogramDrawing {
  leaves: number[]
  icoord: Rows
  dcoord: Rows
}

export interface DendrogramFixture {
  datasets: Record<
    string,
    Record<string, { Z: Rows; full: DendrogramDrawing; lastp6: DendrogramDrawing & { ivl: string[] } }>
  >
}

export interface MetricsFixture {
  cases: {
    name: string
    x: Rows
    labels: number[]
    silhouette: number
    silhouetteSamples: number[]
    calinskiHarabasz: number
    daviesBouldin: number
  }[]
  ari: { a: number[]; b: number[]; ari: number }[]
}

export interface KMeansFixture {
  irisK3: {
    inertia: number
    centers: Rows
    labels: number[]
    silhouette: number
    calinskiHarabasz: number
    daviesBouldin: number
  }
  fixedInit: {
    name: string
    x: Rows | 'iris'
    init: Rows
    tol: number
    inertia: number
    nIter: number
    centers: Rows
    labels: number[]
  }[]
}

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/scipy/${name}`, import.meta.url), 'utf8')) as T
}

/** Iris features (150 × 4) as stored in the linkage fixture, i.e. exactly what SciPy and scikit-learn saw. */
export function iris(): Matrix {
  return fromRows(fixture<LinkageFixture>('linkage.json').datasets.iris.x)
}

/** Gaussian blobs around k random centres in [-spread, spread]^d, rows in random order; also returns true labels. */
export function blobs(
  n: number,
  d: number,
  k: number,
  seed: number,
  spread = 10,
  std = 1,
): { x: Matrix; labels: Int32Array; centers: Float64Array } {
  const rng = createRng(seed)
  const centers = new Float64Array(k * d)
  for (let i = 0; i < centers.length; i++) centers[i] = (2 * rng.nextFloat() - 1) * spread
  const data = new Float64Array(n * d)
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const j = i < k ? i : rng.nextInt(k)
    labels[i] = j
    for (let t = 0; t < d; t++) data[i * d + t] = centers[j * d + t] + std * rng.nextNormal()
  }
  return { x: { data, rows: n, cols: d }, labels, centers }
}

/** |a - b| ≤ rel·max(|a|, |b|) + abs, with a readable failure. */
export function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-12, what = ''): void {
  const tol = rel * Math.max(Math.abs(actual), Math.abs(expected)) + abs
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`${what} expected ${expected}, got ${actual} (difference ${Math.abs(actual - expected)} > ${tol})`)
  }
}

export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel = 1e-9,
  abs = 1e-12,
  what = '',
): void {
  if (actual.length !== expected.length) throw new Error(`${what} length ${actual.length} ≠ ${expected.length}`)
  for (let i = 0; i < actual.length; i++) expectClose(actual[i], expected[i], rel, abs, `${what}[${i}]`)
}

/** Two labellings describe the same partition (labels may be named differently). */
export function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false
  const ab = new Map<number, number>()
  const ba = new Map<number, number>()
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]) ?? b[i]) !== b[i] || (ba.get(b[i]) ?? a[i]) !== a[i]) return false
    ab.set(a[i], b[i])
    ba.set(b[i], a[i])
  }
  return true
}

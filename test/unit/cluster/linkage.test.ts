import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { linkage, estimateLinkageMemoryBytes, maxRowsForMemory } from '../../../src/main/engine/cluster/linkage'
import { condensedLinkageRaw } from '../../../src/main/engine/cluster/linkageCondensed'
import { finishLinkage } from '../../../src/main/engine/cluster/linkageFinish'
import { cutByHeight, cutByK } from '../../../src/main/engine/cluster/cut'
import { dendrogramLayout } from '../../../src/main/engine/cluster/dendrogram'
import { fromRows } from '../../../src/main/engine/matrix'
import type { Matrix } from '../../../src/main/engine/matrix'
import type { LinkageMethod } from '../../../src/main/engine/cluster/types'
import { blobs, expectAllClose, fixture } from './helpers'
import type { DendrogramFixture, LinkageFixture } from './helpers'

const fx = fixture<LinkageFixture>('linkage.json')
const dendro = fixture<DendrogramFixture>('dendrogram.json')
const METHODS: LinkageMethod[] = ['ward', 'complete', 'average', 'single']

function column(z: Matrix, c: number): number[] {
  return Array.from({ length: z.rows }, (_, i) => z.data[i * 4 + c])
}

describe('linkage equals scipy.cluster.hierarchy.linkage 1.10.1 (test/fixtures/scipy/linkage.json)', () => {
  for (const [name, ds] of Object.entries(fx.datasets)) {
    for (const method of METHODS) {
      const expected = ds.methods[method].Z
      it(`${name}, ${method}: heights${ds.ties ? '' : ', merge pairs and sizes'}`, () => {
        const z = linkage(fromRows(ds.x), method).linkage
        expect(z.rows).toBe(expected.length)
        expectAllClose(
          column(z, 2),
          expected.map((r) => r[2]),
          1e-9,
          1e-12,
          'height',
        )
        if (!ds.ties) {
          expect(column(z, 0)).toEqual(expected.map((r) => r[0]))
          expect(column(z, 1)).toEqual(expected.map((r) => r[1]))
          expect(column(z, 3)).toEqual(expected.map((r) => r[3]))
        } else {
          // With tied merges SciPy may pick another pair of equal height, but sizes still add up to n at the end.
          expect(z.data[(z.rows - 1) * 4 + 3]).toBe(z.rows + 1)
        }
      })
    }
  }
})

describe('cuts equal scipy.cluster.hierarchy.fcluster, renumbered by first appearance', () => {
  for (const name of ['blobsA', 'blobsB']) {
    const ds = fx.datasets[name]
    for (const method of METHODS) {
      it(`${name}, ${method}`, () => {
        const z = linkage(fromRows(ds.x), method).linkage
        for (const [k, labels] of Object.entries(ds.methods[method].cutsByK)) {
          expect(Array.from(cutByK(z, Number(k)))).toEqual(labels)
        }
        for (const cut of ds.methods[method].cutsByHeight) {
          expect(Array.from(cutByHeight(z, cut.height))).toEqual(cut.labels)
        }
      })
    }
  }

  it('always returns exactly k segments, numbered by first appearance', () => {
    const z = linkage(fromRows(fx.datasets.iris.x), 'single').linkage // iris has tied merges
    for (let k = 1; k <= 150; k += 7) {
      const labels = cutByK(z, k)
      expect(new Set(labels).size).toBe(k)
      let seen = -1
      for (const l of labels) {
        expect(l).toBeLessThanOrEqual(seen + 1)
        seen = Math.max(seen, l)
      }
    }
    expect(() => cutByK(z, 0)).toThrow(/from 1 to 150; got 0/)
  })
})

describe('dendrogram layout equals scipy.cluster.hierarchy.dendrogram(no_plot=True)', () => {
  for (const [name, byMethod] of Object.entries(dendro.datasets)) {
    for (const [method, e] of Object.entries(byMethod)) {
      it(`${name}, ${method}: full and truncate_mode="lastp", p=6`, () => {
        const z = fromRows(e.Z)
        const full = dendrogramLayout(z)
        expect(Array.from(full.leaves)).toEqual(e.full.leaves)
        expectAllClose(full.icoord.data, e.full.icoord.flat(), 0, 1e-12, 'icoord')
        expectAllClose(full.dcoord.data, e.full.dcoord.flat(), 0, 1e-12, 'dcoord')
        const last = dendrogramLayout(z, { truncateTo: 6 })
        expect(Array.from(last.leaves)).toEqual(e.lastp6.leaves)
        expectAllClose(last.icoord.data, e.lastp6.icoord.flat(), 0, 1e-12, 'icoord')
        expectAllClose(last.dcoord.data, e.lastp6.dcoord.flat(), 0, 1e-12, 'dcoord')
        // SciPy labels contracted leaves "(size)": our leafSizes carry the same numbers.
        const sizes = e.lastp6.ivl.map((s) => (s.startsWith('(') ? Number(s.slice(1, -1)) : 1))
        expect(Array.from(last.leafSizes)).toEqual(sizes)
        expect(last.leafSizes.reduce((s, v) => s + v, 0)).toBe(z.rows + 1)
      })
    }
  }

  it('draws a 20,000-row single-linkage chain without recursion', () => {
    // Points on a line with growing gaps: every merge adds one row to one long chain, depth n.
    const n = 20_000
    const x = { data: Float64Array.from({ length: n }, (_, i) => i * i * 1e-3), rows: n, cols: 1 }
    const layout = dendrogramLayout(linkage(x, 'single').linkage)
    expect(layout.leaves).toHaveLength(n)
    expect(layout.icoord.rows).toBe(n - 1)
  })
})

describe('linkage properties', () => {
  const data = fc
    .record({ n: fc.integer({ min: 2, max: 40 }), d: fc.integer({ min: 1, max: 4 }), seed: fc.nat() })
    .map(({ n, d, seed }) => blobs(n, d, Math.min(3, n), seed, 4).x)

  it('Ward on centroids gives the heights of Ward by Lance–Williams on the full distance matrix', () => {
    // Independent check: a brute-force O(n³) Ward with the Lance–Williams update SciPy uses.
    fc.assert(
      fc.property(data, (x) => {
        const n = x.rows
        const D: number[][] = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) =>
            Math.hypot(...Array.from({ length: x.cols }, (_, t) => x.data[i * x.cols + t] - x.data[j * x.cols + t])),
          ),
        )
        const size = new Array(n).fill(1)
        const alive = new Set(Array.from({ length: n }, (_, i) => i))
        const heights: number[] = []
        while (alive.size > 1) {
          let best = Infinity
          let a = -1
          let b = -1
          for (const i of alive) for (const j of alive) if (i < j && D[i][j] < best) [best, a, b] = [D[i][j], i, j]
          heights.push(best)
          for (const i of alive) {
            if (i === a || i === b) continue
            const t = size[a] + size[b] + size[i]
            D[i][b] = D[b][i] = Math.sqrt(
              ((size[i] + size[a]) * D[i][a] ** 2 + (size[i] + size[b]) * D[i][b] ** 2 - size[i] * best ** 2) / t,
            )
          }
          size[b] += size[a]
          alive.delete(a)
        }
        heights.sort((p, q) => p - q)
        expectAllClose(column(linkage(x, 'ward').linkage, 2), heights, 1e-9, 1e-12, 'height')
      }),
      { numRuns: 60 },
    )
  })

  it('merge heights never decrease and sizes add up, for every method', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(...METHODS), (x, method) => {
        const z = linkage(x, method).linkage
        for (let i = 1; i < z.rows; i++) expect(z.data[i * 4 + 2]).toBeGreaterThanOrEqual(z.data[(i - 1) * 4 + 2])
        expect(z.data[(z.rows - 1) * 4 + 3]).toBe(x.rows)
        for (let i = 0; i < z.rows; i++) {
          const sizeOf = (id: number) => (id < x.rows ? 1 : z.data[(id - x.rows) * 4 + 3])
          expect(z.data[i * 4 + 3]).toBe(sizeOf(z.data[i * 4]) + sizeOf(z.data[i * 4 + 1]))
        }
      }),
      { numRuns: 120 },
    )
  })

  it('single linkage heights are the minimum spanning tree edges (checked against Kruskal)', () => {
    fc.assert(
      fc.property(data, (x) => {
        const n = x.rows
        const edges: [number, number, number][] = []
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            let s = 0
            for (let t = 0; t < x.cols; t++) s += (x.data[i * x.cols + t] - x.data[j * x.cols + t]) ** 2
            edges.push([Math.sqrt(s), i, j])
          }
        edges.sort((p, q) => p[0] - q[0])
        const parent = Array.from({ length: n }, (_, i) => i)
        const find = (v: number): number => (parent[v] === v ? v : (parent[v] = find(parent[v])))
        const mst: number[] = []
        for (const [w, i, j] of edges) {
          if (find(i) === find(j)) continue
          parent[find(i)] = find(j)
          mst.push(w)
        }
        expectAllClose(column(linkage(x, 'single').linkage, 2), mst, 1e-12, 1e-12, 'height')
      }),
      { numRuns: 60 },
    )
  })
})

describe('memory', () => {
  it('estimates O(n·d) for Ward and single, O(n²) for complete and average', () => {
    expect(estimateLinkageMemoryBytes('ward', 50_000, 8)).toBeLessThan(20 * 1024 ** 2)
    expect(estimateLinkageMemoryBytes('single', 50_000, 20)).toBeLessThan(20 * 1024 ** 2)
    const complete = estimateLinkageMemoryBytes('complete', 20_000, 8)
    expect(complete).toBeGreaterThan(1.6e9)
    expect(complete).toBeLessThan(1.7e9)
    expect(maxRowsForMemory('average', 8, 2 * 1024 ** 3)).toBeGreaterThan(22_000)
  })

  it('refuses a linkage that would not fit and suggests a sample size', () => {
    const x = blobs(300, 2, 3, 1).x
    expect(() => linkage(x, 'complete', { maxMemoryBytes: 100_000 })).toThrow(
      /sample of at most \d+ rows, or Ward or single/,
    )
    expect(() => linkage(x, 'ward', { maxMemoryBytes: 100_000 })).not.toThrow()
  })

  it('reports progress up to completion', () => {
    const seen: number[] = []
    linkage(blobs(500, 2, 3, 1).x, 'ward', { onProgress: (f) => seen.push(f) })
    expect(seen.length).toBeGreaterThan(50)
    expect(seen[seen.length - 1]).toBeCloseTo(1, 2)
  })
})

describe('validation', () => {
  it('needs two rows and finite values', () => {
    expect(() => linkage(fromRows([[1, 2]]), 'ward')).toThrow(/at least 2 rows/)
    expect(() =>
      linkage(
        fromRows([
          [1, 2],
          [NaN, 1],
        ]),
        'single',
      ),
    ).toThrow(/Row 2, column 1 is missing/)
    expect(() => linkage(fromRows([[1], [2]]), 'median' as LinkageMethod)).toThrow(/Unknown linkage "median"/)
  })

  it('finishLinkage names clusters the way SciPy does', () => {
    // Merges recorded by representative rows, out of height order: 3+4 at 1.0, 0+1 at 0.5, 1+4 at 2.0, 2+0 at 0.7.
    const raw = Float64Array.from([3, 4, 1.0, 0, 0, 1, 0.5, 0, 1, 4, 2.0, 0, 2, 0, 0.7, 0])
    const z = finishLinkage(raw, 5)
    expect(Array.from(z.data)).toEqual([0, 1, 0.5, 2, 2, 5, 0.7, 3, 3, 4, 1.0, 2, 6, 7, 2.0, 5])
  })

  it('complete linkage by chain equals the raw SciPy order on a tiny case', () => {
    const x = fromRows([[0], [1], [3], [7]])
    const raw = condensedLinkageRaw(x, 'complete')
    expect(Array.from(finishLinkage(raw, 4).data)).toEqual([0, 1, 1, 2, 2, 4, 3, 3, 3, 5, 7, 4])
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import type { Dendrogram } from '../../../src/shared/domain/cluster'
import {
  dendrogramOption,
  heightForSegments,
  cutColouring,
  segmentsAtHeight,
} from '../../../src/shared/charts/dendrogram'
import { lightChartPalette as palette } from '../../../src/shared/charts/palette'
import { renderSvg } from './render'

// SciPy 1.10 `dendrogram(Z, no_plot=True)` of two small blob sets (scripts/reference/make_cluster_fixtures.py).
interface Drawn {
  leaves: number[]
  icoord: number[][]
  dcoord: number[][]
  ivl?: string[]
}
const fixture = JSON.parse(readFileSync('test/fixtures/scipy/dendrogram.json', 'utf8')) as {
  datasets: Record<string, Record<string, { Z: number[][]; full: Drawn; lastp6: Drawn }>>
}
const cases = Object.entries(fixture.datasets).flatMap(([name, methods]) =>
  Object.entries(methods).map(([method, v]) => ({ name: `${name} ${method}`, ...v })),
)

function toDendrogram(z: number[][], drawn: Drawn): Dendrogram {
  const n = z.length + 1
  return {
    runId: 1,
    icoord: drawn.icoord,
    dcoord: drawn.dcoord,
    leafSizes: drawn.ivl ? drawn.ivl.map((s) => Number(s.replace(/[()]/g, ''))) : drawn.leaves.map(() => 1),
    heights: z.map((row) => row[2]).sort((a, b) => a - b),
    n,
  }
}

/** Independent reference: SciPy's fcluster(Z, t, 'distance') by union-find over the linkage rows. */
function fcluster(z: number[][], t: number): number[] {
  const n = z.length + 1
  const parent = Array.from({ length: 2 * n - 1 }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  z.forEach((row, i) => {
    if (row[2] <= t) {
      parent[find(row[0])] = n + i
      parent[find(row[1])] = n + i
    }
  })
  return Array.from({ length: n }, (_, i) => find(i))
}

function canonical(labels: number[]): number[] {
  const seen = new Map<number, number>()
  return labels.map((l) => seen.get(l) ?? (seen.set(l, seen.size), seen.size - 1))
}

const cutsOf = (heights: readonly number[]) => [
  heights[0] / 2,
  ...heights.slice(1).map((h, i) => (h + heights[i]) / 2),
  heights[heights.length - 1] * 1.1,
]

describe('segmentsAtHeight', () => {
  it.each(cases)('counts the same segments as fcluster at every cut ($name)', ({ Z, full }) => {
    const d = toDendrogram(Z, full)
    for (const t of [...cutsOf(d.heights), ...d.heights]) {
      expect(segmentsAtHeight(d.heights, t)).toBe(new Set(fcluster(Z, t)).size)
    }
  })

  it('is 1 + merges strictly above the cut (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 60 }),
        fc.double({ min: -1, max: 101, noNaN: true }),
        (hs, t) => {
          const heights = [...hs].sort((a, b) => a - b)
          expect(segmentsAtHeight(heights, t)).toBe(1 + heights.filter((h) => h > t).length)
        },
      ),
    )
  })
})

describe('heightForSegments', () => {
  it('gives a cut with exactly k segments for every reachable k, and null when ties skip k (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }), (hs) => {
        const heights = [...hs].sort((a, b) => a - b)
        const reachable = new Set(
          cutsOf(heights)
            .concat(heights)
            .map((t) => segmentsAtHeight(heights, t)),
        )
        for (let k = 0; k <= heights.length + 2; k++) {
          const h = heightForSegments(heights, k)
          if (h === null)
            expect(
              reachable.has(k) && k >= 1 && k <= heights.length + 1 && !(k === heights.length + 1 && heights[0] === 0),
            ).toBe(false)
          else expect(segmentsAtHeight(heights, h)).toBe(k)
        }
      }),
    )
  })
})

describe('cutColouring', () => {
  it.each(cases)('colours every leaf by the fcluster segment it falls in ($name)', ({ Z, full }) => {
    const d = toDendrogram(Z, full)
    for (const t of cutsOf(d.heights)) {
      const { groups, stubs, count } = cutColouring(d, t)
      const reference = fcluster(Z, t)
      expect(count).toBe(segmentsAtHeight(d.heights, t))
      // A leaf takes the group of the U standing on it when that U is under the cut, else the stub on it.
      const leafGroup = new Map<number, number>()
      d.icoord.forEach((xs, u) => {
        for (const c of [0, 3]) {
          if (d.dcoord[u][c] === 0 && (xs[c] - 5) % 10 === 0 && groups[u] >= 0)
            leafGroup.set(full.leaves[(xs[c] - 5) / 10], groups[u])
        }
      })
      for (const stub of stubs) {
        if (stub.bottom === 0 && (stub.x - 5) % 10 === 0) leafGroup.set(full.leaves[(stub.x - 5) / 10], stub.group)
      }
      expect(leafGroup.size).toBe(full.leaves.length)
      // Same partition: relabel both by first appearance in leaf order and compare.
      expect(canonical(full.leaves.map((l) => leafGroup.get(l)!))).toEqual(
        canonical(full.leaves.map((l) => reference[l])),
      )
      // Segments are numbered left to right.
      const order = full.leaves.map((l) => leafGroup.get(l)!)
      expect(order).toEqual([...order].sort((a, b) => a - b))
      expect(new Set(order).size).toBe(count)
    }
  })

  it('puts every merge above the cut when there is no cut', () => {
    const d = toDendrogram(cases[0].Z, cases[0].full)
    const colouring = cutColouring(d, null)
    expect(colouring.groups.every((g) => g === -1)).toBe(true)
    expect(colouring.stubs).toEqual([])
  })
})

describe('dendrogramOption', () => {
  it.each(cases)('draws every merge once as a U, one series per segment plus the rest ($name)', ({ Z, lastp6 }) => {
    const d = toDendrogram(Z, lastp6)
    const k = 3
    const cut = heightForSegments(d.heights, k)!
    const option = dendrogramOption(d, palette, { cutHeight: cut })
    const series = option.series as { name: string; data: unknown[]; markLine?: { data: { yAxis: number }[] } }[]
    expect(series.map((s) => s.name)).toEqual(['Above the cut', 'Segment 1', 'Segment 2', 'Segment 3'])
    const { stubs } = cutColouring(d, cut)
    const us = series.flatMap((s) => s.data.filter((p) => p !== '-'))
    expect(us).toHaveLength(4 * d.icoord.length + 2 * stubs.length)
    const drawn = new Set(us.map((p) => JSON.stringify(p)))
    d.icoord.forEach((xs, u) => xs.forEach((x, c) => expect(drawn.has(JSON.stringify([x, d.dcoord[u][c]]))).toBe(true)))
    expect(series[0].markLine!.data).toEqual([{ yAxis: cut, name: 'cut' }])
    const svg = renderSvg(option)
    expect(svg).toContain(`Cut: ${k} segments`)
    // Truncated leaves carry their customer counts as labels.
    for (const size of d.leafSizes) expect(svg).toContain(`>${size}</text>`)
  })

  it('has no cut line and no segment series without a cut', () => {
    const d = toDendrogram(cases[0].Z, cases[0].full)
    const series = dendrogramOption(d, palette, { cutHeight: null }).series as { name: string; markLine?: unknown }[]
    expect(series.map((s) => s.name)).toEqual(['Above the cut'])
    expect(series[0].markLine).toBeUndefined()
  })

  it('refuses malformed trees, naming what is wrong', () => {
    const d = toDendrogram(cases[0].Z, cases[0].lastp6)
    expect(() => dendrogramOption({ ...d, leafSizes: [1, 2] }, palette, { cutHeight: null })).toThrow(
      /has 6 leaves, not 2/,
    )
    expect(() => dendrogramOption({ ...d, heights: [2, 1] }, palette, { cutHeight: null })).toThrow(/1 follows 2/)
    expect(() => dendrogramOption({ ...d, dcoord: d.dcoord.slice(1) }, palette, { cutHeight: null })).toThrow(
      /5 x rows but 4/,
    )
    expect(() => dendrogramOption(d, palette, { cutHeight: NaN })).toThrow(/cut height is NaN/)
  })
})

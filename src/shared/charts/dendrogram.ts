/**
 * The dendrogram of a hierarchical run, drawn from SciPy-style coordinates: one U per merge (icoord = x of the four
 * corners, dcoord = heights), leaves at x = 5, 15, 25, …. A horizontal cut at some height splits the tree into
 * segments; the U's under the cut are coloured by the segment they end up in, the ones above it stay grey, as SciPy
 * colours with `color_threshold`.
 *
 * Cutting at height h keeps every merge at or below h and undoes every merge above it, exactly like
 * `fcluster(Z, t=h, criterion='distance')`: the number of segments is 1 + the number of merges higher than h.
 */
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption } from 'echarts/components'
import type { Dendrogram } from '../domain/cluster'
import { valueAxisStyle } from './common'
import { formatCount, formatNumber } from './format'
import { seriesColour, type ChartPalette } from './palette'

export type DendrogramOption = ComposeOption<LineSeriesOption | GridComponentOption | MarkLineComponentOption>

export function checkDendrogram(d: Dendrogram): void {
  if (d.icoord.length !== d.dcoord.length) {
    throw new RangeError(`The dendrogram has ${d.icoord.length} x rows but ${d.dcoord.length} height rows.`)
  }
  d.icoord.forEach((row, i) => {
    if (row.length !== 4 || d.dcoord[i].length !== 4) throw new RangeError(`Merge ${i + 1} does not have 4 corners.`)
  })
  if (d.leafSizes.length !== d.icoord.length + 1) {
    throw new RangeError(
      `A tree with ${d.icoord.length} drawn merges has ${d.icoord.length + 1} leaves, not ${d.leafSizes.length}.`,
    )
  }
  for (let i = 1; i < d.heights.length; i++) {
    if (!(d.heights[i] >= d.heights[i - 1])) {
      throw new RangeError(`Merge heights must be in ascending order; ${d.heights[i]} follows ${d.heights[i - 1]}.`)
    }
  }
}

/** Number of segments a cut at `height` gives: one plus the merges strictly above it. */
export function segmentsAtHeight(heights: readonly number[], height: number): number {
  // heights are ascending: binary search for the first merge above the cut.
  let lo = 0
  let hi = heights.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (heights[mid] > height) hi = mid
    else lo = mid + 1
  }
  return heights.length - lo + 1
}

/**
 * A cut height that gives exactly k segments: the middle of the gap between the merge that would make k - 1 segments
 * and the one that would make k + 1. Null when no cut gives k (k out of range, or tied merge heights skip it).
 */
export function heightForSegments(heights: readonly number[], k: number): number | null {
  const m = heights.length
  if (!Number.isInteger(k) || k < 1 || k > m + 1) return null
  if (k === 1) return m === 0 ? 0 : heights[m - 1] * 1.05 + (heights[m - 1] === 0 ? 1 : 0)
  const below = k === m + 1 ? 0 : heights[m - k] // the highest merge kept
  const above = heights[m - k + 1] // the lowest merge undone
  if (!(above > below)) return null
  return k === m + 1 ? above / 2 : (below + above) / 2
}

export interface CutColouring {
  /** For each drawn U, its segment (0-based, numbered left to right), or -1 when the U is above the cut. */
  readonly groups: readonly number[]
  /**
   * Legs of U's above the cut that stand on a segment: the part of the leg under the cut is drawn in that segment's
   * colour, so a segment that is a single leaf (a lone customer, or a group in a truncated tree) is coloured too.
   */
  readonly stubs: readonly { readonly x: number; readonly bottom: number; readonly group: number }[]
  /** Segments drawn: equals the cut's number of segments unless the cut is below a truncated leaf's own merges. */
  readonly count: number
}

/**
 * Which segment each part of the drawing belongs to under a cut at `height`. A U's parent is the U whose leg stands
 * on this U's top: same x (the U's middle) and same height.
 */
export function cutColouring(d: Dendrogram, height: number | null): CutColouring {
  const count = d.icoord.length
  if (height === null) return { groups: new Array<number>(count).fill(-1), stubs: [], count: 0 }
  const key = (x: number, h: number) => `${x}|${h}`
  const topOwner = new Map<string, number>()
  for (let u = 0; u < count; u++) topOwner.set(key((d.icoord[u][1] + d.icoord[u][2]) / 2, d.dcoord[u][1]), u)
  // child[u][side]: the U a leg stands on, or -1 for a leaf.
  const parent = new Int32Array(count).fill(-1)
  const child = Array.from({ length: count }, (_, u) =>
    [0, 3].map((c) => {
      const v = topOwner.get(key(d.icoord[u][c], d.dcoord[u][c])) ?? -1
      if (v >= 0) parent[v] = u
      return v
    }),
  )
  const below = (u: number) => d.dcoord[u][1] <= height
  // A segment starts where a leg of a U above the cut crosses it (standing on a U under the cut, or on a leaf), or
  // is the whole tree when even the root is under the cut.
  const starts: { x: number; u: number; leg: number; c: number }[] = []
  for (let u = 0; u < count; u++) {
    if (below(u)) {
      if (parent[u] === -1) starts.push({ x: (d.icoord[u][1] + d.icoord[u][2]) / 2, u, leg: -1, c: -1 })
      continue
    }
    ;[0, 3].forEach((c, side) => {
      const v = child[u][side]
      if (d.dcoord[u][c] <= height) starts.push({ x: d.icoord[u][c], u: v, leg: u, c })
    })
  }
  starts.sort((a, b) => a.x - b.x)
  const groupOfRoot = new Map<number, number>()
  const stubs: { x: number; bottom: number; group: number }[] = []
  starts.forEach((s, g) => {
    if (s.u >= 0) groupOfRoot.set(s.u, g)
    if (s.leg >= 0) stubs.push({ x: s.x, bottom: d.dcoord[s.leg][s.c], group: g })
  })
  const groups = Array.from({ length: count }, (_, u) => {
    if (!below(u)) return -1
    let r = u
    while (!groupOfRoot.has(r)) r = parent[r]
    return groupOfRoot.get(r)!
  })
  return { groups, stubs, count: starts.length }
}

export interface DendrogramDrawOptions {
  /** Height of the cut line, or null for no cut. */
  readonly cutHeight: number | null
  /** Leaf sizes are printed under the leaves when there are at most this many. Default 60. */
  readonly maxLeafLabels?: number
}

/**
 * The dendrogram as ECharts line series: one series per segment under the cut plus one for the merges above it, each
 * a run of U-shapes separated by gaps, and the cut as a horizontal mark line labelled with its number of segments.
 * Drawn U's are `4 × merges` points; stubs add 2 points each.
 */
export function dendrogramOption(
  d: Dendrogram,
  palette: ChartPalette,
  options: DendrogramDrawOptions,
): DendrogramOption {
  checkDendrogram(d)
  const { cutHeight } = options
  if (cutHeight !== null && !Number.isFinite(cutHeight)) throw new RangeError(`The cut height is ${cutHeight}.`)
  const { groups, stubs, count: groupCount } = cutColouring(d, cutHeight)
  const leaves = d.leafSizes.length

  // A U is 4 points; the gap between two U's is one missing point, which a line series draws as a break.
  const shapes = (group: number) => {
    const points: (readonly [number, number] | '-')[] = []
    groups.forEach((g, u) => {
      if (g !== group) return
      if (points.length > 0) points.push('-')
      for (let c = 0; c < 4; c++) points.push([d.icoord[u][c], d.dcoord[u][c]] as const)
    })
    for (const stub of stubs) {
      if (stub.group !== group) continue
      if (points.length > 0) points.push('-')
      points.push([stub.x, stub.bottom] as const, [stub.x, cutHeight!] as const)
    }
    return points
  }
  // Grey first, so the coloured stubs are drawn over the grey legs they share.
  const series: LineSeriesOption[] = [line('Above the cut', shapes(-1), palette.muted)]
  for (let g = 0; g < groupCount; g++) {
    series.push(line(`Segment ${g + 1}`, shapes(g), seriesColour(palette, g)))
  }
  if (cutHeight !== null) {
    const k = segmentsAtHeight(d.heights, cutHeight)
    series[0].markLine = {
      silent: true,
      symbol: 'none',
      animation: false,
      lineStyle: { color: palette.warn, type: 'dashed', width: 2 },
      label: { position: 'insideEndTop', color: palette.warn, fontWeight: 'bold', formatter: `Cut: ${k} segments` },
      data: [{ yAxis: cutHeight, name: 'cut' }],
    }
  }

  const showLeafLabels = leaves <= (options.maxLeafLabels ?? 60)
  const leafX = Array.from({ length: leaves }, (_, i) => 5 + 10 * i)
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: showLeafLabels ? 8 : 16, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 10 * leaves,
      axisLine: { lineStyle: { color: palette.border } },
      splitLine: { show: false },
      axisTick: { show: showLeafLabels, customValues: leafX, lineStyle: { color: palette.border } },
      axisLabel: showLeafLabels
        ? {
            customValues: leafX,
            color: palette.muted,
            fontSize: 10,
            rotate: leaves > 12 ? 90 : 0,
            hideOverlap: false,
            formatter: (x: number) => formatCount(d.leafSizes[Math.round((x - 5) / 10)] ?? NaN),
          }
        : { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.muted, fontSize: 11, formatter: (v: number) => formatNumber(v) },
    },
    series,
  }
}

function line(name: string, data: (readonly [number, number] | '-')[], colour: string): LineSeriesOption {
  return {
    type: 'line',
    name,
    data: data as LineSeriesOption['data'],
    showSymbol: false,
    connectNulls: false,
    silent: true,
    lineStyle: { color: colour, width: 1.5 },
    itemStyle: { color: colour },
  }
}

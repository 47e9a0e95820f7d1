/**
 * The criteria charts of a sweep over the number of segments k: one small line chart per criterion, side by side, each
 * with the recommended k marked (and, on the inertia chart, the elbow), so a reader sees at a glance whether the
 * criteria agree. Numbers of segments the recommendation left out (a segment under 1% of customers) are drawn apart,
 * in a shaded band with a dashed line, and are never "best". Titles are the criteria's names as the recommendation's
 * words use them (`kCriterionNames`). The words that explain each criterion live here too, beside their charts.
 */
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import {
  kCriterionNames,
  type ExcludedK,
  type KCriterionKey,
  type KRecommendation,
  type SweepPoint,
} from '../domain/cluster'
import { tooltipStyle, valueAxisStyle } from './common'
import { formatNumber } from './format'
import type { ChartPalette } from './palette'

export type CriterionOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption | MarkAreaComponentOption
>

export type CriterionKey = KCriterionKey

export interface Criterion {
  readonly key: CriterionKey
  readonly title: string
  /** Which way is better; the elbow criterion has no best value, only a bend. */
  readonly better: 'higher' | 'lower' | 'elbow'
  /** One sentence for a marketer. */
  readonly meaning: string
}

export const criteria: readonly Criterion[] = [
  {
    key: 'inertia',
    title: kCriterionNames.inertia,
    better: 'elbow',
    meaning:
      'Always falls as you add segments; the bend (the "elbow") is where extra segments stop paying for themselves.',
  },
  {
    key: 'silhouette',
    title: kCriterionNames.silhouette,
    better: 'higher',
    meaning: 'Higher is better: customers are closer to their own segment than to the next one (from −1 to 1).',
  },
  {
    key: 'calinskiHarabasz',
    title: kCriterionNames.calinskiHarabasz,
    better: 'higher',
    meaning: 'Higher is better: segments are far apart compared with how spread out each one is.',
  },
  {
    key: 'daviesBouldin',
    title: kCriterionNames.daviesBouldin,
    better: 'lower',
    meaning: 'Lower is better: each segment is compact and unlike its most similar neighbour (0 is ideal).',
  },
  {
    key: 'stability',
    title: kCriterionNames.stability,
    better: 'higher',
    meaning: 'Higher is better: the same segments come back when the customers are resampled (1 means always).',
  },
]

/** The criteria a sweep has values for: stability only when it was computed for at least one k. */
export function criteriaOf(sweep: readonly SweepPoint[]): Criterion[] {
  const hasStability = sweep.some((p) => p.stability !== null && Number.isFinite(p.stability))
  return criteria.filter((c) => c.key !== 'stability' || hasStability)
}

export function checkSweep(sweep: readonly SweepPoint[], recommendation: KRecommendation | null): void {
  if (sweep.length === 0) throw new RangeError('The sweep has no points to draw.')
  sweep.forEach((p, i) => {
    if (!Number.isInteger(p.k) || p.k < 1)
      throw new RangeError(`Sweep point ${i + 1} has k = ${p.k}; k is a whole number.`)
    if (i > 0 && p.k <= sweep[i - 1].k) {
      throw new RangeError(`The sweep's k values must increase; k = ${p.k} follows k = ${sweep[i - 1].k}.`)
    }
  })
  if (recommendation) {
    const ks = new Set(sweep.map((p) => p.k))
    if (!ks.has(recommendation.k)) {
      throw new RangeError(`The recommended k = ${recommendation.k} is not among the swept values.`)
    }
    if (recommendation.elbowK !== null && !ks.has(recommendation.elbowK)) {
      throw new RangeError(`The elbow k = ${recommendation.elbowK} is not among the swept values.`)
    }
  }
}

function valueOf(point: SweepPoint, key: CriterionKey): number | null {
  const v = point[key]
  return v === null || !Number.isFinite(v) ? null : v
}

/** The numbers of segments the recommendation left out, by k (none for older runs, which did not record them). */
export function excludedOf(recommendation: KRecommendation | null): ReadonlyMap<number, ExcludedK> {
  return new Map((recommendation?.excluded ?? []).map((e) => [e.k, e]))
}

/**
 * The k with the best value of a criterion among the ks the recommendation considered (null for the elbow criterion,
 * or when no value is finite), so that "best here" agrees with the recommendation's words; with `within`, only
 * among the ks in that range (where the recommendation held its vote when it preferred 3–8 segments).
 */
export function bestK(
  sweep: readonly SweepPoint[],
  criterion: Criterion,
  recommendation: KRecommendation | null = null,
  within: readonly [number, number] | null = null,
): number | null {
  if (criterion.better === 'elbow') return null
  const excluded = excludedOf(recommendation)
  let best: number | null = null
  let bestValue = 0
  for (const p of sweep) {
    if (excluded.has(p.k) || (within && (p.k < within[0] || p.k > within[1]))) continue
    const v = valueOf(p, criterion.key)
    if (v === null) continue
    if (best === null || (criterion.better === 'higher' ? v > bestValue : v < bestValue)) {
      best = p.k
      bestValue = v
    }
  }
  return best
}

/**
 * "Not considered: 5 to 10 segments (a segment would hold under 1.0% of customers)." — one sentence per reason, or
 * null when nothing was left out. Consecutive ks are written as a range.
 */
export function excludedSentence(recommendation: KRecommendation | null): string | null {
  const byReason = new Map<string, number[]>()
  for (const e of excludedOf(recommendation).values()) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e.k])
  if (byReason.size === 0) return null
  const parts = [...byReason.entries()].map(([reason, ks]) => `${kRuns(ks)} segments (${reason})`)
  return `Not considered: ${parts.join('; ')}.`
}

/** [3, 5, 6, 7] → "3 and 5 to 7"; [5, 6] → "5 and 6". */
function kRuns(ks: readonly number[]): string {
  const parts = contiguous(ks).flatMap(([a, b]) =>
    b - a >= 2 ? [`${a} to ${b}`] : a === b ? [`${a}`] : [`${a}`, `${b}`],
  )
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

/** Sorted runs of consecutive whole numbers, as [first, last] pairs. */
function contiguous(ks: readonly number[]): [number, number][] {
  const out: [number, number][] = []
  for (const k of [...ks].sort((a, b) => a - b)) {
    const last = out[out.length - 1]
    if (last && k === last[1] + 1) last[1] = k
    else out.push([k, k])
  }
  return out
}

/**
 * One criterion over k. The recommended k gets a solid vertical line and an enlarged point; the elbow (inertia only)
 * a dashed one. Missing values (stability not computed for a k, a metric that is undefined) leave a gap. Excluded ks
 * leave the main line and get a second, dashed series of hollow points in a shaded band labelled "excluded".
 */
export function criterionOption(
  sweep: readonly SweepPoint[],
  key: CriterionKey,
  recommendation: KRecommendation | null,
  palette: ChartPalette,
): CriterionOption {
  checkSweep(sweep, recommendation)
  const criterion = criteria.find((c) => c.key === key)
  if (!criterion) throw new RangeError(`Unknown criterion "${String(key)}".`)
  const recommended = recommendation?.k ?? null
  const elbow = key === 'inertia' ? (recommendation?.elbowK ?? null) : null
  const excluded = excludedOf(recommendation)

  const first = sweep[0].k
  const last = sweep[sweep.length - 1].k
  // A label centred on a line at either end of the axis would be cut off: anchor it towards the middle instead.
  const align = (k: number) => {
    const at = last === first ? 0.5 : (k - first) / (last - first)
    return at < 0.34 ? 'left' : at > 0.66 ? 'right' : 'center'
  }
  const marks: NonNullable<LineSeriesOption['markLine']>['data'] = []
  if (recommended !== null) {
    marks.push({
      xAxis: recommended,
      name: 'recommended',
      lineStyle: { color: palette.accent, type: 'solid', width: 2 },
      label: {
        formatter: elbow === recommended ? `Recommended ${recommended} · elbow` : `Recommended ${recommended}`,
        color: palette.accent,
        fontWeight: 'bold',
        align: align(recommended),
      },
    })
  }
  if (elbow !== null && elbow !== recommended) {
    marks.push({
      xAxis: elbow,
      name: 'elbow',
      lineStyle: { color: palette.second, type: 'dashed', width: 1.5 },
      // Raised above the recommendation's label, so the two never overlap when the lines are close.
      label: { formatter: `Elbow ${elbow}`, color: palette.second, align: align(elbow), distance: 19 },
    })
  }

  return {
    animation: false,
    grid: { left: 8, right: 16, top: marks.length > 1 ? 46 : 30, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      ...tooltipStyle(palette),
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { data: { value: [number, number | null] } }
        const k = p.data.value[0]
        const point = sweep.find((q) => q.k === k)
        const value = `${k} segments: ${formatNumber(point ? valueOf(point, key) : null)}`
        const left = excluded.get(k)
        if (left) return `${value} (not considered: ${left.reason})`
        return `${value}${k === recommended ? ' (recommended)' : ''}`
      },
    },
    xAxis: {
      type: 'value',
      name: 'number of segments',
      nameLocation: 'middle',
      nameGap: 24,
      min: first,
      max: last,
      minInterval: 1,
      ...valueAxisStyle(palette),
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: true,
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.muted, fontSize: 11, formatter: (v: number) => formatNumber(v) },
    },
    series: [
      {
        type: 'line',
        name: criterion.title,
        connectNulls: false,
        showAllSymbol: true,
        lineStyle: { color: palette.second, width: 2 },
        itemStyle: { color: palette.second },
        data: sweep.map((p) => {
          const isRecommended = p.k === recommended
          return {
            value: [p.k, excluded.has(p.k) ? null : valueOf(p, key)] as [number, number | null],
            symbolSize: isRecommended ? 12 : 6,
            itemStyle: isRecommended
              ? { color: palette.accent, borderColor: palette.surface, borderWidth: 2 }
              : undefined,
          }
        }),
        markLine: {
          silent: true,
          symbol: 'none',
          animation: false,
          label: { position: 'end', fontSize: 11 },
          data: marks,
        },
      },
      ...(excluded.size > 0 ? [excludedSeries(sweep, key, excluded, palette)] : []),
    ],
  }
}

/**
 * The excluded ks as a dashed, muted line of hollow points, joined to the considered neighbours (drawn without a
 * symbol, so they are not counted twice), over a shaded band per run of consecutive excluded ks.
 */
function excludedSeries(
  sweep: readonly SweepPoint[],
  key: CriterionKey,
  excluded: ReadonlyMap<number, ExcludedK>,
  palette: ChartPalette,
): LineSeriesOption {
  const first = sweep[0].k
  const last = sweep[sweep.length - 1].k
  return {
    type: 'line',
    name: 'Not considered',
    connectNulls: false,
    showAllSymbol: true,
    symbol: 'emptyCircle',
    lineStyle: { color: palette.muted, width: 1.5, type: 'dashed' },
    itemStyle: { color: palette.muted },
    data: sweep.map((p, i) => {
      const out = excluded.has(p.k)
      const bridge = !out && (excluded.has(sweep[i - 1]?.k) || excluded.has(sweep[i + 1]?.k))
      return {
        value: [p.k, out || bridge ? valueOf(p, key) : null] as [number, number | null],
        symbolSize: out ? 7 : 0,
      }
    }),
    markArea: {
      silent: true,
      itemStyle: { color: palette.muted, opacity: 0.12 },
      label: { show: true, position: 'insideTop', color: palette.muted, fontSize: 10, formatter: 'excluded' },
      data: contiguous([...excluded.keys()]).map(([a, b]) => [
        { name: 'excluded', xAxis: Math.max(first, a - 0.5) },
        { xAxis: Math.min(last, b + 0.5) },
      ]),
    },
  }
}

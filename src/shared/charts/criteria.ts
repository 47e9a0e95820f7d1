/**
 * The criteria charts of a sweep over the number of segments k: one small line chart per criterion, side by side, each
 * with the recommended k marked (and, on the inertia chart, the elbow), so a reader sees at a glance whether the
 * criteria agree. The words that explain each criterion live here too, beside the charts they explain.
 */
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import type { KRecommendation, SweepPoint } from '../domain/cluster'
import { tooltipStyle, valueAxisStyle } from './common'
import { formatNumber } from './format'
import type { ChartPalette } from './palette'

export type CriterionOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>

export type CriterionKey = 'inertia' | 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin' | 'stability'

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
    title: 'Spread within segments',
    better: 'elbow',
    meaning:
      'Always falls as you add segments; the bend (the "elbow") is where extra segments stop paying for themselves.',
  },
  {
    key: 'silhouette',
    title: 'Silhouette',
    better: 'higher',
    meaning: 'Higher is better: customers are closer to their own segment than to the next one (from −1 to 1).',
  },
  {
    key: 'calinskiHarabasz',
    title: 'Calinski–Harabasz',
    better: 'higher',
    meaning: 'Higher is better: segments are far apart compared with how spread out each one is.',
  },
  {
    key: 'daviesBouldin',
    title: 'Davies–Bouldin',
    better: 'lower',
    meaning: 'Lower is better: each segment is compact and unlike its most similar neighbour (0 is ideal).',
  },
  {
    key: 'stability',
    title: 'Stability',
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

/** The k with the best value of a criterion (null for the elbow criterion, or when no value is finite). */
export function bestK(sweep: readonly SweepPoint[], criterion: Criterion): number | null {
  if (criterion.better === 'elbow') return null
  let best: number | null = null
  let bestValue = 0
  for (const p of sweep) {
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
 * One criterion over k. The recommended k gets a solid vertical line and an enlarged point; the elbow (inertia only)
 * a dashed one. Missing values (stability not computed for a k, a metric that is undefined) leave a gap.
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
        const [k, v] = p.data.value
        return `${k} segments: ${formatNumber(v)}${k === recommended ? ' (recommended)' : ''}`
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
            value: [p.k, valueOf(p, key)] as [number, number | null],
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
    ],
  }
}

/**
 * The executive summary, written from the results: how many segments, the biggest and the most valuable, how clearly
 * they separate, and what to do next with each. Plain data (sentences), so the HTML only lays it out.
 */
import type { SegmentLabel, SegmentProfile } from '../../../shared/domain/understand'
import { featureWords } from '../../../shared/ruleText'
import { formatCount, formatPercent, listNames } from '../../engine/profile/wording'
import type { ReportModel } from '../model'
import { moneyWords } from './names'
import { suggestedAction } from './actions'

export interface Highlight {
  readonly label: string
  readonly value: string
  readonly detail: string
  /** Segment the highlight is about, for its colour. */
  readonly segment: number | null
}

export interface NextStep {
  readonly segment: number
  readonly name: string
  readonly action: string
  /** True when SegmentLab suggests the action (the user has not written one). */
  readonly suggested: boolean
}

export interface ExecutiveSummary {
  readonly headline: string
  readonly highlights: readonly Highlight[]
  readonly paragraphs: readonly string[]
  readonly nextSteps: readonly NextStep[]
}

/** A name reason reads as a sentence of its own; lower-case its first letter to follow "who". */
const lowerFirst = (s: string) => (s ? s.charAt(0).toLowerCase() + s.slice(1) : s)

/** The words for a mean silhouette (−1..1). */
export function separationWords(silhouette: number): string {
  if (silhouette >= 0.5)
    return 'clearly separated: most customers are much closer to their own segment than to any other'
  if (silhouette >= 0.25)
    return 'reasonably well separated: most customers sit closer to their own segment than to the next, with some overlap at the edges'
  return 'overlapping: the segments are useful groupings, but many customers sit between two of them'
}

export function actionOf(
  label: SegmentLabel,
  segment: SegmentProfile | undefined,
): { action: string; suggested: boolean } {
  if (label.action.trim() !== '') return { action: label.action.trim(), suggested: false }
  return {
    action: segment
      ? suggestedAction(segment)
      : 'Describe this segment on the Understand step to get a suggested action.',
    suggested: true,
  }
}

export function executiveSummary(model: ReportModel): ExecutiveSummary {
  const { run, profile, labels } = model
  const name = (s: number) => labels[s]?.name ?? `Segment ${s + 1}`
  const features = listNames(run.features.map(featureWords), 4)
  const headline = `${formatCount(run.n)} customers fall into ${run.k} segments`
  const paragraphs: string[] = [
    `SegmentLab grouped the ${formatCount(run.n)} customers in “${model.datasets.at(-1)?.name ?? 'the data'}” into ` +
      `${run.k} segments by ${features}. Customers in the same segment behave alike; each segment below has a name, a ` +
      'description and a suggested action.',
  ]
  const highlights: Highlight[] = [
    { label: 'Customers', value: formatCount(run.n), detail: `in ${run.k} segments`, segment: null },
  ]
  const segments = profile?.segments ?? []
  const sizes = segments.length === run.k ? segments.map((s) => s.size) : run.sizes
  const biggest = sizes.reduce((best, size, s) => (size > sizes[best] ? s : best), 0)
  const share = sizes[biggest] / Math.max(1, run.n)
  highlights.push({
    label: 'Biggest segment',
    value: name(biggest),
    detail: `${formatPercent(share)} of customers (${formatCount(sizes[biggest])})`,
    segment: biggest,
  })
  const biggestProfile = segments[biggest]
  paragraphs.push(
    `The biggest segment is ${name(biggest)}, with ${formatPercent(share)} of customers` +
      (biggestProfile ? `, who ${lowerFirst(biggestProfile.nameReason)}` : '.'),
  )

  const valued = segments.filter((s) => s.valueShare !== null)
  if (profile && valued.length === segments.length && valued.length > 0) {
    const top = [...valued].sort((a, b) => b.valueShare! - a.valueShare! || a.segment - b.segment)[0]
    const money = moneyWords(profile.monetaryFeature)
    highlights.push({
      label: 'Most valuable',
      value: name(top.segment),
      detail: `${formatPercent(top.valueShare!)} of ${money} from ${formatPercent(top.share)} of customers`,
      segment: top.segment,
    })
    if (top.segment !== biggest) {
      paragraphs.push(
        `The most valuable is ${name(top.segment)}: ${formatPercent(top.share)} of customers who bring ` +
          `${formatPercent(top.valueShare!)} of all ${money}; they ${lowerFirst(top.nameReason)}`,
      )
    } else {
      paragraphs.push(`It is also the most valuable, with ${formatPercent(top.valueShare!)} of all ${money}.`)
    }
  } else if (profile) {
    paragraphs.push(
      'The data has no spending column, so the report compares segments by size and traits, not by value.',
    )
  }

  if (profile?.silhouette) {
    const mean = profile.silhouette.mean
    highlights.push({
      label: 'Separation',
      value: mean >= 0.5 ? 'Clear' : mean >= 0.25 ? 'Good' : 'Overlapping',
      detail: `silhouette ${mean.toFixed(2)} (from −1 to 1)`,
      segment: null,
    })
    paragraphs.push(`The segments are ${separationWords(mean)}.`)
  } else if (!profile) {
    paragraphs.push(
      'The segments have not been described yet (the Understand step); names, traits and actions appear once they are.',
    )
  }

  // Most valuable first when value is known, else biggest first: the order in which a manager would act.
  const order = labels
    .map((l) => l.segment)
    .sort((a, b) => {
      const va = segments[a]?.valueShare ?? null
      const vb = segments[b]?.valueShare ?? null
      return va !== null && vb !== null ? vb - va || a - b : sizes[b] - sizes[a] || a - b
    })
  const nextSteps = order.map((s) => ({ segment: s, name: name(s), ...actionOf(labels[s], segments[s]) }))
  return { headline, highlights, paragraphs, nextSteps }
}

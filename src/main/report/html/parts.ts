/** Small pieces of markup the sections share. */
import type { ChartSpec } from '../../../shared/charts/chartSpec'
import type { SegmentStyle } from '../../../shared/charts/segmentStyles'
import type { RunProfile } from '../../../shared/domain/understand'
import { featureWords } from '../../../shared/ruleText'
import { CHART_WIDTH, type RenderContext } from './context'
import { esc } from './escape'
import { moneyWords } from '../text/names'

/** A chart with its title and (unless a neighbour already says it) its one-line reading guide, kept on one page. */
export function figure(
  ctx: RenderContext,
  spec: ChartSpec<object>,
  width = CHART_WIDTH,
  height = spec.height,
  caption = true,
): string {
  const guide = caption ? `<figcaption>${esc(spec.caption)}</figcaption>` : ''
  return `<figure><h3>${esc(spec.title)}</h3>${ctx.chart(spec.option, width, height)}${guide}</figure>`
}

export function swatch(style: SegmentStyle): string {
  return `<span class="swatch" style="background:${style.colour}"></span>`
}

/** A segment's name with its colour chip. */
export function segmentName(style: SegmentStyle): string {
  return `${swatch(style)}${esc(style.name)}`
}

export function chapterHead(number: number, title: string, lede?: string): string {
  return (
    `<div class="chapter-number">Section ${number}</div><h1>${esc(title)}</h1>` +
    (lede ? `<p class="lede">${esc(lede)}</p>` : '')
  )
}

/**
 * The profile as charts should label it: feature names in words ("recency days", not "recency_days") and the money
 * column by what it means. Only names change; every number stays.
 */
export function displayProfile(profile: RunProfile): RunProfile {
  const name = (feature: string) => featureWords(feature)
  return {
    ...profile,
    monetaryFeature: profile.monetaryFeature === null ? null : moneyWords(profile.monetaryFeature),
    features: profile.features.map((f) => ({ ...f, feature: name(f.feature) })),
    segments: profile.segments.map((s) => ({
      ...s,
      features: s.features.map((f) => ({ ...f, feature: name(f.feature) })),
      categories: s.categories.map((c) => ({ ...c, feature: name(c.feature) })),
    })),
  }
}

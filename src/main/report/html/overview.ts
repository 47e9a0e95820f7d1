/** Segment overview: sizes and value shares, the segment map, and what sets each segment apart (one idea per page). */
import { profileHeatmap } from '../../../shared/charts/profileHeatmap'
import { segmentMap } from '../../../shared/charts/segmentMap'
import { segmentShares } from '../../../shared/charts/segmentShares'
import { featureWords } from '../../../shared/ruleText'
import { formatCount, formatPercent } from '../../engine/profile/wording'
import type { RenderContext } from './context'
import { esc } from './escape'
import { chapterHead, figure, segmentName } from './parts'

export function overviewHtml(ctx: RenderContext, number: number): string {
  const { model, styles } = ctx
  const profile = model.profile
  const sizes = profile ? profile.segments.map((s) => s.size) : model.run.sizes
  const hasValue = profile !== null && profile.segments.every((s) => s.valueShare !== null)
  const money = featureWords(profile?.monetaryFeature ?? 'value')
  const rows = styles
    .map((style, s) => {
      const segment = profile?.segments[s]
      const value = hasValue ? `<td class="num">${formatPercent(segment!.valueShare!)}</td>` : ''
      return (
        `<tr><td>${segmentName(style)}</td><td class="num">${formatCount(sizes[s])}</td>` +
        `<td class="num">${formatPercent(sizes[s] / Math.max(1, model.run.n))}</td>${value}` +
        `<td>${esc(segment?.nameReason ?? '')}</td></tr>`
      )
    })
    .join('')
  const table = `<table><thead><tr><th>Segment</th><th class="num">Customers</th><th class="num">Share</th>${
    hasValue ? `<th class="num">Share of ${esc(money)}</th>` : ''
  }<th>In a sentence</th></tr></thead><tbody>${rows}</tbody></table>`

  const parts = [
    chapterHead(
      number,
      'Segment overview',
      `How big each of the ${model.run.k} segments is${hasValue ? ` and how much of the ${money} it brings` : ''}.`,
    ),
  ]
  if (profile) parts.push(figure(ctx, segmentShares(profile, model.labels, ctx.palette)))
  parts.push(`<div class="keep">${table}</div>`)
  if (profile?.map) {
    const map = segmentMap(profile.map, model.labels, ctx.palette)
    parts.push(
      `<section class="new-page"><h2>The segment map</h2><p>The customers drawn on one page: a picture of how distinct ` +
        `the segments are and where they touch.</p>${figure(ctx, map, 660, 560)}</section>`,
    )
  }
  if (profile && profile.features.some((f) => f.kind === 'number')) {
    const heat = profileHeatmap(profile, model.labels, ctx.palette)
    parts.push(
      `<section class="new-page"><h2>What sets each segment apart</h2><p>Each segment against the average customer, ` +
        `feature by feature.</p>${figure(ctx, heat, 660, Math.max(heat.height, 220))}</section>`,
    )
  }
  return parts.join('\n')
}

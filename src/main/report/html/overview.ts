/** Segment overview: sizes and value shares, the segment map, and what sets each segment apart (one idea per page). */
import { profileHeatmap } from '../../../shared/charts/profileHeatmap'
import { segmentMap } from '../../../shared/charts/segmentMap'
import { segmentShares } from '../../../shared/charts/segmentShares'
import { orderedNumericFeatures } from '../../../shared/charts/profileFeatures'
import { formatCount, formatPercent } from '../../engine/profile/wording'
import type { RunProfile } from '../../../shared/domain/understand'
import type { RenderContext } from './context'
import { esc } from './escape'
import { chapterHead, displayProfile, figure, segmentName } from './parts'
import { moneyWords, tableNumber } from '../text/names'

export function overviewHtml(ctx: RenderContext, number: number): string {
  const { model, styles } = ctx
  const profile = model.profile
  const sizes = profile ? profile.segments.map((s) => s.size) : model.run.sizes
  const hasValue = profile !== null && profile.segments.every((s) => s.valueShare !== null)
  const money = moneyWords(profile?.monetaryFeature ?? null)
  const rows = styles
    .map((style, s) => {
      const segment = profile?.segments[s]
      const value = hasValue ? `<td class="num">${formatPercent(segment!.valueShare!)}</td>` : ''
      return (
        `<tr><td class="segment">${segmentName(style)}</td><td class="num">${formatCount(sizes[s])}</td>` +
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
  const shown = profile ? displayProfile(profile) : null
  if (shown) parts.push(figure(ctx, segmentShares(shown, model.labels, ctx.palette)))
  parts.push(`<div class="keep">${table}</div>`)
  if (shown?.map) {
    const map = segmentMap(shown.map, model.labels, ctx.palette)
    parts.push(
      `<section class="new-page"><h2>The segment map</h2><p>The customers drawn on one page: a picture of how distinct ` +
        `the segments are and where they touch.</p>${figure(ctx, map, 660, 680)}</section>`,
    )
  }
  if (shown && shown.features.some((f) => f.kind === 'number')) {
    const heat = profileHeatmap(shown, model.labels, ctx.palette)
    // The features that separate the segments most, each as box plots: the spread behind the averages.
    const averages = averagesTable(shown, ctx)
    parts.push(
      `<section class="new-page"><h2>Segment profiles</h2><p>Each segment against the average customer, feature by ` +
        `feature: first as an index, then the averages behind it in the data’s own units.</p>` +
        `${figure(ctx, heat, 660, Math.max(heat.height, 200))}${averages}</section>`,
    )
  }
  return parts.join('\n')
}

/**
 * Segment averages (and medians) per feature in the data's units, with all customers as the last row: the numbers
 * behind the heatmap's index. (Box plots stay on screen: with long tails their whiskers squash the boxes on paper.)
 */
function averagesTable(profile: RunProfile, ctx: RenderContext): string {
  const features = orderedNumericFeatures(profile)
  if (features.length === 0) return ''
  const head = features.map((f) => `<th class="num">${esc(f)}</th>`).join('')
  const rows = profile.segments
    .map((segment, s) => {
      const cells = features
        .map((name) => {
          const f = segment.features.find((x) => x.feature === name)!
          return `<td class="num">${tableNumber(f.mean)}<div class="small muted">median ${tableNumber(f.median)}</div></td>`
        })
        .join('')
      return `<tr><td class="segment">${segmentName(ctx.styles[s])}</td>${cells}</tr>`
    })
    .join('')
  const overall = features
    .map(
      (name) =>
        `<td class="num">${tableNumber(profile.segments[0].features.find((x) => x.feature === name)!.overallMean)}</td>`,
    )
    .join('')
  return `<div class="keep"><h3>Averages by segment</h3><table><thead><tr><th>Segment</th>${head}</tr></thead><tbody>${rows}<tr class="total"><td>All customers</td>${overall}</tr></tbody></table></div>`
}

/** Segment overview: sizes and value shares, the segment map, and what sets each segment apart (one idea per page). */
import { profileHeatmap } from '../../../shared/charts/profileHeatmap'
import { segmentMap } from '../../../shared/charts/segmentMap'
import { segmentShares } from '../../../shared/charts/segmentShares'
import { featureBoxes } from '../../../shared/charts/featureBoxes'
import { orderedNumericFeatures } from '../../../shared/charts/profileFeatures'
import { formatCount, formatPercent } from '../../engine/profile/wording'
import type { RenderContext } from './context'
import { esc } from './escape'
import { chapterHead, displayProfile, figure, segmentName } from './parts'
import { moneyWords } from '../text/names'

/** Box plots under the heatmap: the strongest separators (more would spill onto another page). */
const BOX_PLOTS = 3

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
    const strongest = orderedNumericFeatures(shown).slice(0, BOX_PLOTS)
    // One reading guide, under the last: the box plots explain themselves the same way.
    const boxes = strongest
      .map((feature, i) =>
        figure(
          ctx,
          featureBoxes(shown.segments, feature, model.labels, ctx.palette),
          undefined,
          undefined,
          i === strongest.length - 1,
        ),
      )
      .join('')
    parts.push(
      `<section class="new-page"><h2>What sets each segment apart</h2><p>Each segment against the average customer, ` +
        `feature by feature, then the spread of the features that separate the segments most.</p>` +
        `${figure(ctx, heat, 660, Math.max(heat.height, 200))}${boxes}</section>`,
    )
  }
  return parts.join('\n')
}

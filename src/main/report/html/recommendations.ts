/**
 * Recommendation quality (a chapter) and each segment card's top recommended items. Both render only when the project
 * has a stored recommender and the reader asked for recommendations; without one the report says nothing about them.
 */
import { recMethodNames, SEGMENT_MIN_BUYERS } from '../../../shared/domain/recommend'
import { countOf, noun } from '../../engine/profile/wording'
import { itemLabel, metricRatio, metricRows, metricValue, segmentItemReason } from '../text/recommendations'
import type { RenderContext } from './context'
import { esc } from './escape'
import { chapterHead } from './parts'

/** Whether the report shows recommendations: asked for, and a recommender stored. */
export function showsRecommendations(ctx: RenderContext): boolean {
  return ctx.options.sections.recommendations && ctx.model.recommendations !== null
}

export function recommendationsHtml(ctx: RenderContext, number: number): string {
  const rec = ctx.model.recommendations
  if (!rec) return ''
  const e = rec.evaluation
  const good = e.ratio === null ? e.metrics.ndcg > 0 : e.ratio >= 1.1
  const rows = metricRows(e.k)
    .map(
      (m) =>
        `<tr><td>${esc(m.label)}</td><td class="num">${metricValue(m.key, e.metrics[m.key])}</td>` +
        `<td class="num">${metricValue(m.key, e.baseline[m.key])}</td>` +
        `<td class="num">${metricRatio(e.metrics[m.key], e.baseline[m.key])}</td><td class="small">${esc(m.meaning)}</td></tr>`,
    )
    .join('')
  const method = `${recMethodNames[rec.method]}, ${rec.automatic ? 'chosen by Automatic' : 'chosen by hand'}`
  const left = rec.data.skippedRows > 0 ? ` (${countOf(rec.data.skippedRows, noun('rows'))} left out)` : ''
  const scope =
    `${countOf(e.users, noun('customers'))} evaluated; ${countOf(rec.data.customers, noun('customers'))}, ` +
    `${countOf(rec.data.items, noun('items'))} and ${countOf(rec.data.interactions, noun('purchases'))} in all${left}.`
  const segments =
    rec.segmentItems !== null
      ? 'Each segment page lists the items that set the segment apart: those its customers buy most out of proportion.'
      : rec.otherRun !== null
        ? `These recommendations were matched to another segmentation (${rec.otherRun}), so the segment pages list no items; make them again on the Personalise step to match this one.`
        : 'These recommendations were made without a chosen segmentation, so the segment pages list no items.'
  return [
    chapterHead(
      number,
      'Recommendation quality',
      'How well the product recommendations predict what customers go on to buy, beside simply recommending the best-sellers to everyone.',
    ),
    `<div class="callout verdict${good ? '' : ' weak'}"><div class="label">Verdict</div><p>${esc(e.verdict)}</p></div>`,
    `<div class="keep"><h2>Evaluation beside the best-sellers</h2>
<table class="rec-metrics"><thead><tr><th>Measure</th><th class="num">This method</th><th class="num">Best-sellers</th><th class="num">Ratio</th><th>Meaning</th></tr></thead><tbody>${rows}</tbody></table>
<div class="protocol"><h3>How this was measured</h3><p>${esc(e.protocol)}</p><p>${esc(scope)}</p></div></div>`,
    `<div class="keep"><h2>The method</h2><p>${esc(method)}; made on ${esc(rec.computedAt.slice(0, 10))}.</p><p>${esc(segments)}</p></div>`,
  ].join('\n')
}

/** A segment card's "Top recommended items", or nothing when the report shows no recommendations for this run. */
export function segmentItemsHtml(ctx: RenderContext, s: number): string {
  const rec = ctx.model.recommendations
  if (!showsRecommendations(ctx) || !rec?.segmentItems) return ''
  const items = rec.segmentItems[s] ?? []
  const customers = rec.segmentCustomers[s] ?? 0
  const body =
    items.length === 0
      ? `<p class="small muted">No item stands out: none is bought by ${SEGMENT_MIN_BUYERS} or more of its customers and more often than by customers overall.</p>`
      : `<ol class="rec-items">${items
          .map(
            (i) =>
              `<li><span class="item">${esc(itemLabel(i))}</span> <span class="small muted">${esc(segmentItemReason(i, customers))}</span></li>`,
          )
          .join('')}</ol>`
  return `<div class="keep"><h3>Top recommended items</h3>${body}</div>`
}

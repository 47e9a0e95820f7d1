/** Appendix: how good the segmentation is, the charts behind it, the customers between segments, data-quality notes. */
import { dendrogramOption, heightForSegments } from '../../../shared/charts/dendrogram'
import { rfmCrossTab } from '../../../shared/charts/rfmCrossTab'
import { silhouettePlot } from '../../../shared/charts/silhouettePlot'
import { featureWords } from '../../../shared/ruleText'
import { formatCount, formatPercent, formatValue } from '../../engine/profile/wording'
import type { RenderContext } from './context'
import { esc } from './escape'
import { chapterHead, figure, segmentName } from './parts'

const BORDERLINE_SHOWN = 10

export function appendixHtml(ctx: RenderContext, number: number): string {
  const { model, styles } = ctx
  const { run, profile } = model
  const m = run.metrics
  const metrics: [string, string, string][] = [
    [
      'Silhouette',
      m.silhouette.toFixed(3),
      'From −1 to 1; higher means customers are closer to their own segment than to the next.',
    ],
    [
      'Calinski–Harabasz',
      formatValue(m.calinskiHarabasz),
      'Higher means segments are far apart compared with their spread.',
    ],
    [
      'Davies–Bouldin',
      m.daviesBouldin.toFixed(3),
      'Lower means compact segments unlike their nearest neighbour (0 is ideal).',
    ],
    [
      'Variation between segments',
      formatPercent(m.betweenSS / Math.max(Number.MIN_VALUE, m.betweenSS + m.withinSS)),
      'Share of all variation in the fitted features that lies between the segments rather than within them.',
    ],
  ]
  if (profile?.rules) {
    metrics.push([
      'Rules accuracy',
      formatPercent(profile.rules.accuracy),
      `Customers whose segment the simple rules on the segment pages give correctly (tree of depth ${profile.rules.depth}).`,
    ])
  }
  const sample =
    m.silhouetteSampleSize < run.n
      ? `<p class="small muted">The silhouette was measured on a random sample of ${formatCount(m.silhouetteSampleSize)} customers.</p>`
      : ''
  const parts = [
    chapterHead(number, 'Appendix', 'For the analyst: how well the segments hold together, and notes on the data.'),
    `<div class="keep"><h2>Quality of the segmentation</h2><table><thead><tr><th>Measure</th><th class="num">Value</th><th>Meaning</th></tr></thead><tbody>${metrics
      .map(([a, b, c]) => `<tr><td>${a}</td><td class="num">${b}</td><td>${esc(c)}</td></tr>`)
      .join('')}</tbody></table>${sample}</div>`,
  ]
  const separation = profile?.features.filter((f) => f.kind === 'number' && f.eta2 !== null) ?? []
  if (separation.length > 0) {
    const rows = [...separation]
      .sort((a, b) => b.eta2! - a.eta2!)
      .map(
        (f) =>
          `<tr><td>${esc(featureWords(f.feature))}</td><td class="num">${formatPercent(f.eta2!)}</td><td class="num">${f.f === null ? '–' : formatValue(f.f)}</td></tr>`,
      )
      .join('')
    parts.push(
      `<div class="keep"><h2>How strongly each feature separates the segments</h2><table><thead><tr><th>Feature</th><th class="num">Variation between segments (η²)</th><th class="num">ANOVA F</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    )
  }
  if (profile && profile.borderline.length > 0) {
    const rows = profile.borderline
      .slice(0, BORDERLINE_SHOWN)
      .map(
        (b) =>
          `<tr><td>${esc(b.customer)}</td><td>${segmentName(styles[b.segment])}</td><td>${segmentName(styles[b.nearest])}</td><td class="num">${b.silhouette.toFixed(2)}</td></tr>`,
      )
      .join('')
    parts.push(
      `<div class="keep"><h2>Customers between two segments</h2><p>These customers are almost as close to another segment as to their own; treat them with either segment’s action.${
        model.pseudonymised ? ' Customer ids are replaced by codes made for this report.' : ''
      }</p><table><thead><tr><th>Customer</th><th>Segment</th><th>Closest other segment</th><th class="num">Silhouette</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    )
  }
  if (profile?.silhouette) {
    parts.push(figure(ctx, silhouettePlot(profile.silhouette, model.labels, ctx.palette), 660, 400))
  }
  if (profile?.rfm) {
    const spec = rfmCrossTab(profile.rfm, model.labels, ctx.palette)
    parts.push(`<div class="keep">${figure(ctx, spec, 660, Math.min(spec.height, 460))}</div>`)
  }
  if (run.dendrogram) {
    const cut = heightForSegments(run.dendrogram.heights, run.k)
    const option = dendrogramOption(run.dendrogram, ctx.palette, { cutHeight: cut })
    parts.push(
      `<section class="new-page"><figure><h3>The tree of merges (dendrogram)</h3>${ctx.chart(option, 660, 380)}<figcaption>Customers merge into groups from the bottom up; the dashed line is where the tree was cut into ${run.k} segments. Numbers under the leaves count the customers in each.</figcaption></figure></section>`,
    )
  }
  const groups = [
    ...model.qualityNotes,
    ...(profile && profile.notes.length > 0 ? [{ dataset: 'The segment profiles', notes: profile.notes }] : []),
  ]
  const list = (notes: readonly string[]) => `<ul class="plain">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`
  parts.push(
    groups.length > 0
      ? groups
          // The heading travels with the first group, never alone at the foot of a page.
          .map(
            (g, i) =>
              `<div class="keep">${i === 0 ? '<h2>Notes on the data</h2>' : ''}<h3>${esc(g.dataset)}</h3>${list(g.notes)}</div>`,
          )
          .join('')
      : '<div class="keep"><h2>Notes on the data</h2><p>No data-quality problems were recorded.</p></div>',
  )
  return parts.join('\n')
}

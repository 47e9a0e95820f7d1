/** One page per segment: who they are, how many, what sets them apart, how to recognise them, what to do. */
import type { SegmentStyle } from '../../../shared/charts/segmentStyles'
import type { FeatureProfile, SegmentProfile } from '../../../shared/domain/understand'
import { featureWords, ruleText } from '../../../shared/ruleText'
import { formatCount, formatPercent } from '../../engine/profile/wording'
import { actionOf, separationWords } from '../text/summary'
import type { RenderContext } from './context'
import { esc } from './escape'
import { segmentItemsHtml, showsRecommendations } from './recommendations'
import { chapterHead, segmentName } from './parts'
import { moneyWords, tableNumber } from '../text/names'

const TRAITS_SHOWN = 7
const RULES_SHOWN = 3

/** Index 0..300 (100 = average) or, without an index, the standardised difference −2..2, as a bar from the middle. */
export function indexBar(f: Pick<FeatureProfile, 'index' | 'smd'>, colour: string): string {
  const [value, lo, hi, mid] = f.index !== null ? [f.index, 0, 300, 100] : [f.smd, -2, 2, 0]
  const at = (v: number) => ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * 100
  const left = Math.min(at(value), at(mid))
  const width = Math.abs(at(value) - at(mid))
  return (
    `<div class="bar"><div class="fill" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%;background:${colour}"></div>` +
    `<div class="mid" style="left:${at(mid).toFixed(2)}%"></div></div>`
  )
}

function indexText(f: FeatureProfile): string {
  if (f.index !== null) return formatCount(f.index)
  const sd = Math.round(f.smd * 10) / 10
  return `${sd > 0 ? '+' : sd < 0 ? '−' : ''}${Math.abs(sd).toFixed(1)} SD`
}

function traitsTable(segment: SegmentProfile, style: SegmentStyle): string {
  const shown = [...segment.features]
    .filter((f) => Number.isFinite(f.mean) && Number.isFinite(f.smd))
    .sort((a, b) => Math.abs(b.smd) - Math.abs(a.smd))
    .slice(0, TRAITS_SHOWN)
  if (shown.length === 0) return ''
  const rows = shown
    .map(
      (f) =>
        `<tr><td class="feature">${esc(featureWords(f.feature))}</td><td class="num">${tableNumber(f.mean)}</td>` +
        `<td class="num">${tableNumber(f.overallMean)}</td><td class="bar-cell">${indexBar(f, style.colour)}</td>` +
        `<td class="num">${indexText(f)}</td></tr>`,
    )
    .join('')
  return `<div class="keep"><h3>Key traits</h3>
<table class="traits"><thead><tr><th>Feature</th><th class="num">This segment</th><th class="num">All customers</th><th>Against the average (line = 100)</th><th class="num">Index</th></tr></thead><tbody>${rows}</tbody></table></div>`
}

/**
 * The chapter's opening page: which segments follow and how to read their pages. A page of its own, so that every card,
 * the first included, has a whole page and none spills its last block onto the next.
 */
export function segmentsIntroHtml(ctx: RenderContext, number: number): string {
  const { model, styles } = ctx
  const list = styles
    .map((style, s) => {
      const size = model.profile?.segments[s]?.size ?? model.run.sizes[s]
      return `<li>${segmentName(style)} <span class="muted">${formatCount(size)} customers (${formatPercent(size / Math.max(1, model.run.n))})</span></li>`
    })
    .join('')
  const guide: [string, string][] = [
    [
      'Key traits',
      'the segment’s average beside all customers’; the bar shows the index, where the line is 100 (average).',
    ],
    ['What sets them apart', 'the differences that separate this segment most from the rest, in words.'],
    ['How to recognise them', 'simple rules on the data that pick out most of the segment, for a CRM filter.'],
  ]
  if (showsRecommendations(ctx) && model.recommendations?.segmentItems) {
    guide.push([
      'Top recommended items',
      'products the segment buys more often than customers overall: “2.0×” means twice the share of buyers.',
    ])
  }
  guide.push(['Action', 'what to do with them: yours from the Understand step, or a suggestion marked as such.'])
  return `${chapterHead(number, 'The segments', 'One page per segment: who they are, what sets them apart, how to recognise them and what to do.')}
<div class="keep"><h2>In this section</h2><ol class="segment-list">${list}</ol></div>
<div class="keep"><h2>How to read a segment page</h2><table class="guide"><tbody>${guide
    .map(([a, b]) => `<tr><td>${esc(a)}</td><td>${esc(b.charAt(0).toUpperCase() + b.slice(1))}</td></tr>`)
    .join('')}</tbody></table></div>`
}

export function segmentCardHtml(ctx: RenderContext, s: number): string {
  const { model, styles } = ctx
  const style = styles[s]
  const label = model.labels[s]
  const profile = model.profile
  const segment = profile?.segments[s]
  const size = segment?.size ?? model.run.sizes[s]
  const share = size / Math.max(1, model.run.n)
  const money = moneyWords(profile?.monetaryFeature ?? null)

  const facts = [`${formatCount(size)} customers`, `${formatPercent(share)} of all`]
  if (segment?.valueShare != null) facts.push(`${formatPercent(segment.valueShare)} of ${money}`)
  const boxes = [
    [formatCount(size), 'customers'],
    [formatPercent(share), 'of all customers'],
    ...(segment?.valueShare != null ? [[formatPercent(segment.valueShare), `of all ${money}`]] : []),
    ...(segment?.silhouette != null && segment.valueShare == null
      ? [[segment.silhouette.toFixed(2), 'silhouette (−1 to 1)']]
      : []),
  ]
  const description = label.description.trim() || segment?.nameReason || ''
  const distinguishing = segment?.distinguishing.length
    ? `<div class="keep"><h3>What sets them apart</h3><ul class="plain">${segment.distinguishing
        .map((t) => `<li>${esc(t.words.charAt(0).toUpperCase() + t.words.slice(1))}</li>`)
        .join('')}</ul></div>`
    : ''
  const name = (i: number) => styles[i].name
  const rules = (profile?.rules?.rules ?? [])
    .filter((r) => r.segment === s && r.correct > 0)
    .sort((a, b) => b.correct - a.correct)
    .slice(0, RULES_SHOWN)
  const recall = profile?.rules?.recallBySegment[s]
  const rulesHtml =
    rules.length > 0
      ? `<div class="keep"><h3>How to recognise them</h3><ul class="plain">${rules
          .map(
            (r) =>
              `<li>${esc(ruleText(r, name))} <span class="muted small">(${formatCount(r.correct)} of the ${formatCount(r.covers)} customers it picks are in this segment)</span></li>`,
          )
          .join('')}</ul>${
          recall !== undefined
            ? `<p class="small muted">Together these simple rules find ${formatPercent(recall)} of this segment’s customers.</p>`
            : ''
        }</div>`
      : ''
  const separation =
    segment?.silhouette != null
      ? `<p class="small muted">Members of this segment are ${esc(separationWords(segment.silhouette).split(':')[0])} from the others (silhouette ${segment.silhouette.toFixed(2)}).</p>`
      : ''
  const { action, suggested } = actionOf(label, segment)
  return `<section class="card" id="segment-${s + 1}">
<div class="card-head" style="border-color:${style.colour}"><div class="of">Segment ${s + 1} of ${model.run.k}</div>
<h2>${esc(style.name)}</h2><div class="facts">${facts.map(esc).join(' · ')}</div></div>
${description ? `<p class="lede">${esc(description)}</p>` : ''}
<div class="figures">${boxes.map(([v, l]) => `<div class="figure-box"><div class="value" style="color:${style.colour}">${esc(v)}</div><div class="label">${esc(l)}</div></div>`).join('')}</div>
${segment ? traitsTable(segment, style) : '<p class="empty-note">Describe the segments on the Understand step to see their traits here.</p>'}
${distinguishing}
${rulesHtml}
${separation}
${segmentItemsHtml(ctx, s)}
<div class="action" style="border-color:${style.colour}"><h3>${suggested ? 'Suggested action' : 'Action'}</h3><p>${esc(action)}</p></div>
</section>`
}

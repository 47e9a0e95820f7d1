/** The executive summary: the headline, four figures, what was found in sentences, and what to do next. */
import { executiveSummary } from '../text/summary'
import type { RenderContext } from './context'
import { esc } from './escape'
import { chapterHead, segmentName } from './parts'

export function summaryHtml(ctx: RenderContext, number: number): string {
  const summary = executiveSummary(ctx.model)
  const accent = (segment: number | null) =>
    segment === null ? '' : ` style="border-top-color:${ctx.styles[segment].colour}"`
  const highlights = summary.highlights
    .map(
      (h) =>
        `<div class="highlight"${accent(h.segment)}><div class="label">${esc(h.label)}</div>` +
        `<div class="value">${esc(h.value)}</div><div class="detail">${esc(h.detail)}</div></div>`,
    )
    .join('')
  const next = summary.nextSteps
    .map(
      (s) =>
        `<tr><td>${segmentName(ctx.styles[s.segment])}</td><td>${esc(s.action)}` +
        `${s.suggested ? '<span class="tag">suggested</span>' : ''}</td></tr>`,
    )
    .join('')
  return `${chapterHead(number, 'Executive summary', `${summary.headline}.`)}
<div class="highlights">${highlights}</div>
${summary.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<div class="keep"><h2>What to do next</h2>
<table class="next"><thead><tr><th>Segment</th><th>Action</th></tr></thead><tbody>${next}</tbody></table>
<p class="small muted">Actions marked “suggested” come from SegmentLab’s playbook for segments like these; replace them with your own on the Understand step.</p></div>`
}

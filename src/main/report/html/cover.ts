/** The cover: what this is, for which project, when, over which period of data, and the contents. */
import { formatCount } from '../../engine/profile/wording'
import type { Chapter, RenderContext } from './context'
import { longDate } from './dates'
import { esc } from './escape'

export function coverHtml(ctx: RenderContext, chapters: readonly Chapter[]): string {
  const { model, styles } = ctx
  const segmented = model.datasets.at(-1)
  const facts: [string, string][] = [
    ['Prepared', longDate(model.createdAt)],
    ...(model.period
      ? [['Data period', `${longDate(model.period.from)} to ${longDate(model.period.to)}`] as [string, string]]
      : []),
    ...(segmented ? [['Customers', `${formatCount(model.run.n)} in ${esc(segmented.name)}`] as [string, string]] : []),
    ['Segmentation', esc(model.run.name)],
  ]
  const band = styles.map((s) => `<span style="background:${s.colour}"></span>`).join('')
  return `<section class="cover" id="cover">
<div class="band">${band}</div>
<div class="kicker">Customer segmentation report</div>
<h1>${esc(model.projectName)}</h1>
<div class="subtitle">${model.run.k} customer segments: who they are, what sets them apart and what to do next</div>
<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
${contentsHtml(chapters)}
</section>`
}

export function contentsHtml(chapters: readonly Chapter[]): string {
  if (chapters.length === 0) return ''
  const items = chapters
    .map((c, i) => {
      const subs = (c.entries ?? []).map((e) => `<li class="sub"><a href="#${e.id}">${esc(e.title)}</a></li>`).join('')
      return `<li><a href="#${c.id}"><span class="number">${i + 1}</span>${esc(c.title)}</a></li>${subs}`
    })
    .join('')
  return `<nav class="contents"><h2>Contents</h2><ol>${items}</ol></nav>`
}

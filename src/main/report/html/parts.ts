/** Small pieces of markup the sections share. */
import type { ChartSpec } from '../../../shared/charts/chartSpec'
import type { SegmentStyle } from '../../../shared/charts/segmentStyles'
import { CHART_WIDTH, type RenderContext } from './context'
import { esc } from './escape'

/** A chart with its title and its one-line reading guide, kept on one page. */
export function figure(ctx: RenderContext, spec: ChartSpec<object>, width = CHART_WIDTH, height = spec.height): string {
  return `<figure><h3>${esc(spec.title)}</h3>${ctx.chart(spec.option, width, height)}<figcaption>${esc(spec.caption)}</figcaption></figure>`
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

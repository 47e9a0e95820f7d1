/**
 * The report as one self-contained HTML document, from a report model: a pure function of its inputs (the chart
 * renderer is passed in, so tests may use the real one or a stub). No script, no remote font, no external request: a
 * Content-Security-Policy in the document forbids them, so the file is safe to open anywhere and prints the same.
 */
import { segmentStyles } from '../../shared/charts/segmentStyles'
import { renderSvg, reportPalette, type ChartRenderer } from './charts'
import type { ReportModel, ReportOptions } from './model'
import { appendixHtml } from './html/appendix'
import type { Chapter, RenderContext } from './html/context'
import { coverHtml } from './html/cover'
import { esc } from './html/escape'
import { methodHtml } from './html/method'
import { overviewHtml } from './html/overview'
import { recommendationsHtml, showsRecommendations } from './html/recommendations'
import { segmentCardHtml, segmentsIntroHtml } from './html/segmentCard'
import { reportCss } from './html/styles'
import { summaryHtml } from './html/summary'

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

/** Called between chapters with the share done (0..1); throws to stop (a cancelled build). */
export type BuildProgress = (fraction: number, title: string) => void

export function buildReportHtml(
  model: ReportModel,
  options: ReportOptions,
  chart: ChartRenderer = renderSvg,
  progress: BuildProgress = () => {},
): string {
  const palette = reportPalette
  const ctx: RenderContext = {
    model,
    options,
    palette,
    chart,
    styles: segmentStyles(model.labels, model.run.k, palette),
  }
  const { sections } = options
  const planned: { id: string; title: string; render: (n: number) => string; entries?: Chapter['entries'] }[] = []
  if (sections.summary) planned.push({ id: 'summary', title: 'Executive summary', render: (n) => summaryHtml(ctx, n) })
  if (sections.method) planned.push({ id: 'method', title: 'Data and method', render: (n) => methodHtml(ctx, n) })
  if (sections.overview)
    planned.push({ id: 'overview', title: 'Segment overview', render: (n) => overviewHtml(ctx, n) })
  if (sections.segments) {
    planned.push({
      id: 'segments',
      title: 'The segments',
      entries: ctx.styles.map((s) => ({ id: `segment-${s.segment + 1}`, title: s.name })),
      render: (n) => [segmentsIntroHtml(ctx, n), ...ctx.styles.map((s) => segmentCardHtml(ctx, s.segment))].join('\n'),
    })
  }
  if (showsRecommendations(ctx)) {
    planned.push({
      id: 'recommendations',
      title: 'Recommendation quality',
      render: (n) => recommendationsHtml(ctx, n),
    })
  }
  if (sections.appendix) planned.push({ id: 'appendix', title: 'Appendix', render: (n) => appendixHtml(ctx, n) })

  const chapters: Chapter[] = planned.map((p, i) => {
    progress(i / (planned.length + 1), `Writing ${p.title.toLowerCase()}`)
    return { id: p.id, title: p.title, entries: p.entries, html: p.render(i + 1) }
  })
  progress(planned.length / (planned.length + 1), 'Putting the report together')
  const body = [
    sections.cover ? coverHtml(ctx, chapters) : '',
    ...chapters.map((c) => `<section class="chapter" id="${c.id}">\n${c.html}\n</section>`),
  ].join('\n')
  const title = `${model.projectName}: customer segmentation report`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="SegmentLab">
<title>${esc(title)}</title>
<style>${reportCss(options.paper, `${model.projectName} · Customer segmentation report`)}</style>
</head>
<body>
${body}
</body>
</html>
`
}

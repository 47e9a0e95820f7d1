/** Data and method: what was imported, how it was prepared, which algorithm, and why this number of segments. */
import { criteriaOf, criterionOption } from '../../../shared/charts/criteria'
import type { ClusterMethod, FeatureTransform } from '../../../shared/domain/cluster'
import { featureWords } from '../../../shared/ruleText'
import { formatCount, listNames } from '../../engine/profile/wording'
import type { ReportRun } from '../model'
import type { RenderContext } from './context'
import { esc } from './escape'
import { chapterHead } from './parts'

const kindWords = { customers: 'Customers', transactions: 'Transactions', items: 'Items', interactions: 'Interactions' }

export function algorithmWords(method: ClusterMethod, run: Pick<ReportRun, 'k' | 'seed'>): string {
  if (method === 'kmeans') {
    return (
      `K-means: each customer joins the segment whose average profile (its centre) is closest, and the ${run.k} ` +
      'centres move until they settle. It was started from several random positions (seed ' +
      `${run.seed}, so the result can be reproduced) and the tightest result kept.`
    )
  }
  const linkage = {
    ward: 'always joining the two groups whose union stays most compact (Ward’s method)',
    complete: 'always joining the two groups whose most distant members are closest (complete linkage)',
    average: 'always joining the two groups that are closest on average (average linkage)',
    single: 'always joining the two groups with the closest pair of members (single linkage)',
  }[method]
  return (
    `Hierarchical clustering: customers are merged step by step into ever larger groups, ${linkage}; the tree of ` +
    `merges (see the appendix) was cut where it gives ${run.k} segments.`
  )
}

function transformWords(transforms: readonly FeatureTransform[]): string {
  const one = (t: FeatureTransform) =>
    `${featureWords(t.feature)} (${t.method === 'log1p' ? 'logarithm' : 'Yeo–Johnson'}; skew ${t.skewBefore.toFixed(1)} → ${t.skewAfter.toFixed(1)})`
  return (
    `Before fitting, strongly skewed features were evened out so that a few very large customers do not decide the ` +
    `segments on their own: ${transforms.map(one).join(', ')}. The profiles in this report are in the original units.`
  )
}

const scaleWords: Record<string, string> = {
  standard: 'The features were standardised (mean 0, spread 1) so that none dominates because of its units.',
  minmax: 'The features were rescaled to the range 0 to 1 so that none dominates because of its units.',
  robust: 'The features were scaled by their median and quartile range so that none dominates because of its units.',
  none: 'The features were used in their own units, without rescaling.',
}

export function methodHtml(ctx: RenderContext, number: number): string {
  const { model } = ctx
  const run = model.run
  const datasets = model.datasets
    .map(
      (d) =>
        `<tr><td>${esc(d.name)}</td><td>${kindWords[d.kind]}</td><td class="num">${formatCount(d.rows)}</td>` +
        `<td class="num">${formatCount(d.columns)}</td><td>${esc(d.fileName ?? d.derivation ?? '')}</td></tr>`,
    )
    .join('')
  const personal = model.datasets.reduce((a, d) => a + d.personalColumns, 0)
  const prep =
    model.preparation.length > 0
      ? `<ol class="steps">${model.preparation.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>`
      : '<p>The table was segmented as imported, without preparation steps.</p>'
  const features = listNames(run.features.map(featureWords), 8)

  const method = [
    `<p>${formatCount(run.n)} customers were segmented by ${esc(features)}.</p>`,
    `<p>${esc(algorithmWords(run.method, run))}</p>`,
    `<p>${esc(scaleWords[run.scale] ?? '')}</p>`,
    // Newer runs explain their transforms in their own notes; say it here only for runs that do not.
    run.transforms.length > 0 && !run.notes.some((n) => /skew/i.test(n))
      ? `<p>${esc(transformWords(run.transforms))}</p>`
      : '',
    ...run.notes.map((n) => `<p>${esc(n)}</p>`),
  ].join('')

  return `${chapterHead(number, 'Data and method', 'Where the numbers come from and how the segments were found.')}
<div class="keep"><h2>Data</h2>
<table><thead><tr><th>Table</th><th>Kind</th><th class="num">Rows</th><th class="num">Columns</th><th>Source</th></tr></thead><tbody>${datasets}</tbody></table>
${personal > 0 ? `<p class="small muted">${formatCount(personal)} column${personal === 1 ? '' : 's'} that look like personal data (names, e-mail, phone, address) were kept out of the analysis and are not printed in this report.</p>` : ''}</div>
<div class="keep"><h2>Preparation of ${esc(datasets.length > 0 ? model.datasets.at(-1)!.name : 'the data')}</h2>${prep}</div>
<div class="keep"><h2>Method</h2>${method}</div>
${whyKHtml(ctx)}`
}

function whyKHtml(ctx: RenderContext): string {
  const run = ctx.model.run
  const title = `<h2>Why ${run.k} segments</h2>`
  if (run.fixedK || !run.sweep || run.sweep.length < 2) {
    return `<div class="keep new-page">${title}<p>The number of segments, ${run.k}, was chosen by the person who ran the analysis.</p></div>`
  }
  const rec = run.recommendation
  const charts = criteriaOf(run.sweep)
    .map((c) => {
      const svg = ctx.chart(criterionOption(run.sweep!, c.key, rec, ctx.palette), 320, 200)
      return `<figure><h3>${esc(c.title)}</h3>${svg}<figcaption>${esc(c.meaning)}</figcaption></figure>`
    })
    .join('')
  const warnings = rec?.warnings.length ? `<p class="small muted">${rec.warnings.map(esc).join(' ')}</p>` : ''
  return `<section class="new-page">${title}
<div class="callout">${esc(rec?.reason ?? `SegmentLab compared ${run.sweep[0].k} to ${run.sweep.at(-1)!.k} segments.`)}</div>${warnings}
<p>SegmentLab tried every number of segments from ${run.sweep[0].k} to ${run.sweep.at(-1)!.k} and judged each with the checks below; the green line marks the number chosen.</p>
<div class="grid-2">${charts}</div></section>`
}

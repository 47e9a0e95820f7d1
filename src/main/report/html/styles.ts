/**
 * The report's print stylesheet. Pages: A4 or Letter with the same margins, the page number and the project in the
 * bottom margin (CSS @page margin boxes: the HTML carries its own numbering, whichever browser prints it), no number on
 * the cover. Each chapter starts a page; figures, cards and tables never split across pages; headings stay with what
 * follows. System fonts only: a PDF embeds what it used, and a bundled font would add weight for no gain in print.
 */
import type { PaperSize } from '../model'
import { cssString } from './escape'

export const reportFont = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

export function reportCss(paper: PaperSize, footer: string): string {
  return `
@page {
  size: ${paper === 'A4' ? 'A4' : 'letter'} portrait;
  margin: 18mm 17mm 20mm 17mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt ${reportFont}; color: #686d76; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt ${reportFont}; color: #686d76; }
}
@page :first {
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 10pt/1.45 ${reportFont}; color: #1d1f23; background: #fff; }
@media screen {
  body { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
  .chapter, .card { border-top: 1px dashed #c9c9c3; padding-top: 8mm; margin-top: 8mm; }
}
h1, h2, h3 { font-weight: 600; line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
.chapter, .new-page { break-before: page; page-break-before: always; }
.chapter-number { color: #2f6f5e; font-size: 9pt; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; margin-bottom: 1mm; }
.lede { font-size: 11.5pt; color: #33363b; margin-bottom: 5mm; }
.muted { color: #686d76; }
.small { font-size: 8.5pt; }
.keep, figure, .card, table, .highlights, .callout, .steps { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 3mm 0 5mm; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #686d76; margin-top: 1.5mm; }
figure h3 { margin-top: 0; }
.grid-2 { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 6mm; }
.grid-2 figure { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
th { text-align: left; font-weight: 600; color: #686d76; border-bottom: 1.2pt solid #1d1f23; padding: 1.5mm 2mm; }
td { border-bottom: 0.5pt solid #e2e2dc; padding: 1.5mm 2mm; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.swatch { display: inline-block; width: 3mm; height: 3mm; border-radius: 0.7mm; margin-right: 1.8mm; vertical-align: -0.3mm; }
.cover { height: 250mm; display: flex; flex-direction: column; }
.cover .band { height: 5mm; display: flex; margin-bottom: 28mm; }
.cover .band span { flex: 1; }
.cover .kicker { color: #2f6f5e; font-weight: 600; font-size: 11pt; letter-spacing: 0.05em; text-transform: uppercase; }
.cover h1 { font-size: 30pt; margin: 3mm 0 4mm; }
.cover .subtitle { font-size: 14pt; color: #33363b; margin-bottom: 12mm; }
.cover dl { display: grid; grid-template-columns: 34mm 1fr; gap: 1.5mm 4mm; margin: 0; font-size: 10pt; }
.cover dt { color: #686d76; }
.cover dd { margin: 0; }
.cover .contents { margin-top: auto; border-top: 1.2pt solid #1d1f23; padding-top: 4mm; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { padding: 1mm 0; break-inside: avoid; }
.contents a { color: inherit; text-decoration: none; }
.contents .number { display: inline-block; width: 8mm; color: #2f6f5e; font-weight: 600; }
.contents .sub { padding-left: 8mm; font-size: 9pt; color: #33363b; }
.highlights { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 4mm 0 6mm; }
.highlight { border: 0.6pt solid #e2e2dc; border-top: 1.2mm solid #2f6f5e; border-radius: 1.2mm; padding: 2.5mm 3mm; }
.highlight .label { font-size: 8pt; color: #686d76; text-transform: uppercase; letter-spacing: 0.04em; }
.highlight .value { font-size: 13pt; font-weight: 600; margin: 0.8mm 0; line-height: 1.15; }
.highlight .detail { font-size: 8.5pt; color: #33363b; }
.steps { margin: 2mm 0 4mm; padding-left: 5mm; }
.steps li { margin-bottom: 1.5mm; }
.next td:first-child { width: 48mm; font-weight: 600; }
td.segment { white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 1pt solid #1d1f23; }
.tag { font-size: 7.5pt; color: #686d76; border: 0.5pt solid #c9c9c3; border-radius: 1mm; padding: 0 1mm; margin-left: 1.5mm; white-space: nowrap; }
.callout { border-left: 1.2mm solid #2f6f5e; background: #f4f6f3; padding: 3mm 4mm; margin: 3mm 0 5mm; }
.card { break-before: page; page-break-before: always; }
.card-head { border-left: 3mm solid; padding: 1mm 0 1mm 5mm; margin-bottom: 5mm; }
.card-head .of { font-size: 9pt; color: #686d76; text-transform: uppercase; letter-spacing: 0.05em; }
.card-head h2 { font-size: 20pt; margin: 1mm 0 1.5mm; }
.card-head .facts { font-size: 10.5pt; color: #33363b; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin-bottom: 5mm; }
.figure-box { background: #f7f7f4; border-radius: 1.2mm; padding: 2.5mm 3mm; }
.figure-box .value { font-size: 15pt; font-weight: 600; }
.figure-box .label { font-size: 8.5pt; color: #686d76; }
.traits td { padding: 1.2mm 2mm; }
.traits .feature { width: 40mm; }
.bar { position: relative; height: 3.6mm; background: #f4f4f1; border-radius: 0.6mm; }
.bar .fill { position: absolute; top: 0; bottom: 0; border-radius: 0.6mm; }
.bar .mid { position: absolute; top: -0.8mm; bottom: -0.8mm; width: 0; border-left: 0.8pt solid #1d1f23; }
.bar-cell { width: 58mm; }
ul.plain { margin: 1mm 0 4mm; padding-left: 5mm; }
ul.plain li { margin-bottom: 1mm; }
.action { border: 0.8pt solid; border-radius: 1.5mm; padding: 3mm 4mm; margin-top: 5mm; }
.action h3 { margin: 0 0 1mm; }
.verdict .label { font-size: 8pt; color: #686d76; text-transform: uppercase; letter-spacing: 0.04em; }
.verdict p { font-size: 12pt; font-weight: 600; margin: 0.8mm 0 0; }
.verdict.weak { border-left-color: #b45f06; background: #fbf5ee; }
.rec-metrics td:first-child { white-space: nowrap; }
.protocol { border-left: 0.8pt solid #c9c9c3; padding: 0.5mm 0 0.5mm 4mm; font-size: 9pt; color: #33363b; }
.protocol h3 { margin-top: 0; }
ol.segment-list { margin: 1mm 0 4mm; padding-left: 5mm; }
ol.segment-list li { margin-bottom: 1.2mm; }
.guide td:first-child { width: 48mm; font-weight: 600; }
ol.rec-items { margin: 1mm 0 3mm; padding-left: 5mm; }
ol.rec-items li { margin-bottom: 0.8mm; line-height: 1.3; }
ol.rec-items .item { font-weight: 600; }
.empty-note { color: #686d76; font-style: italic; }
`
}

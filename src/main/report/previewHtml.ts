/**
 * The report as the Report step previews it. The preview is a sandboxed `srcdoc` frame, and such a frame inherits the
 * renderer's Content-Security-Policy (`style-src 'self'`): the report's `<style>` element and its inline `style`
 * attributes (ECharts' SVG text, index bars, swatches) would be refused there. Rather than loosen the renderer's policy,
 * the preview carries no inline style at all: the stylesheet is taken out, each inline style becomes a `data-s`
 * attribute with one rule of its own, and the renderer applies the whole stylesheet as CSSOM (a constructed
 * stylesheet), which a policy does not govern. The printed report and the saved HTML stay as they are.
 */
import type { ReportPreview } from '../../shared/domain/report'

/** On screen the report is a column as wide as its printed text; a preview narrower than that still needs margins. */
const PREVIEW_PAGE = '@media screen { body { padding: 10mm 8mm; } }'

const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g
/** Our own markup writes every attribute in double quotes and escapes `"` inside values, so this cannot overrun. */
const STYLE_ATTRIBUTE = / style="([^"]*)"/g

export function previewOf(html: string): ReportPreview {
  const sheets: string[] = []
  const rules = new Map<string, number>()
  const markup = html
    .replace(STYLE_ELEMENT, (_all, css: string) => {
      sheets.push(css)
      return ''
    })
    .replace(STYLE_ATTRIBUTE, (_all, value: string) => {
      const declarations = decodeEntities(value)
      let n = rules.get(declarations)
      if (n === undefined) rules.set(declarations, (n = rules.size))
      return ` data-s="${n}"`
    })
  const hoisted = [...rules].map(([declarations, n]) => `[data-s="${n}"] { ${important(declarations)} }`)
  return { html: markup, css: [...sheets, PREVIEW_PAGE, ...hoisted].join('\n') }
}

/** An inline style outranks every rule; `!important` on each declaration keeps it so once it is a rule. */
export function important(declarations: string): string {
  return splitDeclarations(declarations)
    .map((d) => (/!\s*important\s*$/i.test(d) ? d : `${d} !important`))
    .map((d) => `${d};`)
    .join(' ')
}

/** Splits at semicolons outside quotes and parentheses (a font list or a url() may hold one). */
function splitDeclarations(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let quote: string | null = null
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (c === ';' && depth === 0) {
      out.push(text.slice(start, i))
      start = i + 1
    }
  }
  out.push(text.slice(start))
  return out.map((d) => d.trim()).filter((d) => d.length > 0)
}

function decodeEntities(value: string): string {
  return value.replace(/&(quot|#39|#x27|lt|gt|amp);/g, (_all, name: string) =>
    name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : "'",
  )
}

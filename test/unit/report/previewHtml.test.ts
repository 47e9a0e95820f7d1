import { describe, expect, it } from 'vitest'
import { buildReportHtml } from '../../../src/main/report/buildReportHtml'
import { defaultReportOptions } from '../../../src/main/report/model'
import { important, previewOf } from '../../../src/main/report/previewHtml'
import { fixtureModel } from './fixture'

/** The preview frame inherits the renderer's CSP (style-src 'self'): it must hold no inline style of any kind. */
describe('report preview', () => {
  it('carries no <style> element and no style attribute, and keeps every inline style as a rule', () => {
    const html = buildReportHtml(fixtureModel(), defaultReportOptions)
    const inline = html.match(/ style="[^"]*"/g) ?? []
    expect(inline.length).toBeGreaterThan(10)
    const preview = previewOf(html)
    expect(preview.html).not.toMatch(/<style|\sstyle=/)
    expect(preview.html).toContain('data-s="0"')
    expect(preview.css).toContain('@page')
    const distinct = new Set(inline).size
    expect(preview.css.match(/\[data-s="\d+"\]/g)).toHaveLength(distinct)
    expect(preview.html).toContain('Need attention')
  })

  it('turns entities back into CSS and keeps inline precedence with !important', () => {
    const { html, css } = previewOf(
      '<p style="font-family:&quot;A;B&quot;, x; color:red">t</p><i style="color:red !important"></i>',
    )
    expect(html).toBe('<p data-s="0">t</p><i data-s="1"></i>')
    expect(css.slice(css.indexOf('[data-s'))).toBe(
      '[data-s="0"] { font-family:"A;B", x !important; color:red !important; }\n[data-s="1"] { color:red !important; }',
    )
    expect(important('a:b;;c:url(x;y)')).toBe('a:b !important; c:url(x;y) !important;')
  })
})

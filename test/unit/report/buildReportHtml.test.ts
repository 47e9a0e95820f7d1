import { describe, expect, it } from 'vitest'
import { buildReportHtml } from '../../../src/main/report/buildReportHtml'
import { defaultReportOptions, type ReportOptions } from '../../../src/main/report/model'
import { pseudonymiseProfile, pseudonymiser, withoutPersonalData } from '../../../src/main/report/privacy'
import { fixtureModel, fixtureProfile, visibleText } from './fixture'

const names = ['New <customers> & co', 'Need attention', 'Hibernating']
const only = (section: keyof ReportOptions['sections']): ReportOptions => ({
  ...defaultReportOptions,
  sections: {
    cover: false,
    summary: false,
    method: false,
    overview: false,
    segments: false,
    appendix: false,
    [section]: true,
  },
})

function expectClean(text: string) {
  for (const bad of ['undefined', 'NaN', 'null', '[object Object]', 'Infinity']) expect(text).not.toContain(bad)
}

describe('buildReportHtml', () => {
  it('writes one self-contained document naming every segment, with no broken values', () => {
    const html = buildReportHtml(fixtureModel(), defaultReportOptions)
    const text = visibleText(html)
    for (const name of names) expect(text).toContain(name)
    expect(html).toContain('New &lt;customers&gt; &amp; co')
    expect(html).not.toContain('<customers>')
    expectClean(text)
    // Self-contained: no script, no remote font or resource, and a policy that forbids them.
    expect(html).not.toMatch(/<script|<link|@import|url\((?!#)|https?:\/\/(?!www\.w3\.org)/i)
    expect(html).toContain("default-src 'none'")
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(6)
    // One card per segment, each in its own colour, the same colour on the cover band.
    for (let s = 1; s <= 3; s++) expect(html).toContain(`id="segment-${s}"`)
    for (const colour of ['#0072b2', '#d55e00', '#009e73']) expect(html).toContain(`background:${colour}`)
    expect(html).toContain('size: A4 portrait')
    expect(html).toContain('counter(page)')
  })

  it('says what to do next with the user’s action or a marked suggestion', () => {
    const text = visibleText(buildReportHtml(fixtureModel(), only('summary')))
    expect(text).toContain('Call them this week.')
    expect(text).toContain('Welcome them')
    expect(text).toMatch(/Most valuable Need attention 70% of spend from 50% of customers/)
    expect(text).toContain('The biggest segment is Need attention, with 50% of customers')
  })

  it('prints each section only when asked, and Letter paper when asked', () => {
    const model = fixtureModel()
    expect(buildReportHtml(model, only('cover'))).toContain('class="cover"')
    expect(buildReportHtml(model, only('summary'))).not.toContain('class="cover"')
    const cards = buildReportHtml(model, only('segments'))
    expect(cards).toContain('id="segment-2"')
    expect(cards).not.toContain('Executive summary')
    expect(buildReportHtml(model, only('method'))).not.toContain('id="segment-1"')
    expect(buildReportHtml(model, { ...defaultReportOptions, paper: 'Letter' })).toContain('size: letter portrait')
  })

  it('still makes a clean report before the segments are described', () => {
    const text = visibleText(buildReportHtml(fixtureModel(null), defaultReportOptions))
    for (const name of names) expect(text).toContain(name)
    expectClean(text)
  })
})

describe('personal data in reports', () => {
  it('leaves personal-data columns out of features, traits, rules and separation', () => {
    const profile = withoutPersonalData(fixtureProfile(), new Set(['email']))
    const text = visibleText(buildReportHtml({ ...fixtureModel(profile) }, defaultReportOptions))
    expect(text).not.toContain('someone@example.com')
    expect(text).not.toMatch(/email/i)
    expect(text).toContain('Recency days ≤ 50.5 → New <customers> & co')
  })

  it('replaces customer ids by codes, the same id always by the same code', () => {
    const code = pseudonymiser(Buffer.alloc(32, 7))
    expect(code('A')).toBe(code('A'))
    expect(code('A')).not.toBe(code('B'))
    expect(code('A')).toMatch(/^C-[0-9A-F]{8}$/)
    expect(pseudonymiser()('A')).not.toBe(code('A'))
    const profile = pseudonymiseProfile(fixtureProfile(), code)
    const html = buildReportHtml({ ...fixtureModel(profile), pseudonymised: true }, defaultReportOptions)
    expect(html).not.toContain('CUST-SECRET')
    expect(html).toContain(code('CUST-SECRET-17'))
  })
})

import { describe, expect, it } from 'vitest'
import { buildReportHtml } from '../../../src/main/report/buildReportHtml'
import { defaultReportOptions, type ReportOptions } from '../../../src/main/report/model'
import { pseudonymiseProfile, pseudonymiser, withoutPersonalData } from '../../../src/main/report/privacy'
import { fixtureModel, fixtureProfile, fixtureRecommendations, visibleText } from './fixture'

const names = ['New <customers> & co', 'Need attention', 'Hibernating']
const only = (section: keyof ReportOptions['sections']): ReportOptions => ({
  ...defaultReportOptions,
  sections: {
    cover: false,
    summary: false,
    method: false,
    overview: false,
    segments: false,
    recommendations: false,
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

describe('recommendations in reports', () => {
  const withModel = () => ({ ...fixtureModel(), recommendations: fixtureRecommendations() })

  it('adds the quality chapter, with the protocol beside the numbers and the verdict, and items on each card', () => {
    const html = buildReportHtml(withModel(), defaultReportOptions)
    const text = visibleText(html)
    expectClean(text)
    expect(html).toContain('id="recommendations"')
    expect(text).toMatch(/Section 5 Recommendation quality/)
    expect(text).toContain('2.5× better than recommending bestsellers (NDCG@10 0.100 vs 0.040).')
    expect(text).toMatch(/NDCG@10 0\.100 0\.040 2\.5×/)
    expect(text).toMatch(/Catalogue coverage 42% 0% above/)
    expect(text).toContain("A random 25% of each customer's items held out (seed 0)")
    expect(text).toContain(
      '640 customers evaluated; 900 customers, 1,500 items and 15,000 purchases in all (120 rows left out).',
    )
    expect(text).toContain('Bought together (item-based), chosen by Automatic')
    // The contents list it, before the appendix.
    expect(text).toMatch(/5 Recommendation quality 6 Appendix/)
    // Cards: the segment's items with their reason in words; capitals read in sentence case, escaped, ids for no name.
    expect(text.match(/Top recommended items/g)).toHaveLength(3 + 1)
    expect(text).toContain(
      'White hanging <heart> bought by 40 of its 250 customers (16%), 2.4× the share among all customers',
    )
    expect(html).not.toContain('<heart>')
    expect(text).toContain('22423 bought by 12 of its 250 customers (5%), 1.3× the share among all customers')
    expect(text).toContain('Party bunting bought by 90 of its 450 customers (20%)')
    expect(text).toContain('No item stands out')
  })

  it('says nothing about recommendations without a model, or when they are switched off', () => {
    for (const [model, options] of [
      [fixtureModel(), defaultReportOptions],
      [
        withModel(),
        { ...defaultReportOptions, sections: { ...defaultReportOptions.sections, recommendations: false } },
      ],
    ] as const) {
      const text = visibleText(buildReportHtml(model, options))
      expectClean(text)
      expect(text).not.toMatch(/recommendations|recommended items|best-sellers/i)
      expect(text).toMatch(/5 Appendix/)
    }
    expect(buildReportHtml(withModel(), only('recommendations'))).toContain('Recommendation quality')
  })

  it('lists no items on the cards when the recommender was matched to another segmentation, and says why', () => {
    const rec = { ...fixtureRecommendations(), segmentItems: null, segmentCustomers: [], otherRun: 'K-means (#4)' }
    const text = visibleText(buildReportHtml({ ...fixtureModel(), recommendations: rec }, defaultReportOptions))
    expectClean(text)
    expect(text).not.toContain('Top recommended items')
    expect(text).toContain('matched to another segmentation (K-means (#4))')
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

import { describe, expect, it } from 'vitest'
import { percentile, stepWords } from '../../../src/main/report/text/steps'
import { suggestedAction } from '../../../src/main/report/text/actions'
import { prepStepSchema } from '../../../src/shared/domain/prep'
import { longDate } from '../../../src/main/report/html/dates'
import { cssString, esc } from '../../../src/main/report/html/escape'

describe('report words', () => {
  it('says each preparation step in a sentence', () => {
    const step = (s: unknown) => stepWords(prepStepSchema.parse(s))
    expect(step({ id: 'a', kind: 'filterRows', conditions: [{ column: 'monetary', op: '>', value: 0 }] })).toBe(
      'Kept the customers where monetary is above 0.',
    )
    expect(
      step({ id: 'b', kind: 'outliers', columns: ['frequency', 'monetary'], method: 'percentile', action: 'cap' }),
    ).toBe(
      'Capped extreme values of frequency and monetary (below the 1st percentile or above the 99th percentile) so a few customers cannot dominate.',
    )
    expect(step({ id: 'c', kind: 'transform', columns: ['Fresh_Food'], method: 'log1p' })).toBe(
      'Evened out the skew of Fresh Food with a logarithm.',
    )
    expect(step({ id: 'd', kind: 'pca', columns: ['a', 'b'], varianceToKeep: 0.9 })).toBe(
      'Summarised a and b as principal components keeping 90% of their variation.',
    )
  })

  it('orders percentiles in English', () => {
    expect([0.01, 0.02, 0.03, 0.11, 0.21, 0.975].map(percentile)).toEqual([
      '1st percentile',
      '2nd percentile',
      '3rd percentile',
      '11th percentile',
      '21st percentile',
      '97.5th percentile',
    ])
  })

  it('suggests an action from the RFM name, else from value against size', () => {
    expect(suggestedAction({ suggestedName: 'Champions-like', share: 0.1, valueShare: 0.5 })).toMatch(/^Reward/)
    expect(suggestedAction({ suggestedName: "Can't lose them", share: 0.1, valueShare: 0.1 })).toMatch(/^Win them back/)
    expect(suggestedAction({ suggestedName: 'High Fresh · Low Milk', share: 0.1, valueShare: 0.3 })).toMatch(/^Protect/)
    expect(suggestedAction({ suggestedName: 'Big Milk buyers', share: 0.4, valueShare: null })).toMatch(/^Test/)
  })

  it('escapes text for HTML and CSS, and writes dates without the machine’s locale', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    expect(cssString('Say "hi" \\ bye\n')).toBe('"Say \\"hi\\" \\\\ bye "')
    expect(longDate('2011-12-09T23:59:00Z')).toBe('9 December 2011')
  })
})

import { describe, expect, it } from 'vitest'
import { featureWords, formatThreshold, ruleText } from '../../../../src/shared/ruleText'
import type { SegmentRule } from '../../../../src/shared/domain/understand'

const segmentName = (s: number) => `Segment ${s + 1}`

describe('ruleText', () => {
  it('reads a rule as a sentence with ≤ and > and an arrow to the segment', () => {
    const rule: SegmentRule = {
      segment: 2,
      conditions: [
        { feature: 'annual_income', op: '>', threshold: 70 },
        { feature: 'spending_score', op: '<=', threshold: 40 },
      ],
      covers: 30,
      correct: 27,
    }
    expect(ruleText(rule, segmentName)).toBe('Annual income > 70 and spending score ≤ 40 → Segment 3')
  })

  it('uses the caller’s names and number format, which gets the feature', () => {
    const rule: SegmentRule = {
      segment: 0,
      conditions: [{ feature: 'Detergents_Paper', op: '<=', threshold: 1184.5 }],
      covers: 1,
      correct: 1,
    }
    expect(
      ruleText(
        rule,
        () => 'Cafés',
        (f, v) => `${f.length}:${v}`,
      ),
    ).toBe('Detergents Paper ≤ 16:1184.5 → Cafés')
    expect(ruleText(rule, segmentName)).toBe('Detergents Paper ≤ 1,185 → Segment 1')
  })

  it('keeps capitals after the first letter, and says "All customers" when there is no condition', () => {
    const rfm: SegmentRule = {
      segment: 1,
      conditions: [{ feature: 'RFM_score', op: '>', threshold: 2.45 }],
      covers: 1,
      correct: 1,
    }
    expect(ruleText(rfm, segmentName)).toBe('RFM score > 2.45 → Segment 2')
    expect(ruleText({ segment: 0, conditions: [], covers: 5, correct: 5 }, segmentName)).toBe(
      'All customers → Segment 1',
    )
  })
})

describe('formatThreshold', () => {
  it('shows whole numbers in full and others to three significant digits, never dropping whole digits', () => {
    expect(formatThreshold(70)).toBe('70')
    expect(formatThreshold(12669)).toBe('12,669')
    expect(formatThreshold(-2500)).toBe('-2,500')
    expect(formatThreshold(2.449999988079071)).toBe('2.45')
    expect(formatThreshold(70.5)).toBe('70.5')
    expect(formatThreshold(0.012345)).toBe('0.0123')
    expect(formatThreshold(123.456)).toBe('123')
    expect(formatThreshold(38278.5)).toBe('38,279')
  })
})

describe('featureWords', () => {
  it('turns underscores and runs of spaces into single spaces', () => {
    expect(featureWords('Detergents_Paper')).toBe('Detergents Paper')
    expect(featureWords('__total  spend_')).toBe('total spend')
  })
})

import { describe, expect, it } from 'vitest'
import { describeQuality, profileFrame } from '../../../src/main/engine/profile'
import type { Frame } from '../../../src/main/engine/frame'

/** Issue 17, words of the quality check: what the file wrote for a missing value, and skew told once. */
const n = 40
const numbers = (name: string, f: (i: number) => number | null): Frame['columns'][number] => ({
  name,
  kind: 'number',
  values: Float64Array.from({ length: n }, (_, i) => f(i) ?? NaN),
})
/** Most customers near zero, a few far above: the shape of spend. */
const spendLike = (scale: number) => (i: number) => (i < 3 ? scale * 100 : scale * (i % 5))

describe('quality findings in words', () => {
  const frame: Frame = {
    rowCount: n,
    columns: [
      { name: 'default', kind: 'category', values: Array.from({ length: n }, (_, i) => (i < 8 ? null : 'no')) },
      numbers('Income', (i) => (i < 2 ? null : 30_000 + i * 500)),
      numbers('MntWines', spendLike(10)),
      numbers('MntFruits', spendLike(2)),
      numbers('NumWebPurchases', spendLike(1)),
    ],
  }
  const findings = describeQuality(profileFrame(frame), {
    entityNoun: 'customers',
    missingMarkers: {
      default: [{ marker: 'unknown', count: 8 }],
      Income: [{ marker: '(empty)', count: 2 }],
    },
  })
  const messages = findings.map((f) => f.message)

  it('names the word the file used for a missing value, so "no default" never reads as "not defaulted"', () => {
    expect(messages).toContain('8 customers (20%) have “unknown” as default — treated as missing.')
    expect(messages).toContain('2 customers have no Income (5%).')
  })

  it('groups strongly right-skewed columns into one finding that lists them', () => {
    const skewed = findings.filter((f) => f.kind === 'skewed')
    expect(skewed).toHaveLength(1)
    expect(skewed[0].message).toBe(
      '3 columns are strongly right-skewed — a few customers have far higher values than the rest, as is usual for spend and counts: MntWines, MntFruits, NumWebPurchases. Automatic segmentation evens them out.',
    )
    expect(skewed[0]).toMatchObject({ severity: 'warning', column: null })
  })

  it('keeps the single sentence when only one column is skewed', () => {
    const one = describeQuality(profileFrame({ rowCount: n, columns: [numbers('Fresh', spendLike(5))] }), {
      moneyColumns: ['Fresh'],
    })
    expect(one.map((f) => f.message)).toContain(
      'Fresh is strongly right-skewed: a few customers spend far more than the rest.',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { createRawColumnStats } from '../../../src/main/engine/stats/rawColumnStats'

describe('raw column statistics', () => {
  it('gives the same answer in one chunk or many, with sample std (n − 1)', () => {
    const rows = [['2'], ['4'], ['4'], ['4'], ['5'], ['5'], ['7'], ['9'], [' '], [null]]
    const whole = createRawColumnStats(['x'])
    whole.add(rows)
    const chunked = createRawColumnStats(['x'])
    for (const r of rows) chunked.add([r])
    expect(chunked.finish()).toEqual(whole.finish())
    const [x] = whole.finish()
    expect(x).toMatchObject({ count: 10, missing: 2, distinct: 5 })
    expect(x.numeric!.mean).toBeCloseTo(5, 12)
    expect(x.numeric!.std).toBeCloseTo(Math.sqrt(32 / 7), 12)
    expect(x.top[0]).toEqual({ value: '4', count: 3 })
  })

  it('treats a column with any non-number as non-numeric (Telco’s blank TotalCharges are missing, not text)', () => {
    const s = createRawColumnStats(['charges', 'mixed'])
    s.add([
      ['29.85', '1'],
      [' ', 'x'],
      ['1889.5', '2'],
    ])
    const [charges, mixed] = s.finish()
    expect(charges.missing).toBe(1)
    expect(charges.numeric).toMatchObject({ min: 29.85, max: 1889.5 })
    expect(mixed.numeric).toBeNull()
  })
})

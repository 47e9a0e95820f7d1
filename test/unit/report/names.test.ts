import { describe, expect, it } from 'vitest'
import { tableNumber } from '../../../src/main/report/text/names'

describe('tableNumber', () => {
  it('writes whole numbers above 100 and three significant digits below', () => {
    expect(tableNumber(1204.4)).toBe('1,204')
    expect(tableNumber(21.64)).toBe('21.6')
    expect(tableNumber(0.1534)).toBe('0.153')
  })

  it('shows floating-point residue and −0 as 0, and small values without an exponent', () => {
    expect(tableNumber(-1.7e-16)).toBe('0')
    expect(tableNumber(-0)).toBe('0')
    expect(tableNumber(0.0000123)).toBe('0.0000123')
    expect(tableNumber(NaN)).toBe('–')
  })
})

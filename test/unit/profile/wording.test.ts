import { describe, expect, it } from 'vitest'
import { formatValue } from '../../../src/main/engine/profile/wording'

describe('formatValue', () => {
  it('writes whole numbers with separators and others to four significant digits', () => {
    expect(formatValue(38_500)).toBe('38,500')
    expect(formatValue(1234.5)).toBe('1,235')
    expect(formatValue(0.123456)).toBe('0.1235')
    expect(formatValue(-2.144)).toBe('-2.144')
  })

  it('writes residue as 0 and small values without an exponent', () => {
    expect(formatValue(-1.7e-16)).toBe('0')
    expect(formatValue(-0)).toBe('0')
    expect(formatValue(1.234e-6)).toBe('0.000001234')
  })
})

import { describe, expect, it } from 'vitest'
import { seededRandom } from '../helpers/random'
import {
  comboCount,
  createNumberScan,
  numberCombos,
  numberValue,
  scanNumber,
  type NumberScan,
} from '../../../src/main/formats/typing/numberFormat'

/** The value by its definition: the digits, the combo's decimal mark as '.', the exponent, read by Number(). */
function byDefinition(raw: string, scan: NumberScan, c: number): number {
  let text = ''
  for (let k = scan.bodyStart; k < scan.bodyEnd; k++) {
    const ch = raw[k]
    if (ch >= '0' && ch <= '9') text += ch
    else if (ch === numberCombos[c].decimal) text += '.'
  }
  if (scan.exponent) text += 'e' + raw.substring(scan.expStart, scan.expEnd)
  const value = Number(text)
  return scan.negative ? -value : value
}

describe('the value of a scanned number', () => {
  it('is the double Number() reads from its digits, for every format that reads it', () => {
    const next = seededRandom(11)
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('')
    const values = ['0', '-0', '0.0', '-0.000', '007', '0.1', '0.3', '9007199254740993', '123456789012345.6']
    values.push('1.7976931348623157', '4.9406564584124654', '2.2250738585072014', '0.0000000000000000000001')
    for (let n = 0; n < 200_000; n++) {
      const whole = digits(1 + Math.floor(next() * 18))
      const fraction = next() < 0.8 ? digits(Math.floor(next() * 24)) : ''
      const mark = next() < 0.5 ? '.' : ','
      const sign = next() < 0.3 ? '-' : ''
      const exponent = next() < 0.05 ? `e${Math.floor(next() * 40) - 20}` : ''
      values.push(`${sign}${whole}${fraction ? mark + fraction : ''}${exponent}`)
      values.push(`${sign}${Number(whole).toLocaleString('en-US')}.${fraction || '0'}`) // grouped: 1,234,567.89
    }
    let read = 0
    const scan = createNumberScan()
    for (const raw of values) {
      if (!scanNumber(raw, scan)) continue
      for (let c = 0; c < comboCount; c++) {
        if ((scan.mask & (1 << c)) === 0) continue
        read++
        const value = numberValue(raw, scan, c)
        const expected = byDefinition(raw, scan, c)
        if (!Object.is(value, expected))
          expect({ raw, combo: numberCombos[c], value }).toEqual({ raw, combo: numberCombos[c], value: expected })
      }
    }
    expect(read).toBeGreaterThan(300_000)
  })
})

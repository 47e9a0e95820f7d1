import { describe, expect, it } from 'vitest'
import { seededRandom } from '../helpers/random'
import {
  createNumberScan,
  PLAIN_NUMBER,
  PLAIN_UNSURE,
  scanAnyNumber,
  scanPlainNumber,
} from '../../../src/main/formats/typing/numberFormat'

describe('the one-pass scan of plain numbers', () => {
  it('answers exactly as the general scan wherever it answers', () => {
    const next = seededRandom(7)
    const alphabet = '0123456789-.,'
    const values = ['0', '-0', '00', '007', '-12.50', '1.234', '1,234', '12,5', '1234.5678', '999,999', '-1,000', '5']
    for (let n = 0; n < 200_000; n++) {
      const length = 1 + Math.floor(next() * 9)
      let v = ''
      for (let k = 0; k < length; k++) v += alphabet[Math.floor(next() * alphabet.length)]
      values.push(v)
    }
    let answered = 0
    for (const value of values) {
      const plain = createNumberScan()
      const general = createNumberScan()
      const verdict = scanPlainNumber(value, plain)
      if (verdict === PLAIN_UNSURE) continue
      answered++
      const isNumber = scanAnyNumber(value, general)
      expect({ value, isNumber: verdict === PLAIN_NUMBER }).toEqual({ value, isNumber })
      if (isNumber) expect({ value, ...plain }).toEqual({ value, ...general })
    }
    // The fast path must actually take the common shapes, or this test proves nothing.
    expect(answered).toBeGreaterThan(20_000)
  })

  it('leaves every other shape to the general scan', () => {
    const scan = createNumberScan()
    for (const value of [
      '',
      '-',
      '.5',
      '5.',
      '1.2.3',
      '1e5',
      ' 12',
      '12 ',
      '+3',
      '(4)',
      '£5',
      '5%',
      '1 234',
      "1'234",
      '--1',
    ])
      expect({ value, verdict: scanPlainNumber(value, scan) }).toEqual({ value, verdict: PLAIN_UNSURE })
  })
})

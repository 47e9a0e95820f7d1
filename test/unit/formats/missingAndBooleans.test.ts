import { describe, expect, it } from 'vitest'
import { isMissing, missingMarker } from '../../../src/main/formats/typing/missing'
import { parseBoolean } from '../../../src/main/formats/typing/booleans'

describe('missingMarker', () => {
  it.each([
    ['', '(empty)'],
    [' ', '(spaces only)'], // Telco TotalCharges
    ['\t ', '(spaces only)'],
    ['NA', 'NA'],
    ['n/a', 'n/a'],
    ['N/A', 'N/A'],
    ['null', 'null'],
    ['NULL', 'NULL'],
    ['NaN', 'NaN'],
    ['-', '-'],
    ['?', '?'],
    ['unknown', 'unknown'], // UCI Bank Marketing
    [' Unknown ', 'Unknown'],
    ['#N/A', '#N/A'],
    ['#DIV/0!', '#DIV/0!'],
  ])('%j is missing, written as %j', (raw, label) => {
    expect(missingMarker(raw)).toBe(label)
    expect(isMissing(raw)).toBe(true)
  })

  it.each(['0', 'No', 'none', 'nan bread', 'unknown artist', '--5', 'N'])('%j is data', (raw) => {
    expect(missingMarker(raw)).toBeNull()
  })
})

describe('parseBoolean', () => {
  it('reads the usual spellings, case and spaces aside', () => {
    expect(['Yes', 'yes', 'Y', 'TRUE', 't', '1', '1.0', ' yes '].map(parseBoolean)).toEqual(Array(8).fill(true))
    expect(['No', 'no', 'N', 'False', 'f', '0', '0.0'].map(parseBoolean)).toEqual(Array(7).fill(false))
  })

  it('returns null for missing and anything else', () => {
    expect(['', 'NA', 'unknown', 'maybe', '2', 'ja'].map(parseBoolean)).toEqual(Array(6).fill(null))
  })
})

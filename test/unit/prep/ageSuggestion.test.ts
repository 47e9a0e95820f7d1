import { afterEach, describe, expect, it, vi } from 'vitest'
import { suggestSteps } from '../../../src/main/engine/prep'
import { profileFrame } from '../../../src/main/engine/profile'
import { isBirthYearName } from '../../../src/shared/birthYear'
import type { Frame } from '../../../src/main/engine/frame'
import { frameOf, numberColumn } from './fixtures'

/** 200 customers born 1940–2000 (every year), with an income and a spend that follow no pattern of their own. */
function customers(yearName = 'Year_Birth', years = (i: number) => 1940 + (i % 61)): Frame {
  const n = 200
  return frameOf(
    numberColumn(
      yearName,
      Array.from({ length: n }, (_, i) => years(i)),
    ),
    numberColumn(
      'Income',
      Array.from({ length: n }, (_, i) => 20000 + ((i * 7919) % 60000)),
    ),
    numberColumn(
      'MntWines',
      Array.from({ length: n }, (_, i) => (i * 131) % 900),
    ),
  )
}

const ageSuggestions = (frame: Frame) => suggestSteps(profileFrame(frame)).filter((s) => s.step.kind === 'age')

afterEach(() => vi.useRealTimers())

describe('suggesting ages for years of birth', () => {
  it('offers Year_Birth as an age, as a question, before scaling', () => {
    vi.useFakeTimers({ now: new Date(2026, 2, 1), toFake: ['Date'] })
    const all = suggestSteps(profileFrame(customers()))
    expect(all.map((s) => s.step.kind)).toEqual(['age', 'scale'])
    expect(all[0]).toEqual({
      step: { id: 'suggested-age-Year_Birth', kind: 'age', columns: ['Year_Birth'], referenceYear: 2026 },
      why: 'Year_Birth holds years of birth: use the age instead (2026 − year), which reads more naturally in segment profiles?',
    })
    // Worked out on the imported columns: the Prepare screen renames Year_Birth to Age when the age step is in.
    expect(all[1].step).toMatchObject({ kind: 'scale', columns: ['Year_Birth', 'Income', 'MntWines'] })
  })

  it('recognises the usual spellings of a birth-year name, and not a plain year or a birthday', () => {
    for (const name of ['Year_Birth', 'birth_year', 'BirthYear', 'YOB', 'year of birth'])
      expect(isBirthYearName(name), name).toBe(true)
    for (const name of ['Year', 'OrderYear', 'Birthday', 'Income', 'Yobbo'])
      expect(isBirthYearName(name), name).toBe(false)
    expect(ageSuggestions(customers('yob'))).toHaveLength(1)
  })

  it('offers a birth-year column with a few impossible years, saying they will be left empty', () => {
    vi.useFakeTimers({ now: new Date(2026, 2, 1), toFake: ['Date'] })
    // The marketing data's 1893: a typo among real years of birth.
    const [offer] = ageSuggestions(customers('Year_Birth', (i) => (i === 5 ? 1893 : 1940 + (i % 61))))
    expect(offer.why).toBe(
      'Year_Birth holds years of birth: use the age instead (2026 − year), which reads more naturally in segment profiles? The few impossible years (such as 1893) would be left empty.',
    )
    expect(offer.step).toMatchObject({ kind: 'age', referenceYear: 2026 })
  })

  it('does not offer a year of orders, a column not named for birth, or mostly implausible years', () => {
    expect(ageSuggestions(customers('Year', (i) => 2010 + (i % 14)))).toEqual([])
    expect(ageSuggestions(customers('Signup'))).toEqual([])
    expect(ageSuggestions(customers('Year_Birth', (i) => (i % 10 === 0 ? 1893 : 1940 + (i % 61))))).toEqual([])
    // Not whole years, or years still to come.
    expect(ageSuggestions(customers('Year_Birth', (i) => 1940.5 + (i % 61)))).toEqual([])
    expect(ageSuggestions(customers('Year_Birth', (i) => 1990 + (i % 61)))).toEqual([])
  })
})

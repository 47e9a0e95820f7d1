import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyPipeline, applyStep, toOriginalUnits } from '../../../src/main/engine/prep'
import { prepStepSchema, type PrepStepInput } from '../../../src/shared/domain/prep'
import { UserError } from '../../../src/shared/errors'
import type { Frame } from '../../../src/main/engine/frame'
import { ageColumnNames } from '../../../src/shared/birthYear'
import { categoryColumn, frameOf, numberColumn, numbers } from './fixtures'

const step = (s: Omit<Extract<PrepStepInput, { kind: 'age' }>, 'id' | 'kind'>) =>
  prepStepSchema.parse({ id: 'a', kind: 'age', ...s })
const names = (f: Frame) => f.columns.map((c) => c.name)

const people = frameOf(
  categoryColumn('id', ['a', 'b', 'c', 'd']),
  numberColumn('Year_Birth', [1956, null, 1990, 2001]),
  numberColumn('Income', [58138, 46344, null, 71613]),
)

afterEach(() => vi.useRealTimers())

describe('age step', () => {
  it('subtracts each year of birth from the reference year, keeps missing values missing and renames in place', () => {
    const out = applyStep(people, step({ columns: ['Year_Birth'], referenceYear: 2026 }))
    expect(names(out.frame)).toEqual(['id', 'Age', 'Income'])
    // By hand: 2026 − 1956 = 70, 2026 − 1990 = 36, 2026 − 2001 = 25.
    expect(Array.from(numbers(out.frame, 'Age'))).toEqual([70, NaN, 36, 25])
    expect(numbers(out.frame, 'Income')).toBe(numbers(people, 'Income'))
    expect(out.fitted).toEqual({ kind: 'age', referenceYear: 2026, columns: { Year_Birth: 'Age' } })
    expect(out.effect).toMatchObject({
      summary: 'Turned Year_Birth into Age (2026 − year of birth).',
      columnsAdded: ['Age'],
      columnsRemoved: ['Year_Birth'],
    })
    // The before/after view draws the years before and the ages after, under the age's name.
    const [effect] = out.effect.columns
    expect(effect).toMatchObject({ column: 'Age', changed: 3 })
    expect(effect.before!.edges[0]).toBe(1956)
    expect(effect.after!.edges[0]).toBe(25)
    // The input frame is not changed.
    expect(Array.from(numbers(people, 'Year_Birth'))).toEqual([1956, NaN, 1990, 2001])
  })

  it('counts to the current calendar year when no reference year is given, and records it', () => {
    vi.useFakeTimers({ now: new Date(2031, 5, 15), toFake: ['Date'] })
    const out = applyStep(people, step({ columns: ['Year_Birth'] }))
    expect(out.fitted).toMatchObject({ kind: 'age', referenceYear: 2031 })
    expect(numbers(out.frame, 'Age')[0]).toBe(75)
  })

  it('replays with the fitted reference year, whatever the year of the replay', () => {
    vi.useFakeTimers({ now: new Date(2026, 0, 10), toFake: ['Date'] })
    const s = step({ columns: ['Year_Birth'] })
    const first = applyPipeline(people, [s])
    vi.setSystemTime(new Date(2040, 11, 31))
    const replay = applyPipeline(people, [s], first.fitted)
    expect(Array.from(numbers(replay.frame, 'Age'))).toEqual(Array.from(numbers(first.frame, 'Age')))
    expect(replay.fitted).toEqual(first.fitted)
    // Without the fitted year the same step gives other ages in 2040: the replay is what keeps them.
    expect(numbers(applyPipeline(people, [s]).frame, 'Age')[0]).toBe(84)
  })

  it('names columns "<name> as age" when there are several or an age column exists, and keeps names unique', () => {
    const two = frameOf(
      numberColumn('birth_year_1', [1970, 1980]),
      numberColumn('birth_year_2', [1975, 1985]),
      numberColumn('birth_year_1 as age', [1, 2]),
    )
    const out = applyStep(two, step({ columns: ['birth_year_1', 'birth_year_2'], referenceYear: 2000 }))
    expect(names(out.frame)).toEqual(['birth_year_1 as age (2)', 'birth_year_2 as age', 'birth_year_1 as age'])
    expect(Array.from(numbers(out.frame, 'birth_year_2 as age'))).toEqual([25, 15])

    const withAge = frameOf(numberColumn('yob', [1980, 1990]), numberColumn('age', [44, 34]))
    expect(names(applyStep(withAge, step({ columns: ['yob'], referenceYear: 2024 })).frame)).toEqual([
      'yob as age',
      'age',
    ])
    // A column already called Age that holds birth years simply keeps its name.
    expect(ageColumnNames(['Age'], ['id', 'Age'])).toEqual(new Map([['Age', 'Age']]))
  })

  it('leaves impossible years empty and says how many, but refuses a column that is not years of birth', () => {
    const odd = frameOf(numberColumn('Year_Birth', [1960, 1893, null, 1975, 1980]))
    const done = applyStep(odd, step({ columns: ['Year_Birth'], referenceYear: 2026 }))
    expect(Array.from(numbers(done.frame, 'Age'))).toEqual([66, NaN, NaN, 51, 46])
    expect(done.effect.summary).toBe(
      'Turned Year_Birth into Age (2026 − year of birth). 1 year of Year_Birth outside 1896–2026 (for example 1893) was left empty.',
    )
    // A year after the reference year is as impossible (a birth year typed as 2062, or the wrong reference year).
    const early = applyStep(odd, step({ columns: ['Year_Birth'], referenceYear: 1970 }))
    expect(Array.from(numbers(early.frame, 'Age'))).toEqual([10, 77, NaN, NaN, NaN])
    expect(early.effect.summary).toContain(
      '2 years of Year_Birth outside 1840–1970 (for example 1975) were left empty.',
    )
    // Mostly outside: already ages, or scaled years, are not years of birth.
    const ages = frameOf(numberColumn('Year_Birth', [0.25, -1.3, 1970]))
    const run = () => applyStep(ages, step({ columns: ['Year_Birth'], referenceYear: 2026 }))
    expect(run).toThrow(UserError)
    expect(run).toThrow(
      'Ages need years of birth from 1896 to 2026, but most values of "Year_Birth" are outside them (2 of 3, for example 0.25): it does not hold years of birth, or the reference year is wrong.',
    )
    expect(() => applyStep(people, step({ columns: ['id'], referenceYear: 2026 }))).toThrow(
      'Turning birth years into ages needs numbers, but "id" holds categories.',
    )
  })

  it('validates the reference year at the door', () => {
    const parse = (referenceYear: number) =>
      prepStepSchema.safeParse({ id: 'a', kind: 'age', columns: ['yob'], referenceYear })
    expect(parse(2026).success).toBe(true)
    expect(parse(1850).error?.issues[0].message).toBe('Use a year from 1900 on.')
    expect(parse(2026.5).error?.issues[0].message).toBe('Use a whole year, such as 2026.')
  })

  it('inverts ages back to years of birth under the original name, through a later scaling', () => {
    const steps = [
      step({ columns: ['Year_Birth'], referenceYear: 2026 }),
      prepStepSchema.parse({ id: 's', kind: 'scale', columns: ['Age', 'Income'], method: 'standard' }),
    ]
    const complete = frameOf(numberColumn('Year_Birth', [1956, 1990, 2001]), numberColumn('Income', [5, 7, 9]))
    const run = applyPipeline(complete, steps)
    const back = toOriginalUnits(run.frame, steps, run.fitted)
    expect(names(back)).toEqual(['Year_Birth', 'Income'])
    numbers(back, 'Year_Birth').forEach((v, i) => expect(v).toBeCloseTo(numbers(complete, 'Year_Birth')[i], 9))
    numbers(back, 'Income').forEach((v, i) => expect(v).toBeCloseTo(numbers(complete, 'Income')[i], 9))
  })
})

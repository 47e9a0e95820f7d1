import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyStep } from '../../../src/main/engine/prep'
import { prepStepSchema, type PrepStepInput } from '../../../src/shared/domain/prep'
import { UserError } from '../../../src/shared/errors'
import type { Frame } from '../../../src/main/engine/frame'
import { categoryColumn, frameOf, numberColumn, numbers } from './fixtures'

const step = (s: PrepStepInput) => prepStepSchema.parse(s)
const day = (s: string) => Date.parse(`${s}T00:00:00Z`)
const names = (f: Frame) => f.columns.map((c) => c.name)
const texts = (f: Frame, name: string) => f.columns.find((c) => c.name === name)!.values

const people: Frame = frameOf(
  categoryColumn('id', ['a', 'b', 'c', 'd', 'e', 'f']),
  numberColumn('age', [25, null, 41, 33, null, 58]),
  numberColumn('spend', [10, 250, 30, 30, 12, 9000]),
  categoryColumn('city', ['Lisbon', 'Porto', null, 'Lisbon', 'Faro', 'Porto']),
  {
    name: 'joined',
    kind: 'date',
    values: Float64Array.from(
      ['2011-01-05', '2011-03-01', '2011-06-30', '2011-07-01', '2010-12-31', '2011-02-02'].map(day),
    ),
  },
)

describe('dropColumns and keepColumns', () => {
  it('keep the table order and name unknown columns', () => {
    expect(names(applyStep(people, step({ id: '1', kind: 'keepColumns', columns: ['spend', 'id'] })).frame)).toEqual([
      'id',
      'spend',
    ])
    const dropped = applyStep(people, step({ id: '1', kind: 'dropColumns', columns: ['id'] }))
    expect(names(dropped.frame)).toEqual(['age', 'spend', 'city', 'joined'])
    expect(dropped.effect).toMatchObject({ columnsRemoved: ['id'], summary: 'Removed 1 column; 4 columns remain.' })
    expect(() => applyStep(people, step({ id: '1', kind: 'dropColumns', columns: ['Age'] }))).toThrow(
      'There is no column called "Age". The table has: id, age, spend, city, joined.',
    )
  })
})

describe('filterRows', () => {
  const filter = (conditions: unknown[], combine: 'all' | 'any' = 'all') =>
    applyStep(people, step({ id: 'f', kind: 'filterRows', conditions, combine } as PrepStepInput))

  it('compares numbers, with missing values failing every comparison', () => {
    const out = filter([{ column: 'age', op: '>=', value: 33 }])
    expect(texts(out.frame, 'id')).toEqual(['c', 'd', 'f'])
    expect(out.effect).toMatchObject({
      rowsBefore: 6,
      rowsAfter: 3,
      summary: 'Removed 3 rows that did not match; 3 remain.',
    })
    expect(texts(filter([{ column: 'city', op: '!=', value: 'Lisbon' }]).frame, 'id')).toEqual(['b', 'e', 'f'])
  })

  it('handles in, isMissing, notMissing, dates given as ISO text, and any/all', () => {
    expect(texts(filter([{ column: 'city', op: 'in', values: ['Faro', 'Porto'] }]).frame, 'id')).toEqual([
      'b',
      'e',
      'f',
    ])
    expect(texts(filter([{ column: 'age', op: 'isMissing' }]).frame, 'id')).toEqual(['b', 'e'])
    expect(texts(filter([{ column: 'city', op: 'notMissing' }]).frame, 'id')).toEqual(['a', 'b', 'd', 'e', 'f'])
    expect(texts(filter([{ column: 'joined', op: '<', value: '2011-02-01' }]).frame, 'id')).toEqual(['a', 'e'])
    const any = filter(
      [
        { column: 'spend', op: '>', value: 1000 },
        { column: 'age', op: '<', value: 30 },
      ],
      'any',
    )
    expect(texts(any.frame, 'id')).toEqual(['a', 'f'])
    const all = filter([
      { column: 'spend', op: '>', value: 20 },
      { column: 'city', op: '==', value: 'Lisbon' },
    ])
    expect(texts(all.frame, 'id')).toEqual(['d'])
  })

  it('refuses order comparisons on categories and values of the wrong kind', () => {
    expect(() => filter([{ column: 'city', op: '<', value: 'M' }])).toThrow(
      '"<" compares numbers or dates, but "city" holds categories. Use "is" or "is one of".',
    )
    expect(() => filter([{ column: 'age', op: '>', value: 'old' }])).toThrow(
      'The condition "age > old" needs a number; "old" is not one.',
    )
    expect(() => filter([{ column: 'joined', op: '>', value: 'soon' }])).toThrow(
      /needs a date such as 2011-06-30; "soon"/,
    )
  })

  it('keeps exactly the rows a plain loop keeps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom('<', '<=', '>', '>=', '==', '!=' as const),
        (xs, v, op) => {
          const frame = frameOf(numberColumn('x', xs))
          const out = numbers(
            applyStep(frame, step({ id: 'f', kind: 'filterRows', conditions: [{ column: 'x', op, value: v }] })).frame,
            'x',
          )
          const cmp = {
            '<': (a: number) => a < v,
            '<=': (a: number) => a <= v,
            '>': (a: number) => a > v,
            '>=': (a: number) => a >= v,
            '==': (a: number) => a === v,
            '!=': (a: number) => a !== v,
          }[op]
          const expected = xs.filter((a): a is number => a !== null && cmp(a))
          return out.length === expected.length && expected.every((e, i) => out[i] === e)
        },
      ),
    )
  })
})

describe('removeDuplicates', () => {
  it('keeps the first of each group, on all or chosen columns', () => {
    const frame = frameOf(categoryColumn('c', ['x', 'y', 'x', 'x']), numberColumn('n', [1, 2, 1, 3]))
    const all = applyStep(frame, step({ id: 'd', kind: 'removeDuplicates' }))
    expect(all.frame.rowCount).toBe(3)
    expect(all.effect.summary).toBe('Removed 1 row that repeated an earlier row.')
    const byC = applyStep(frame, step({ id: 'd', kind: 'removeDuplicates', columns: ['c'] }))
    expect([...numbers(byC.frame, 'n')]).toEqual([1, 2])
  })
})

describe('impute', () => {
  it('fills numbers with the mean or median and says with what', () => {
    const mean = applyStep(people, step({ id: 'i', kind: 'impute', columns: ['age'], strategy: 'mean' }))
    expect([...numbers(mean.frame, 'age')]).toEqual([25, 39.25, 41, 33, 39.25, 58])
    expect(mean.fitted).toEqual({ kind: 'impute', fill: { age: 39.25 } })
    expect(mean.effect.summary).toBe('Filled 2 values in age with the mean (39.25).')
    expect(mean.effect.columns[0]).toMatchObject({ column: 'age', changed: 2 })
    const median = applyStep(people, step({ id: 'i', kind: 'impute', columns: ['age'], strategy: 'median' }))
    expect(numbers(median.frame, 'age')[1]).toBe(37)
  })

  it('fills categories with the most frequent value (ties: the smallest) or a constant', () => {
    const mode = applyStep(people, step({ id: 'i', kind: 'impute', columns: ['city'], strategy: 'mode' }))
    expect(texts(mode.frame, 'city')[2]).toBe('Lisbon')
    const constant = applyStep(
      people,
      step({ id: 'i', kind: 'impute', columns: ['city', 'age'], strategy: 'constant', value: 0 }),
    )
    expect(texts(constant.frame, 'city')[2]).toBe('0')
    expect(numbers(constant.frame, 'age')[4]).toBe(0)
  })

  it('drops incomplete rows, and refuses a mean of categories', () => {
    const dropped = applyStep(people, step({ id: 'i', kind: 'impute', columns: ['age', 'city'], strategy: 'dropRows' }))
    expect(texts(dropped.frame, 'id')).toEqual(['a', 'd', 'f'])
    expect(dropped.effect.summary).toBe('Removed 3 rows with missing age and city.')
    expect(() => applyStep(people, step({ id: 'i', kind: 'impute', columns: ['city'], strategy: 'mean' }))).toThrow(
      UserError,
    )
  })

  it('replays the fitted fill value on new data', () => {
    const fitted = applyStep(people, step({ id: 'i', kind: 'impute', columns: ['age'], strategy: 'median' })).fitted
    const other = frameOf(numberColumn('age', [null, 90, 91]))
    expect([
      ...numbers(
        applyStep(other, step({ id: 'i', kind: 'impute', columns: ['age'], strategy: 'median' }), fitted).frame,
        'age',
      ),
    ]).toEqual([37, 90, 91])
  })
})

describe('outliers', () => {
  // spend: 9, 10, 12, 30, 30, 250, 9000 → numpy Q1 = 11, Q3 = 140, IQR 129, fences −182.5 and 333.5.
  const frame = frameOf(numberColumn('spend', [10, 250, 30, 30, 12, 9000, 9]))

  it('caps at the IQR fences', () => {
    const out = applyStep(frame, step({ id: 'o', kind: 'outliers', columns: ['spend'], method: 'iqr', action: 'cap' }))
    expect(out.fitted).toEqual({ kind: 'outliers', bounds: { spend: { lower: -182.5, upper: 333.5 } } })
    expect([...numbers(out.frame, 'spend')]).toEqual([10, 250, 30, 30, 12, 333.5, 9])
    expect(out.effect.summary).toBe('Capped 1 value in spend at the fences 1.5 × IQR beyond the quartiles.')
  })

  it('removes rows outside percentiles', () => {
    const out = applyStep(
      frame,
      step({
        id: 'o',
        kind: 'outliers',
        columns: ['spend'],
        method: 'percentile',
        action: 'removeRows',
        lower: 0.1,
        upper: 0.9,
      }),
    )
    // numpy: 10th percentile 9.6, 90th 3750.
    expect([...numbers(out.frame, 'spend')]).toEqual([10, 250, 30, 30, 12])
    expect(out.effect).toMatchObject({ rowsBefore: 7, rowsAfter: 5 })
  })
})

describe('encode', () => {
  it('one-hot encodes in sorted order in place, missing as all zeros, optionally dropping the first', () => {
    const out = applyStep(people, step({ id: 'e', kind: 'encode', columns: ['city'], method: 'oneHot' }))
    expect(names(out.frame)).toEqual(['id', 'age', 'spend', 'city=Faro', 'city=Lisbon', 'city=Porto', 'joined'])
    expect([...numbers(out.frame, 'city=Lisbon')]).toEqual([1, 0, 0, 1, 0, 0])
    expect([...numbers(out.frame, 'city=Faro')]).toEqual([0, 0, 0, 0, 1, 0])
    expect(out.effect.summary).toBe('Replaced city by 3 columns, one per value.')
    const dropFirst = applyStep(
      people,
      step({ id: 'e', kind: 'encode', columns: ['city'], method: 'oneHot', dropFirst: true }),
    )
    expect(names(dropFirst.frame)).toContain('city=Lisbon')
    expect(names(dropFirst.frame)).not.toContain('city=Faro')
  })

  it('gives unseen categories all zeros on replay', () => {
    const s = step({ id: 'e', kind: 'encode', columns: ['city'], method: 'oneHot' })
    const fitted = applyStep(people, s).fitted
    const other = frameOf(categoryColumn('city', ['Braga', 'Porto']))
    const out = applyStep(other, s, fitted)
    expect(names(out.frame)).toEqual(['city=Faro', 'city=Lisbon', 'city=Porto'])
    expect([...numbers(out.frame, 'city=Porto')]).toEqual([0, 1])
    expect([...numbers(out.frame, 'city=Lisbon')]).toEqual([0, 0])
  })

  it('numbers categories in a given order, and names a value missing from that order', () => {
    const size = frameOf(categoryColumn('size', ['M', 'S', 'L', null]))
    const out = applyStep(
      size,
      step({ id: 'e', kind: 'encode', columns: ['size'], method: 'ordinal', order: { size: ['S', 'M', 'L'] } }),
    )
    expect([...numbers(out.frame, 'size')]).toEqual([1, 0, 2, NaN])
    expect(() =>
      applyStep(
        size,
        step({ id: 'e', kind: 'encode', columns: ['size'], method: 'ordinal', order: { size: ['S', 'M'] } }),
      ),
    ).toThrow('"size" has the value "L", which is not in the order you gave (S, M).')
  })

  it('encodes numeric codes numerically sorted and refuses a clash with an existing column', () => {
    const region = frameOf(numberColumn('Region', [3, 1, 10, 1]))
    expect(
      names(applyStep(region, step({ id: 'e', kind: 'encode', columns: ['Region'], method: 'oneHot' })).frame),
    ).toEqual(['Region=1', 'Region=3', 'Region=10'])
    const clash = frameOf(categoryColumn('c', ['x', 'y']), numberColumn('c=x', [1, 2]))
    expect(() => applyStep(clash, step({ id: 'e', kind: 'encode', columns: ['c'], method: 'oneHot' }))).toThrow(
      /"c=x": a column with that name already exists/,
    )
  })
})

describe('the step schema', () => {
  it('applies defaults and names the field that is wrong', () => {
    expect(step({ id: 'o', kind: 'outliers', columns: ['x'], method: 'iqr', action: 'cap' })).toMatchObject({
      iqrMultiplier: 1.5,
      lower: 0.01,
      upper: 0.99,
    })
    const bad = prepStepSchema.safeParse({ id: 'p', kind: 'pca', columns: ['a', 'b'], varianceToKeep: 1.5 })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues[0].path).toEqual(['varianceToKeep'])
  })

  it('skips a disabled step and says so', () => {
    const out = applyStep(people, step({ id: 'x', kind: 'dropColumns', columns: ['id'], enabled: false }))
    expect(out.frame).toBe(people)
    expect(out.effect).toMatchObject({ skipped: true, summary: 'Skipped: this step is turned off.' })
  })

  it('refuses parameters fitted by a different kind of step', () => {
    expect(() =>
      applyStep(people, step({ id: 'x', kind: 'scale', columns: ['spend'], method: 'standard' }), {
        kind: 'impute',
        fill: {},
      }),
    ).toThrow('The saved parameters were learnt by a different kind of step (impute, not scale). Refit the pipeline.')
  })
})

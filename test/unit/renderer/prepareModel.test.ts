import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { prepStepSchema, type PrepStep, type StepEffect } from '../../../src/shared/domain/prep'
import type { DatasetColumn } from '../../../src/shared/domain/dataset'
import {
  accepts,
  describeStep,
  newStep,
  scaledBefore,
  stepKinds,
} from '../../../src/renderer/src/steps/prepare/stepCatalog'
import {
  appendStep,
  freshId,
  moveStep,
  removeStep,
  replaceStep,
  setEnabled,
} from '../../../src/renderer/src/steps/prepare/pipelineOps'
import {
  columnsBefore,
  frameKind,
  startingColumns,
  type AvailableColumn,
} from '../../../src/renderer/src/steps/prepare/availableColumns'
import { checkStep } from '../../../src/renderer/src/steps/prepare/checkStep'
import {
  normaliseConditions,
  parseValue,
  splitList,
  withOp,
} from '../../../src/renderer/src/steps/prepare/conditionValues'

const columns: AvailableColumn[] = [
  { name: 'age', kind: 'number' },
  { name: 'income', kind: 'number' },
  { name: 'job', kind: 'category' },
  { name: 'joined', kind: 'date' },
]

const step = (input: unknown): PrepStep => prepStepSchema.parse(input)

describe('step catalogue', () => {
  it('covers every step kind of the contract exactly once', () => {
    const schemaKinds = prepStepSchema.options.map((o) => o.shape.kind.value).sort()
    expect(stepKinds.map((k) => k.kind).sort()).toEqual(schemaKinds)
  })

  it('starts every kind from a step the contract accepts once its columns are chosen', () => {
    for (const { kind } of stepKinds) {
      const fresh = newStep(kind, `${kind}-1`, ['age', 'income'])
      const parsed = prepStepSchema.safeParse(
        kind === 'filterRows' ? { ...fresh, conditions: [{ column: 'age', op: 'notMissing' }] } : fresh,
      )
      expect(parsed.success, `${kind}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true)
    }
  })

  it('offers each step only the columns it can work on', () => {
    expect(accepts('scale', 'number')).toBe(true)
    expect(accepts('scale', 'category')).toBe(false)
    expect(accepts('encode', 'category')).toBe(true)
    expect(accepts('encode', 'number')).toBe(false)
    expect(accepts('impute', 'category')).toBe(true)
    expect(accepts('impute', 'date')).toBe(false)
    expect(accepts('dropColumns', 'text')).toBe(true)
  })

  it('describes configured steps in a sentence', () => {
    expect(describeStep(step({ id: 'a', kind: 'impute', columns: ['age', 'income'], strategy: 'median' }))).toBe(
      'Fill gaps in age and income with the median',
    )
    expect(describeStep(step({ id: 'a', kind: 'scale', columns: ['age'], method: 'standard' }))).toBe(
      'Scale age to mean 0, spread 1',
    )
    expect(describeStep(step({ id: 'a', kind: 'removeDuplicates' }))).toBe('Remove exact duplicate rows')
    expect(
      describeStep(
        step({
          id: 'a',
          kind: 'filterRows',
          combine: 'any',
          conditions: [
            { column: 'age', op: '>=', value: 18 },
            { column: 'job', op: 'in', values: ['a', 'b'] },
            { column: 'income', op: 'isMissing' },
          ],
        }),
      ),
    ).toBe('Keep rows where age is at least 18 or job is one of a and b or income is missing')
    expect(describeStep(step({ id: 'a', kind: 'pca', columns: ['age', 'income'], varianceToKeep: 0.9 }))).toBe(
      'Combine age and income into components keeping 90% of the variation',
    )
    expect(
      describeStep(
        step({
          id: 'a',
          kind: 'outliers',
          columns: ['age'],
          method: 'percentile',
          action: 'removeRows',
          lower: 0.05,
          upper: 0.95,
        }),
      ),
    ).toBe('Remove rows with unusual age (the 5%–95% percentiles)')
    expect(describeStep(step({ id: 'a', kind: 'dropColumns', columns: ['a', 'b', 'c', 'd', 'e', 'f'] }))).toBe(
      'Drop a, b, c, d and 2 more',
    )
  })
})

describe('scaledBefore', () => {
  it('is true only when earlier enabled scale steps cover every PCA column', () => {
    const pca = step({ id: 'p', kind: 'pca', columns: ['a', 'b'] })
    const scaleA = step({ id: 's1', kind: 'scale', columns: ['a'], method: 'standard' })
    const scaleB = step({ id: 's2', kind: 'scale', columns: ['b'], method: 'robust' })
    expect(scaledBefore([pca], 'p')).toBe(false)
    expect(scaledBefore([scaleA, pca], 'p')).toBe(false)
    expect(scaledBefore([scaleA, scaleB, pca], 'p')).toBe(true)
    expect(scaledBefore([scaleA, pca, scaleB], 'p')).toBe(false)
    expect(scaledBefore([scaleA, { ...scaleB, enabled: false }, pca], 'p')).toBe(false)
    expect(scaledBefore([scaleA], 's1')).toBe(true)
  })
})

describe('pipeline edits', () => {
  const steps = [
    step({ id: 'impute-1', kind: 'impute', columns: ['age'], strategy: 'median' }),
    step({ id: 'scale-1', kind: 'scale', columns: ['age'], method: 'standard' }),
    step({ id: 'removeDuplicates-1', kind: 'removeDuplicates' }),
  ]
  const ids = (s: readonly PrepStep[]) => s.map((x) => x.id)

  it('move, remove, replace and append without touching the input', () => {
    const before = JSON.stringify(steps)
    expect(ids(moveStep(steps, 'scale-1', -1))).toEqual(['scale-1', 'impute-1', 'removeDuplicates-1'])
    expect(ids(moveStep(steps, 'impute-1', -1))).toEqual(ids(steps))
    expect(ids(moveStep(steps, 'removeDuplicates-1', 1))).toEqual(ids(steps))
    expect(ids(removeStep(steps, 'scale-1'))).toEqual(['impute-1', 'removeDuplicates-1'])
    const changed = step({ id: 'scale-1', kind: 'scale', columns: ['age'], method: 'robust' })
    expect(replaceStep(steps, changed)[1]).toBe(changed)
    expect(ids(appendStep(steps, step({ id: 'x', kind: 'removeDuplicates' })))).toHaveLength(4)
    expect(JSON.stringify(steps)).toBe(before)
  })

  it('stores "enabled" only when a step is off', () => {
    const off = setEnabled(steps, 'scale-1', false)
    expect(off[1].enabled).toBe(false)
    const on = setEnabled(off, 'scale-1', true)
    expect('enabled' in on[1]).toBe(false)
    expect(on).toEqual(steps)
  })

  it('refuses unknown ids and duplicate ids with a message naming them', () => {
    expect(() => moveStep(steps, 'nope', 1)).toThrow(/"nope"/)
    expect(() => removeStep(steps, 'nope')).toThrow(/"nope"/)
    expect(() => appendStep(steps, steps[0])).toThrow(/"impute-1" is already/)
  })

  it('makes short fresh ids', () => {
    expect(freshId(steps, 'impute')).toBe('impute-2')
    expect(freshId(steps, 'pca')).toBe('pca-1')
  })

  it('moving keeps the same steps, and moving down then up is the identity away from the ends', () => {
    const arbitrarySteps = fc
      .uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 12 })
      .map((ns) => ns.map((n) => step({ id: `s${n}`, kind: 'removeDuplicates' })))
    fc.assert(
      fc.property(arbitrarySteps, fc.nat(), fc.constantFrom(-1 as const, 1 as const), (list, pick, delta) => {
        const id = list[pick % list.length].id
        const moved = moveStep(list, id, delta)
        expect([...ids(moved)].sort()).toEqual([...ids(list)].sort())
        const i = list.findIndex((s) => s.id === id)
        const movable = delta === 1 ? i < list.length - 1 : i > 0
        if (movable) expect(moveStep(moved, id, delta === 1 ? -1 : 1)).toEqual(list)
        else expect(moved).toEqual(list)
      }),
    )
  })
})

describe('columns available to a step', () => {
  const dsColumns: DatasetColumn[] = [
    { position: 0, name: 'id', type: 'id', role: 'customerId', pii: false, typeReason: '', piiReason: null },
    { position: 1, name: 'email', type: 'text', role: 'feature', pii: true, typeReason: '', piiReason: 'e-mail' },
    { position: 2, name: 'age', type: 'number', role: 'feature', pii: false, typeReason: '', piiReason: null },
    { position: 3, name: 'vip', type: 'boolean', role: 'feature', pii: false, typeReason: '', piiReason: null },
    { position: 4, name: 'note', type: 'text', role: 'ignore', pii: false, typeReason: '', piiReason: null },
  ]

  it('start without personal data and ignored columns, with booleans and ids as categories', () => {
    expect(startingColumns(dsColumns)).toEqual([
      { name: 'id', kind: 'category' },
      { name: 'age', kind: 'number' },
      { name: 'vip', kind: 'category' },
    ])
    expect(frameKind('date')).toBe('date')
  })

  it('follow what earlier steps removed and added, per the preview, and ignore disabled steps', () => {
    const steps = [
      step({ id: 'enc', kind: 'encode', columns: ['job'], method: 'oneHot' }),
      step({ id: 'drop', kind: 'dropColumns', columns: ['income'] }),
      step({ id: 'off', kind: 'dropColumns', columns: ['age'], enabled: false }),
      step({ id: 'last', kind: 'scale', columns: ['age'], method: 'standard' }),
    ]
    const effects: StepEffect[] = [
      {
        stepId: 'enc',
        kind: 'encode',
        skipped: false,
        summary: '',
        rowsBefore: 1,
        rowsAfter: 1,
        columnsAdded: ['job=a', 'job=b'],
        columnsRemoved: ['job'],
        columns: [],
      },
    ]
    const at = (i: number) => columnsBefore(columns, steps, effects, i).map((c) => `${c.name}:${c.kind}`)
    expect(at(0)).toEqual(['age:number', 'income:number', 'job:category', 'joined:date'])
    expect(at(1)).toEqual(['age:number', 'income:number', 'joined:date', 'job=a:number', 'job=b:number'])
    // "drop" has no effect yet (just added): its own column list is used.
    expect(at(2)).toEqual(['age:number', 'joined:date', 'job=a:number', 'job=b:number'])
    expect(at(3)).toEqual(at(2))
  })

  it('treat ordinal-encoded categories as numbers afterwards', () => {
    const steps = [step({ id: 'o', kind: 'encode', columns: ['job'], method: 'ordinal' })]
    expect(columnsBefore(columns, steps, [], 1).find((c) => c.name === 'job')?.kind).toBe('number')
  })
})

describe('checkStep', () => {
  it('passes a good step through the schema, defaults applied', () => {
    const result = checkStep({ id: 'o', kind: 'outliers', columns: ['age'], method: 'iqr', action: 'cap' }, columns)
    expect(result).toEqual({
      ok: true,
      step: expect.objectContaining({ iqrMultiplier: 1.5, lower: 0.01, upper: 0.99 }),
    })
  })

  it('names the field the schema rejects', () => {
    expect(checkStep({ id: 's', kind: 'scale', columns: [], method: 'standard' }, columns)).toEqual({
      ok: false,
      message: 'Columns: Choose at least one column.',
    })
    expect(checkStep({ id: 'p', kind: 'pca', columns: ['age'] }, columns)).toEqual({
      ok: false,
      message: 'Columns: PCA needs at least two columns.',
    })
  })

  it('catches what the schema cannot know', () => {
    const mean = checkStep({ id: 'i', kind: 'impute', columns: ['age', 'job'], strategy: 'mean' }, columns)
    expect(mean.ok === false && mean.message).toMatch(/average needs number columns; job is not one/)
    expect(checkStep({ id: 'i', kind: 'impute', columns: ['job'], strategy: 'constant', value: '' }, columns).ok).toBe(
      false,
    )
    const pct = checkStep(
      { id: 'o', kind: 'outliers', columns: ['age'], method: 'percentile', action: 'cap', lower: 0.9, upper: 0.1 },
      columns,
    )
    expect(pct.ok === false && pct.message).toMatch(/lower percentile must be below/)
    const pca = checkStep({ id: 'p', kind: 'pca', columns: ['age', 'income'], nComponents: 3 }, columns)
    expect(pca.ok === false && pca.message).toMatch(/at most as many components as columns: 2, not 3/)
    const filter = (value: string | number, column = 'age') =>
      checkStep({ id: 'f', kind: 'filterRows', conditions: [{ column, op: '>', value }] }, columns)
    expect(filter(18).ok).toBe(true)
    expect(filter('eighteen')).toEqual({
      ok: false,
      message: 'Conditions: age holds numbers; “eighteen” is not a number.',
    })
    expect(filter('30/06/2011', 'joined').ok).toBe(false)
    expect(filter('2011-06-30', 'joined').ok).toBe(true)
    expect(filter(1, 'gone').ok).toBe(false)
  })
})

describe('filter condition values', () => {
  it('become numbers for number columns only, when they are numbers', () => {
    expect(parseValue(' 42 ', 'number')).toBe(42)
    expect(parseValue('1.5', 'number')).toBe(1.5)
    expect(parseValue('1.', 'number')).toBe(1)
    expect(parseValue('abc', 'number')).toBe('abc')
    expect(parseValue('', 'number')).toBe('')
    expect(parseValue('42', 'category')).toBe('42')
    expect(splitList('a, b,,c ', 'category')).toEqual(['a', 'b', 'c'])
    expect(splitList('1, 2', 'number')).toEqual([1, 2])
  })

  it('keep what was typed when the comparison changes', () => {
    const c = { column: 'age', op: '>' as const, value: '18' }
    expect(withOp(c, '<=', 'number')).toEqual({ column: 'age', op: '<=', value: '18' })
    expect(withOp(c, 'in', 'number')).toEqual({ column: 'age', op: 'in', values: [18] })
    expect(withOp(c, 'isMissing', 'number')).toEqual({ column: 'age', op: 'isMissing' })
    expect(withOp({ column: 'job', op: 'in', values: ['a', 'b'] }, '==', 'category')).toEqual({
      column: 'job',
      op: '==',
      value: 'a, b',
    })
  })

  it('are normalised on saving', () => {
    expect(
      normaliseConditions(
        [
          { column: 'age', op: '>', value: '18' },
          { column: 'job', op: '==', value: '7' },
          { column: 'income', op: 'in', values: ['1', 2] },
          { column: 'age', op: 'notMissing' },
        ],
        columns,
      ),
    ).toEqual([
      { column: 'age', op: '>', value: 18 },
      { column: 'job', op: '==', value: '7' },
      { column: 'income', op: 'in', values: [1, 2] },
      { column: 'age', op: 'notMissing' },
    ])
  })
})

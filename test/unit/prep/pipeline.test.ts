import { describe, expect, it } from 'vitest'
import { applyPipeline, suggestSteps, toMatrix, toOriginalUnits } from '../../../src/main/engine/prep'
import { profileFrame } from '../../../src/main/engine/profile'
import { prepStepSchema, type PrepStepInput } from '../../../src/shared/domain/prep'
import type { Frame } from '../../../src/main/engine/frame'
import { categoryColumn, dataset, frameOf, numberColumn, numbers } from './fixtures'

const steps = (...s: PrepStepInput[]) => s.map((x) => prepStepSchema.parse(x))
const spend = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']

const wholesalePipeline = steps(
  { id: 'cap', kind: 'outliers', columns: ['Fresh'], method: 'percentile', action: 'cap', lower: 0, upper: 0.99 },
  { id: 'log', kind: 'transform', columns: spend, method: 'log1p' },
  { id: 'region', kind: 'encode', columns: ['Region'], method: 'oneHot' },
  { id: 'off', kind: 'dropColumns', columns: ['Channel'], enabled: false },
  { id: 'scale', kind: 'scale', columns: spend, method: 'standard' },
)

describe('applyPipeline', () => {
  const frame = dataset('wholesale')
  const run = applyPipeline(frame, wholesalePipeline)

  it('runs the steps in order and reports one effect and one fit per step', () => {
    expect(run.effects.map((e) => e.stepId)).toEqual(['cap', 'log', 'region', 'off', 'scale'])
    expect(run.fitted.map((f) => f?.kind ?? null)).toEqual(['outliers', 'transform', 'encode', null, 'scale'])
    expect(run.frame.columns.map((c) => c.name)).toEqual(['Channel', 'Region=1', 'Region=2', 'Region=3', ...spend])
    expect(run.effects[0].summary).toBe('Capped 5 values in Fresh at the 0th and 99th percentiles.')
    expect(run.effects[3].skipped).toBe(true)
    expect(run.effects[2].columnsAdded).toEqual(['Region=1', 'Region=2', 'Region=3'])
  })

  it('shows before/after histograms that count every value', () => {
    const fresh = run.effects[1].columns.find((c) => c.column === 'Fresh')!
    expect(fresh.before!.counts.reduce((a, b) => a + b, 0)).toBe(440)
    expect(fresh.after!.counts.reduce((a, b) => a + b, 0)).toBe(440)
    expect(fresh.after!.edges.at(-1)!).toBeLessThan(fresh.before!.edges.at(-1)!)
  })

  it('does not change its input', () => {
    expect(numbers(frame, 'Fresh')[0]).toBe(12669)
    expect(frame.columns.length).toBe(8)
  })

  it('replays with the fitted parameters: same data gives the same result, new data uses the old parameters', () => {
    const replay = applyPipeline(frame, wholesalePipeline, run.fitted)
    for (const c of spend) expect([...numbers(replay.frame, c)]).toEqual([...numbers(run.frame, c)])
    const newRows: Frame = {
      rowCount: 2,
      columns: frame.columns.map((c) => ({
        name: c.name,
        kind: 'number' as const,
        values: (c.values as Float64Array).slice(0, 2),
      })),
    }
    const small = applyPipeline(newRows, wholesalePipeline, run.fitted)
    expect([...numbers(small.frame, 'Milk')]).toEqual([...numbers(run.frame, 'Milk').slice(0, 2)])
    expect(small.frame.columns.map((c) => c.name)).toEqual(run.frame.columns.map((c) => c.name))
  })

  it('maps points in the prepared space back to spend in original units', () => {
    const back = toOriginalUnits(run.frame, wholesalePipeline, run.fitted)
    numbers(back, 'Milk').forEach((v, i) => expect(v).toBeCloseTo(numbers(frame, 'Milk')[i], 6))
    expect([...numbers(back, 'Region=2')]).toEqual([...numbers(run.frame, 'Region=2')])
  })

  it('undoes PCA too, back through scaling to original units', () => {
    const withPca = [
      ...steps(
        { id: 'scale', kind: 'scale', columns: spend, method: 'robust' },
        { id: 'pca', kind: 'pca', columns: spend },
      ),
    ]
    const result = applyPipeline(frame, withPca)
    const back = toOriginalUnits(result.frame, withPca, result.fitted)
    expect(back.columns.map((c) => c.name)).toEqual(frame.columns.map((c) => c.name))
    for (const c of spend) numbers(back, c).forEach((v, i) => expect(v).toBeCloseTo(numbers(frame, c)[i], 6))
  })

  it('says which step failed', () => {
    const bad = steps(
      { id: 'ok', kind: 'dropColumns', columns: ['Channel'] },
      { id: 'bad', kind: 'scale', columns: ['Channel'], method: 'standard' },
    )
    expect(() => applyPipeline(frame, bad)).toThrow('Step 2: There is no column called "Channel".')
  })
})

describe('toMatrix', () => {
  it('takes number columns in order, row-major', () => {
    const m = toMatrix(frameOf(numberColumn('a', [1, 2]), categoryColumn('c', ['x', 'y']), numberColumn('b', [3, 4])))
    expect(m.columns).toEqual(['a', 'b'])
    expect([...m.matrix.data]).toEqual([1, 3, 2, 4])
  })

  it('names non-numeric columns and columns with missing values', () => {
    const frame = frameOf(
      numberColumn('a', [1, null]),
      categoryColumn('c', ['x', 'y']),
      numberColumn('b', [null, null]),
    )
    expect(() => toMatrix(frame, ['a', 'c'])).toThrow(
      'Only numbers can be used for modelling; "c" (categories) is not. Encode or leave it out.',
    )
    expect(() => toMatrix(frame, ['a', 'b'])).toThrow(
      'Models cannot use missing or infinite values: "a" has 1, "b" has 2. Fill them or remove those rows first.',
    )
  })
})

describe('suggestSteps', () => {
  it('proposes a sensible pipeline for Wholesale that runs as proposed', () => {
    const frame = dataset('wholesale')
    const suggestions = suggestSteps(profileFrame(frame))
    expect(suggestions.map((s) => s.step.kind)).toEqual(['transform', 'scale'])
    expect(suggestions[0].step).toMatchObject({ method: 'log1p', columns: spend })
    expect(suggestions[0].why).toBe(
      'Fresh, Milk and 4 more are strongly right-skewed: take logs so that a few very large values do not dominate?',
    )
    expect(suggestions[1].why).toMatch(/^The numbers are on different scales \(Fresh spans 112,148, Channel 1\)/)
    const result = applyPipeline(
      frame,
      suggestions.map((s) => s.step),
    )
    expect(result.frame.rowCount).toBe(440)
  })

  it('suggests dropping ids, filling gaps, removing duplicates and one-hot encoding', () => {
    const n = 30
    const frame = frameOf(
      categoryColumn(
        'customer_id',
        Array.from({ length: n }, (_, i) => `c${i}`),
      ),
      numberColumn(
        'Income',
        Array.from({ length: n }, (_, i) => (i % 10 === 0 ? null : 1000 + i)),
      ),
      categoryColumn(
        'Plan',
        Array.from({ length: n }, (_, i) => (i === 3 ? null : ['basic', 'pro', 'basic'][i % 3])),
      ),
      numberColumn(
        'Mostly',
        Array.from({ length: n }, (_, i) => (i < 20 ? null : i)),
      ),
    )
    const s = suggestSteps(profileFrame(frame))
    const whys = s.map((x) => x.why)
    expect(whys).toContain('customer_id looks like an identifier, which says nothing about customers: leave it out?')
    expect(whys).toContain('Mostly is missing for 67% of customers, too many to fill in: drop the column?')
    expect(whys).toContain('Income is missing for 3 customers: fill with the mean (1,015)?')
    expect(whys).toContain('Plan is missing for 1 customer: fill with the most frequent value ("basic")?')
    expect(s.find((x) => x.step.kind === 'encode')!.step).toMatchObject({ columns: ['Plan'], method: 'oneHot' })
    const dup = suggestSteps(profileFrame(frameOf(numberColumn('x', [1, 1, 2]))))
    expect(dup[0]).toMatchObject({
      step: { kind: 'removeDuplicates' },
      why: '1 row repeats an earlier row exactly: remove the copies?',
    })
    // Every suggestion, accepted in order, runs.
    expect(() =>
      applyPipeline(
        frame,
        s.map((x) => x.step),
      ),
    ).not.toThrow()
  })
})

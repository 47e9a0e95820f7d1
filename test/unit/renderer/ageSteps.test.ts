import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyPipeline, suggestSteps } from '../../../src/main/engine/prep'
import { profileFrame } from '../../../src/main/engine/profile'
import { prepStepSchema, type PrepStep, type StepSuggestion } from '../../../src/shared/domain/prep'
import { followRenames } from '../../../src/renderer/src/steps/prepare/followRenames'
import { columnsBefore, type AvailableColumn } from '../../../src/renderer/src/steps/prepare/availableColumns'
import { appendStep } from '../../../src/renderer/src/steps/prepare/pipelineOps'
import { describeStep, newStep } from '../../../src/renderer/src/steps/prepare/stepCatalog'
import { checkStep } from '../../../src/renderer/src/steps/prepare/checkStep'
import { stepWords } from '../../../src/main/report/text/steps'
import { frameOf, numberColumn, numbers } from '../prep/fixtures'

const n = 120
const frame = frameOf(
  numberColumn(
    'Year_Birth',
    Array.from({ length: n }, (_, i) => 1945 + (i % 55)),
  ),
  numberColumn(
    'Income',
    Array.from({ length: n }, (_, i) => 15000 + ((i * 7919) % 70000)),
  ),
)
const start: AvailableColumn[] = frame.columns.map((c) => ({ name: c.name, kind: 'number' }))
const step = (input: unknown): PrepStep => prepStepSchema.parse(input)

/** What the Prepare screen does when Add is pressed on a suggestion: rename, then append (no preview in between). */
function accept(steps: readonly PrepStep[], s: StepSuggestion): PrepStep[] {
  const names = (i: number) => columnsBefore(start, steps, [], i).map((c) => c.name)
  return appendStep(steps, followRenames(s.step, steps, names))
}

afterEach(() => vi.useRealTimers())

describe('accepting the age suggestion and then the others, one by one', () => {
  vi.useFakeTimers({ now: new Date(2026, 5, 1), toFake: ['Date'] })
  const suggestions = suggestSteps(profileFrame(frame))
  vi.useRealTimers()

  it('scales the age, not the year of birth, once the age step is in', () => {
    expect(suggestions.map((s) => s.step.kind)).toEqual(['age', 'scale'])
    const steps = suggestions.reduce(accept, [] as PrepStep[])
    expect(steps[1]).toMatchObject({ id: 'suggested-scale', kind: 'scale', columns: ['Age', 'Income'] })
    const out = applyPipeline(frame, steps)
    expect(out.frame.columns.map((c) => c.name)).toEqual(['Age', 'Income'])
    // Standardised: mean 0.
    expect(numbers(out.frame, 'Age').reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9)
  })

  it('still scales the year of birth when the age suggestion is skipped', () => {
    const steps = accept([], suggestions[1])
    expect(steps[0]).toMatchObject({ columns: ['Year_Birth', 'Income'] })
    expect(() => applyPipeline(frame, steps)).not.toThrow()
  })

  it('ignores a turned-off age step, and leaves steps on other columns as they are', () => {
    const off = { ...step({ id: 'age-1', kind: 'age', columns: ['Year_Birth'] }), enabled: false }
    expect(accept([off], suggestions[1])[1]).toBe(suggestions[1].step)
    const income = step({ id: 'x', kind: 'transform', columns: ['Income'], method: 'log1p' })
    const on = step({ id: 'age-1', kind: 'age', columns: ['Year_Birth'] })
    expect(followRenames(income, [on], () => ['Year_Birth', 'Income'])).toBe(income)
  })

  it('lists the age column under its new name for later steps, before any preview', () => {
    const steps = [step({ id: 'age-1', kind: 'age', columns: ['Year_Birth'] })]
    expect(columnsBefore(start, steps, [], 1).map((c) => c.name)).toEqual(['Age', 'Income'])
  })
})

describe('the age step in the Prepare catalogue and the report', () => {
  it('starts a form the contract accepts, checks the reference year, and reads as a sentence', () => {
    expect(prepStepSchema.safeParse(newStep('age', 'age-1', ['Year_Birth'])).success).toBe(true)
    expect(checkStep({ id: 'a', kind: 'age', columns: ['Year_Birth'], referenceYear: 1800 }, start)).toEqual({
      ok: false,
      message: 'Reference year: Use a year from 1900 on.',
    })
    expect(describeStep(step({ id: 'a', kind: 'age', columns: ['Year_Birth'] }))).toBe(
      'Turn Year_Birth into an age (this year − year of birth)',
    )
    expect(describeStep(step({ id: 'a', kind: 'age', columns: ['Year_Birth'], referenceYear: 2020 }))).toBe(
      'Turn Year_Birth into an age (2020 − year of birth)',
    )
    expect(stepWords(step({ id: 'a', kind: 'age', columns: ['Year_Birth'], referenceYear: 2020 }))).toBe(
      'Turned the years of birth in Year Birth into ages (as of 2020).',
    )
  })
})

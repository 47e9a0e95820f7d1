import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  applyStep,
  brentMinimize,
  fitBoxCox,
  fitYeoJohnson,
  toOriginalUnits,
  yeoJohnson,
  yeoJohnsonInverse,
  boxCox,
  boxCoxInverse,
} from '../../../src/main/engine/prep'
import { prepStepSchema, type PrepStepInput } from '../../../src/shared/domain/prep'
import type { Frame } from '../../../src/main/engine/frame'
import { dataset, fixture, frameOf, numberColumn, numbers } from './fixtures'

/** References: scikit-learn 1.2.1 scalers and PowerTransformer(standardize=False), scripts/reference/prep_reference.py. */
const scalers = fixture('prep/scalers_reference.json')
const power = fixture('prep/power_reference.json')
const step = (s: PrepStepInput) => prepStepSchema.parse(s)
const spend: string[] = scalers.columns

function standardisedWholesale(): Frame {
  return applyStep(dataset('wholesale'), step({ id: 's', kind: 'scale', columns: spend, method: 'standard' })).frame
}

describe.each(['standard', 'robust', 'minMax'] as const)('%s scaling against scikit-learn', (method) => {
  const ref = scalers[method]
  const result = applyStep(dataset('wholesale'), step({ id: 's', kind: 'scale', columns: spend, method }))

  it('learns the same centre and scale', () => {
    if (result.fitted?.kind !== 'scale') throw new Error('expected a scale fit')
    const fit = result.fitted
    spend.forEach((c, j) => {
      expect(fit.centre[c]).toBeCloseTo(ref.centre[j], 9)
      expect(Math.abs(fit.scale[c] - ref.scale[j])).toBeLessThanOrEqual(1e-12 * ref.scale[j])
    })
  })

  it('transforms the first rows the same way', () => {
    spend.forEach((c, j) => {
      const values = numbers(result.frame, c)
      for (let i = 0; i < 5; i++) expect(values[i]).toBeCloseTo(ref.first_rows[i][j], 12)
    })
  })

  it('maps scaled points back to original units', () => {
    const back = toOriginalUnits(
      result.frame,
      [step({ id: 's', kind: 'scale', columns: spend, method })],
      [result.fitted],
    )
    const original = dataset('wholesale')
    for (const c of spend) numbers(back, c).forEach((v, i) => expect(v).toBeCloseTo(numbers(original, c)[i], 8))
  })
})

describe('scaling edge cases', () => {
  it('maps a constant column to 0 (scale 1, as scikit-learn) and leaves missing values missing', () => {
    const frame = frameOf(numberColumn('k', [4, 4, 4]), numberColumn('m', [1, null, 3]))
    const out = applyStep(frame, step({ id: 's', kind: 'scale', columns: ['k', 'm'], method: 'standard' }))
    expect([...numbers(out.frame, 'k')]).toEqual([0, 0, 0])
    expect([...numbers(out.frame, 'm')]).toEqual([-1, NaN, 1])
    expect(out.effect.columns.find((c) => c.column === 'm')!.changed).toBe(2)
  })

  it('refuses text, naming the column', () => {
    const frame = frameOf({ name: 'city', kind: 'category', values: ['a'] })
    expect(() => applyStep(frame, step({ id: 's', kind: 'scale', columns: ['city'], method: 'robust' }))).toThrow(
      'Scaling needs numbers, but "city" holds categories.',
    )
  })
})

const powerCases: Record<string, () => Frame> = {
  wholesale_spend: () => dataset('wholesale'),
  iris: () => dataset('iris'),
  wholesale_spend_standardised: standardisedWholesale,
}

describe.each(Object.keys(powerCases))('power transforms on %s against scikit-learn', (name) => {
  const ref = power[name]
  const frame = powerCases[name]()
  const columns: string[] = ref.columns

  it('finds the same maximum-likelihood Yeo-Johnson lambdas to 1e-6', () => {
    columns.forEach((c, j) =>
      expect(Math.abs(fitYeoJohnson(numbers(frame, c)) - ref.yeoJohnson.lambdas[j])).toBeLessThan(1e-6),
    )
  })

  it('transforms the first rows the same way', () => {
    const out = applyStep(frame, step({ id: 't', kind: 'transform', columns, method: 'yeoJohnson' })).frame
    columns.forEach((c, j) => {
      for (let i = 0; i < 5; i++) {
        const e = ref.yeoJohnson.first_rows[i][j]
        expect(Math.abs(numbers(out, c)[i] - e)).toBeLessThan(1e-6 * Math.max(1, Math.abs(e)))
      }
    })
  })
})

describe.each(Object.keys(powerCases).filter((name) => power[name].boxCox))(
  'Box-Cox on %s against scikit-learn',
  (name) => {
    const ref = power[name]
    const frame = powerCases[name]()
    const columns: string[] = ref.columns

    it('finds the same lambdas to 1e-6 and transforms the first rows the same way', () => {
      columns.forEach((c, j) =>
        expect(Math.abs(fitBoxCox(numbers(frame, c)) - ref.boxCox.lambdas[j])).toBeLessThan(1e-6),
      )
      const out = applyStep(frame, step({ id: 't', kind: 'transform', columns, method: 'boxCox' })).frame
      columns.forEach((c, j) => {
        for (let i = 0; i < 5; i++) {
          const e = ref.boxCox.first_rows[i][j]
          expect(Math.abs(numbers(out, c)[i] - e)).toBeLessThan(1e-6 * Math.max(1, Math.abs(e)))
        }
      })
    })
  },
)

describe('power transform maths', () => {
  it('inverts Yeo-Johnson and Box-Cox', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 500, noNaN: true }),
        fc.double({ min: -2.5, max: 2.5, noNaN: true }),
        (x, lambda) => {
          const y = yeoJohnson(x, lambda)
          if (!Number.isFinite(y)) return true
          const back = yeoJohnsonInverse(y, lambda)
          return Math.abs(back - x) <= 1e-7 * Math.max(1, Math.abs(x))
        },
      ),
    )
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: -2.5, max: 2.5, noNaN: true }),
        (x, lambda) => {
          const back = boxCoxInverse(boxCox(x, lambda), lambda)
          return Math.abs(back - x) <= 1e-7 * Math.max(1, x)
        },
      ),
    )
  })

  it('gives the special cases at λ = 0 and λ = 2', () => {
    expect(yeoJohnson(3, 0)).toBe(Math.log1p(3))
    expect(yeoJohnson(-3, 2)).toBe(-Math.log1p(3))
    expect(boxCox(Math.E, 0)).toBe(1)
  })

  it('Brent finds the minimum of a parabola and of a function whose minimum lies outside the start bracket', () => {
    expect(brentMinimize((x) => (x - 1.234) ** 2, [-2, 2])).toBeCloseTo(1.234, 7)
    expect(brentMinimize((x) => Math.cosh(x - 7.5), [-2, 2])).toBeCloseTo(7.5, 6)
  })

  it('replays stored lambdas instead of refitting, and refuses Box-Cox on non-positive values', () => {
    const frame = frameOf(numberColumn('x', [1, 2, 3, 50, 400]))
    const s = step({ id: 't', kind: 'transform', columns: ['x'], method: 'yeoJohnson' })
    const first = applyStep(frame, s)
    const other = frameOf(numberColumn('x', [10, 20]))
    const replay = applyStep(other, s, first.fitted)
    const lambda = (first.fitted as { lambdas: Record<string, number> }).lambdas.x
    expect([...numbers(replay.frame, 'x')]).toEqual([yeoJohnson(10, lambda), yeoJohnson(20, lambda)])
    expect(first.effect.summary).toMatch(/^Applied a Yeo-Johnson transform to x \(λ = -?\d/)
    expect(() =>
      applyStep(
        frameOf(numberColumn('x', [1, 0, -2])),
        step({ id: 'b', kind: 'transform', columns: ['x'], method: 'boxCox' }),
      ),
    ).toThrow(
      'A Box-Cox transform needs values above zero, but "x" has 2 that are not (for example 0). Use Yeo-Johnson instead.',
    )
  })
})

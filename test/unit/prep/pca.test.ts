import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fitPca, pcaInverse, pcaTransform, symmetricEigen, toMatrix } from '../../../src/main/engine/prep'
import { fromRows, matrix } from '../../../src/main/engine/matrix'
import { applyStep } from '../../../src/main/engine/prep'
import { prepStepSchema } from '../../../src/shared/domain/prep'
import { dataset, fixture } from './fixtures'

/** Reference: scikit-learn 1.2.1 PCA(svd_solver='full'), scripts/reference/prep_reference.py. */
const reference = fixture('prep/pca_reference.json')

function standardised(x: ReturnType<typeof toMatrix>['matrix']) {
  const { rows: n, cols: d } = x
  const out = Float64Array.from(x.data)
  for (let j = 0; j < d; j++) {
    let mean = 0
    for (let i = 0; i < n; i++) mean += x.data[i * d + j]
    mean /= n
    let ss = 0
    for (let i = 0; i < n; i++) ss += (x.data[i * d + j] - mean) ** 2
    const sd = Math.sqrt(ss / n)
    for (let i = 0; i < n; i++) out[i * d + j] = (x.data[i * d + j] - mean) / sd
  }
  return matrix(n, d, out)
}

const spend = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']
const cases = {
  iris: () => toMatrix(dataset('iris')).matrix,
  iris_2: () => toMatrix(dataset('iris')).matrix,
  wholesale_spend: () => toMatrix(dataset('wholesale'), spend).matrix,
  wholesale_spend_standardised: () => standardised(toMatrix(dataset('wholesale'), spend).matrix),
  wholesale_spend_standardised_80: () => standardised(toMatrix(dataset('wholesale'), spend).matrix),
} as const

function expectClose(actual: ArrayLike<number>, expected: readonly number[], abs: number) {
  expect(actual.length).toBe(expected.length)
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(abs)
}

describe.each(Object.keys(cases) as (keyof typeof cases)[])('PCA on %s against scikit-learn', (name) => {
  const ref = reference[name]
  const x = cases[name]()
  const model = fitPca(x, { nComponents: ref.nComponents, varianceToKeep: ref.varianceToKeep })

  it('keeps the same number of components', () => {
    expect(model.components.rows).toBe(ref.n_components)
  })

  it('has the same explained variance ratio to 1e-9', () => {
    expectClose(model.explainedVarianceRatio, ref.explained_variance_ratio, 1e-9)
  })

  it('has the same components, signs included (svd_flip), to 1e-9', () => {
    expectClose(model.components.data, ref.components.flat(), 1e-9)
  })

  it('has the same explained variances, singular values and mean to 1e-9 relative', () => {
    const rel = (a: ArrayLike<number>, e: number[]) =>
      e.forEach((v, i) => expect(Math.abs(a[i] - v)).toBeLessThanOrEqual(1e-9 * Math.abs(v)))
    rel(model.explainedVariance, ref.explained_variance)
    rel(model.singularValues, ref.singular_values)
    rel(model.mean, ref.mean)
  })

  it('projects the first rows onto the same scores', () => {
    const scores = pcaTransform(model, matrix(5, x.cols, x.data.slice(0, 5 * x.cols)))
    const scale = Math.max(...ref.first_scores.flat().map(Math.abs))
    expectClose(scores.data, ref.first_scores.flat(), 1e-9 * scale)
  })
})

describe('fitPca', () => {
  it('reconstructs the data exactly when every component is kept', () => {
    const x = toMatrix(dataset('iris')).matrix
    const model = fitPca(x)
    const back = pcaInverse(model, pcaTransform(model, x))
    for (let i = 0; i < x.data.length; i++) expect(back.data[i]).toBeCloseTo(x.data[i], 10)
  })

  it('refuses impossible requests with the value named', () => {
    const x = fromRows([
      [1, 2],
      [3, 5],
      [4, 4],
    ])
    expect(() => fitPca(x, { nComponents: 3 })).toThrow(/from 1 to 2; got 3/)
    expect(() => fitPca(x, { nComponents: 1, varianceToKeep: 0.5 })).toThrow(/not both/)
    expect(() => fitPca(fromRows([[1, 2]]))).toThrow(/at least two rows; the table has 1/)
  })

  it('gives unit, mutually orthogonal components whose ratios sum to 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 3, max: 30 }), fc.integer(), (d, n, seed) => {
        let s = seed >>> 0
        const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 10 - 5
        const x = matrix(n, d, Float64Array.from({ length: n * d }, rand))
        const model = fitPca(x)
        const k = model.components.rows
        const c = model.components.data
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) {
            let dot = 0
            for (let j = 0; j < d; j++) dot += c[a * d + j] * c[b * d + j]
            if (Math.abs(dot - (a === b ? 1 : 0)) > 1e-9) return false
          }
        }
        const total = model.explainedVarianceRatio.reduce((p, q) => p + q, 0)
        return (
          Math.abs(total - 1) < 1e-9 &&
          model.explainedVariance.every((v, i) => i === 0 || v <= model.explainedVariance[i - 1])
        )
      }),
      { numRuns: 60 },
    )
  })
})

describe('symmetricEigen', () => {
  it('matches a hand-computed 2×2 case', () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, −1)/√2.
    const e = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2)
    expect(e.values[0]).toBeCloseTo(3, 14)
    expect(e.values[1]).toBeCloseTo(1, 14)
    expect(Math.abs(e.vectors[0])).toBeCloseTo(Math.SQRT1_2, 14)
    expect(e.vectors[0] * e.vectors[1]).toBeGreaterThan(0)
  })

  it('reconstructs random symmetric matrices: A = Vᵀ Λ V', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 144, maxLength: 144 }),
        (d, raw) => {
          const a = new Float64Array(d * d)
          for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) a[i * d + j] = a[j * d + i] = raw[i * 12 + j]
          const { values, vectors } = symmetricEigen(a, d)
          let norm = 0
          for (const v of a) norm = Math.max(norm, Math.abs(v))
          for (let i = 0; i < d; i++) {
            for (let j = 0; j < d; j++) {
              let s = 0
              for (let k = 0; k < d; k++) s += vectors[k * d + i] * values[k] * vectors[k * d + j]
              if (Math.abs(s - a[i * d + j]) > 1e-10 * Math.max(1, norm) * d) return false
            }
          }
          return values.every((v, k) => k === 0 || v <= values[k - 1])
        },
      ),
      { numRuns: 80 },
    )
  })

  it('handles a singular matrix (rank 1) without chasing denormals', () => {
    const e = symmetricEigen(Float64Array.from([1, 2, 3, 2, 4, 6, 3, 6, 9]), 3)
    expect(e.values[0]).toBeCloseTo(14, 12)
    expect(Math.abs(e.values[1])).toBeLessThan(1e-12)
    expect(Math.abs(e.values[2])).toBeLessThan(1e-12)
  })
})

describe('the pca step', () => {
  it('replaces the columns by components at their position and keeps the 80% it was asked for', () => {
    const frame = dataset('wholesale')
    const scaled = applyStep(
      frame,
      prepStepSchema.parse({ id: 's', kind: 'scale', columns: spend, method: 'standard' }),
    ).frame
    const step = prepStepSchema.parse({ id: 'p', kind: 'pca', columns: spend, varianceToKeep: 0.8 })
    const result = applyStep(scaled, step)
    expect(result.frame.columns.map((c) => c.name)).toEqual(['Channel', 'Region', 'PC1', 'PC2', 'PC3'])
    expect(result.fitted).toMatchObject({ kind: 'pca', outputColumns: ['PC1', 'PC2', 'PC3'] })
    expect(result.effect.summary).toBe(`Replaced 6 columns by 3 components that keep 85% of the variation.`)
    const ratios = reference.wholesale_spend_standardised_80.explained_variance_ratio as number[]
    expect(Math.round(ratios.reduce((a, b) => a + b) * 100)).toBe(85)
  })
})

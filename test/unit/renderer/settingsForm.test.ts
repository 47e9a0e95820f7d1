import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parseRequestInput } from '../../../src/shared/api'
import { clusterMethods, scaleMethods, type ClusterSettings } from '../../../src/shared/domain/cluster'
import type { MemoryEstimate } from '../../../src/shared/domain/cluster'
import {
  defaultForm,
  formProblem,
  largestSample,
  minSampleSize,
  rerunWithK,
  toRunInput,
  type SegmentForm,
} from '../../../src/renderer/src/steps/segment/settingsForm'

const advanced = (patch: Partial<SegmentForm> = {}): SegmentForm => ({ ...defaultForm, mode: 'advanced', ...patch })

describe('formProblem', () => {
  it('asks for a feature first, in any mode', () => {
    expect(formProblem(defaultForm, 0)).toBe('Choose at least one feature.')
    expect(formProblem(advanced(), 0)).toBe('Choose at least one feature.')
    expect(formProblem(defaultForm, 3)).toBeNull()
    expect(formProblem(advanced(), 3)).toBeNull()
  })

  it('ignores the advanced fields in automatic mode, whatever was typed there', () => {
    const typed = { ...defaultForm, k: 1, kMin: 9, kMax: 3, seed: -1, nInit: 0, useSample: true, sampleSize: 5 }
    expect(formProblem(typed, 2)).toBeNull()
  })

  it('names each advanced field that is out of range', () => {
    expect(formProblem(advanced({ kMode: 'fixed', k: 1 }), 2)).toMatch(
      /number of segments must be a whole number from 2/,
    )
    expect(formProblem(advanced({ kMode: 'fixed', k: 51 }), 2)).toMatch(/from 2 to 50/)
    expect(formProblem(advanced({ kMode: 'fixed', k: 3.5 }), 2)).toMatch(/whole number/)
    expect(formProblem(advanced({ kMode: 'fixed', k: Number.NaN }), 2)).toMatch(/whole number/)
    expect(formProblem(advanced({ kMin: 1 }), 2)).toMatch(/Segments to try must be whole numbers/)
    expect(formProblem(advanced({ kMax: 60 }), 2)).toMatch(/Segments to try must be whole numbers/)
    expect(formProblem(advanced({ kMin: 8, kMax: 4 }), 2)).toBe(
      'The fewest segments to try must not be more than the most.',
    )
    expect(formProblem(advanced({ seed: -1 }), 2)).toMatch(/seed/)
    expect(formProblem(advanced({ seed: 2 ** 31 }), 2)).toMatch(/seed/)
    expect(formProblem(advanced({ nInit: 0 }), 2)).toMatch(/Restarts/)
    expect(formProblem(advanced({ nInit: 101 }), 2)).toMatch(/Restarts/)
    expect(formProblem(advanced({ method: 'ward', useSample: true, sampleSize: 99 }), 2)).toBe(
      `The sample must have at least ${minSampleSize} customers.`,
    )
  })

  it('accepts the edges of every range', () => {
    for (const patch of [
      { kMode: 'fixed' as const, k: 2 },
      { kMode: 'fixed' as const, k: 50 },
      { kMin: 2, kMax: 2 },
      { kMin: 50, kMax: 50 },
      { seed: 0 },
      { seed: 2 ** 31 - 1 },
      { nInit: 1 },
      { nInit: 100 },
      { method: 'ward' as const, useSample: true, sampleSize: minSampleSize },
    ]) {
      expect(formProblem(advanced(patch), 1), JSON.stringify(patch)).toBeNull()
    }
  })

  it('checks the sample only when a hierarchical method will use it, and against the most that fits', () => {
    const small = { useSample: true, sampleSize: 50 }
    expect(formProblem(advanced({ method: 'kmeans', ...small }), 2)).toBeNull()
    expect(formProblem(advanced({ method: 'single', ...small, useSample: false }), 2)).toBeNull()
    const big = advanced({ method: 'complete', useSample: true, sampleSize: 30_001 })
    expect(formProblem(big, 2, 30_000)).toBe('At most 30,000 customers fit in memory: choose a smaller sample.')
    expect(formProblem({ ...big, sampleSize: 30_000 }, 2, 30_000)).toBeNull()
    expect(formProblem(big, 2, null)).toBeNull()
    expect(formProblem({ ...big, method: 'kmeans' }, 2, 30_000)).toBeNull()
  })

  it('does not check the range to try when the number of segments is fixed, nor k when it is recommended', () => {
    expect(formProblem(advanced({ kMode: 'fixed', k: 5, kMin: 9, kMax: 3 }), 2)).toBeNull()
    expect(formProblem(advanced({ kMode: 'auto', k: Number.NaN }), 2)).toBeNull()
  })
})

describe('toRunInput', () => {
  it('sends the documented defaults in automatic mode, with the features in the order given', () => {
    const typed = { ...defaultForm, method: 'ward' as const, k: 7, kMode: 'fixed' as const, scale: 'none' as const }
    expect(toRunInput(typed, 3, ['recency', 'frequency'])).toEqual({
      datasetId: 3,
      features: ['recency', 'frequency'],
      method: 'kmeans',
      k: 'auto',
      kRange: [2, 10],
      scale: 'standard',
    })
    // The contract's defaults do the rest: skewed amounts evened out, and 3 to 8 segments preferred.
    const parsed = parseRequestInput('cluster.run', toRunInput(typed, 3, ['recency']))
    expect(parsed).toMatchObject({ transform: 'auto', preferK: [3, 8] })
  })

  it('sends every advanced setting, k fixed or recommended', () => {
    const form = advanced({ method: 'average', kMode: 'fixed', k: 6, scale: 'robust', seed: 7, nInit: 3 })
    expect(toRunInput(form, 1, ['a'])).toMatchObject({
      datasetId: 1,
      features: ['a'],
      method: 'average',
      k: 6,
      scale: 'robust',
      seed: 7,
      nInit: 3,
      stability: false,
      sampleSize: null,
    })
    expect(toRunInput(advanced({ kMin: 3, kMax: 8, stability: true }), 1, ['a'])).toMatchObject({
      k: 'auto',
      kRange: [3, 8],
      stability: true,
    })
  })

  it('leaves the range to try at the contract default when k is fixed', () => {
    const input = toRunInput(advanced({ kMode: 'fixed', k: 4, kMin: Number.NaN, kMax: 3 }), 1, ['a'])
    expect(input).not.toHaveProperty('kRange')
    expect(parseRequestInput('cluster.run', input).kRange).toEqual([2, 10])
  })

  it('sends a sample size only for a hierarchical method with the sample ticked', () => {
    const sample = { useSample: true, sampleSize: 5000 }
    expect(toRunInput(advanced({ method: 'ward', ...sample }), 1, ['a']).sampleSize).toBe(5000)
    expect(toRunInput(advanced({ method: 'ward', ...sample, useSample: false }), 1, ['a']).sampleSize).toBeNull()
    expect(toRunInput(advanced({ method: 'kmeans', ...sample }), 1, ['a']).sampleSize).toBeNull()
  })

  it('copies the features, so the request does not change when the picker does', () => {
    const features = ['a', 'b']
    const input = toRunInput(advanced(), 1, features)
    features.push('c')
    expect(input.features).toEqual(['a', 'b'])
  })

  const forms: fc.Arbitrary<SegmentForm> = fc.record({
    mode: fc.constantFrom('automatic' as const, 'advanced' as const),
    method: fc.constantFrom(...clusterMethods),
    kMode: fc.constantFrom('auto' as const, 'fixed' as const),
    k: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constant(Number.NaN), fc.double({ min: 0, max: 60 })),
    kMin: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constant(Number.NaN)),
    kMax: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constant(Number.NaN)),
    scale: fc.constantFrom(...scaleMethods),
    seed: fc.oneof(fc.integer({ min: -10, max: 2 ** 31 + 10 }), fc.constant(Number.NaN)),
    nInit: fc.oneof(fc.integer({ min: -2, max: 120 }), fc.constant(Number.NaN)),
    stability: fc.boolean(),
    useSample: fc.boolean(),
    sampleSize: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(Number.NaN)),
  })

  it('a form without a problem always makes a request the contract accepts (property)', () => {
    fc.assert(
      fc.property(forms, fc.integer({ min: 1, max: 1000 }), (form, id) => {
        fc.pre(formProblem(form, 1) === null)
        expect(() => parseRequestInput('cluster.run', toRunInput(form, id, ['x']))).not.toThrow()
      }),
      { numRuns: 2000 },
    )
  })
})

describe('rerunWithK', () => {
  it('keeps every setting of the earlier run but the number of segments, and copies its arrays', () => {
    const settings: ClusterSettings = {
      datasetId: 4,
      features: ['r', 'f', 'm'],
      method: 'ward',
      k: 'auto',
      kRange: [2, 9],
      scale: 'minmax',
      transform: 'none',
      preferK: [4, 6],
      seed: 11,
      nInit: 5,
      maxIter: 300,
      stability: true,
      sampleSize: 2000,
    }
    const input = rerunWithK(settings, 5)
    expect(input).toEqual({ ...settings, k: 5 })
    expect(input.features).not.toBe(settings.features)
    expect(input.kRange).not.toBe(settings.kRange)
    expect(input.preferK).not.toBe(settings.preferK)
    expect(() => parseRequestInput('cluster.run', input)).not.toThrow()
  })
})

describe('largestSample', () => {
  const estimate = (fits: boolean, maxRows: number): MemoryEstimate => ({ bytes: 1, fits, maxRows, advice: '' })

  it('offers nothing when the whole table fits', () => {
    expect(largestSample(estimate(true, 50_000), 10_000)).toBeNull()
  })

  it('offers the most rows that fit, never more than the table has', () => {
    expect(largestSample(estimate(false, 23_170), 100_000)).toBe(23_170)
    // An estimate may report more room than the table needs even when it does not fit (budgets are rounded).
    expect(largestSample(estimate(false, 150_000), 100_000)).toBe(100_000)
  })

  it('offers nothing when not even the smallest sample fits', () => {
    expect(largestSample(estimate(false, minSampleSize - 1), 100_000)).toBeNull()
    expect(largestSample(estimate(false, minSampleSize), 100_000)).toBe(minSampleSize)
  })
})

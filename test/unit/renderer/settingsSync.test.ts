import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseRequestInput } from '../../../src/shared/api'
import { clusterMethods, scaleMethods, type ClusterSettings } from '../../../src/shared/domain/cluster'
import {
  defaultForm,
  formFromSettings,
  settingsDiffer,
  toRunInput,
  type SegmentForm,
} from '../../../src/renderer/src/steps/segment/settingsForm'

/** A run's settings as the service stores them: the request with the contract's defaults filled in. */
const stored = (form: SegmentForm, features: readonly string[]): ClusterSettings =>
  parseRequestInput('cluster.run', toRunInput(form, 1, features)) as ClusterSettings

const formArb: fc.Arbitrary<SegmentForm> = fc.record({
  mode: fc.constantFrom('automatic' as const, 'advanced' as const),
  method: fc.constantFrom(...clusterMethods),
  kMode: fc.constantFrom('auto' as const, 'fixed' as const),
  k: fc.integer({ min: 2, max: 50 }),
  kMin: fc.integer({ min: 2, max: 10 }),
  kMax: fc.integer({ min: 10, max: 50 }),
  scale: fc.constantFrom(...scaleMethods),
  seed: fc.integer({ min: 0, max: 1000 }),
  nInit: fc.integer({ min: 1, max: 100 }),
  stability: fc.boolean(),
  useSample: fc.boolean(),
  sampleSize: fc.integer({ min: 100, max: 100_000 }),
})

describe('the Segment form against the run shown below it (issue 17)', () => {
  it('finds no difference between a form and the run it made', () => {
    fc.assert(
      fc.property(formArb, fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }), (form, features) => {
        const settings = stored(form, features)
        expect(settingsDiffer(form, [...features].reverse(), settings)).toEqual([])
        // …and the form rebuilt from the run would make the same run again.
        const back = formFromSettings(settings)
        expect(settingsDiffer(back, features, settings)).toEqual([])
        expect(stored(back, features)).toEqual(settings)
      }),
    )
  })

  it('names what changed: a feature ticked since, the method, the number of segments', () => {
    const run = stored(defaultForm, ['Fresh', 'Milk'])
    expect(settingsDiffer(defaultForm, ['Fresh', 'Milk', 'Grocery'], run)).toEqual(['features'])
    expect(settingsDiffer(defaultForm, ['Fresh'], run)).toEqual(['features'])
    const ward = { ...defaultForm, mode: 'advanced' as const, method: 'ward' as const, kMode: 'fixed' as const, k: 4 }
    expect(settingsDiffer(ward, ['Fresh', 'Milk'], run)).toEqual(['method', 'number of segments'])
  })

  it('rebuilds an automatic run as automatic, and a Ward run with its own k as advanced', () => {
    expect(formFromSettings(stored(defaultForm, ['x'])).mode).toBe('automatic')
    const ward = stored({ ...defaultForm, mode: 'advanced', method: 'ward', kMode: 'fixed', k: 3 }, ['x', 'y'])
    expect(formFromSettings(ward)).toMatchObject({ mode: 'advanced', method: 'ward', kMode: 'fixed', k: 3 })
  })
})

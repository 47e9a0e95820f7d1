import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvFile, importedId, serviceHarness, type ServiceHarness } from '../helpers/services'
import type { FeatureChoice } from '../../../src/shared/domain/cluster'
import { parseRequestInput } from '../../../src/shared/api'

/**
 * The Segment step's feature list (issue 17): no column vanishes without a word, and the ones a run cannot use as they
 * stand come with the Prepare step that makes them usable.
 */
describe('cluster.features lists every column, with the reason and the fix', () => {
  let h: ServiceHarness
  let datasetId: number
  const rows = 40

  beforeEach(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Features' })
    const lines = ['customer_id,Plan,IsActive,Spend,Visits,Email,Joined']
    for (let i = 0; i < rows; i++) {
      lines.push(
        [
          `C${String(i).padStart(4, '0')}`,
          ['Gold', 'Silver', 'Bronze'][i % 3],
          i % 4 === 0 ? 'yes' : 'no',
          i % 10 === 3 ? '' : String(100 + ((i * 37) % 90)),
          String((i * 7) % 13),
          `person${i}@example.com`,
          `2021-0${1 + (i % 9)}-1${i % 10}`,
        ].join(','),
      )
    }
    datasetId = await importedId(h, csvFile(h, 'customers.csv', lines), 'Customers')
  })
  afterEach(() => h.dispose())

  const byName = (features: readonly FeatureChoice[]) => new Map(features.map((f) => [f.name, f]))

  it('offers the numbers without gaps, and lists the rest as unavailable with the reason', async () => {
    const features = byName(await h.services.handlers['cluster.features']({ datasetId }))
    expect([...features.keys()].sort()).toEqual(
      ['Email', 'IsActive', 'Joined', 'Plan', 'Spend', 'Visits', 'customer_id'].sort(),
    )
    expect(features.get('Visits')).toMatchObject({ available: true, recommended: true, fixes: [] })
    for (const name of ['customer_id', 'Plan', 'IsActive', 'Spend', 'Email', 'Joined']) {
      expect(features.get(name)?.available, name).toBe(false)
      expect(features.get(name)?.recommended, name).toBe(false)
    }
    expect(features.get('customer_id')).toMatchObject({ why: expect.stringMatching(/customer key/), fixes: [] })
    expect(features.get('Email')?.why).toMatch(/Personal data.*Keep out of segments/)
    expect(features.get('Joined')?.why).toMatch(/A date/)
  })

  it('offers one click to encode a category or a yes/no column', async () => {
    const features = byName(await h.services.handlers['cluster.features']({ datasetId }))
    const plan = features.get('Plan')!
    expect(plan.why).toMatch(/A category \(“.*”.*\)/)
    expect(plan.fixes.map((f) => f.label)).toEqual(['Use it as 3 0/1 columns, one per value'])
    expect(plan.fixes[0].step).toMatchObject({ kind: 'encode', columns: ['Plan'], method: 'oneHot', dropFirst: false })
    const active = features.get('IsActive')!
    expect(active.why).toMatch(/yes\/no/)
    expect(active.fixes[0].step).toMatchObject({ kind: 'encode', columns: ['IsActive'], dropFirst: true })
  })

  it('offers to fill the gaps of a number with its median or to leave those rows out', async () => {
    const spend = byName(await h.services.handlers['cluster.features']({ datasetId })).get('Spend')!
    expect(spend.why).toMatch(/^4 values are missing/)
    expect(spend.fixes.map((f) => f.label)).toEqual([
      expect.stringMatching(/^Fill the 4 gaps with the median \(\d+(\.\d+)?\)$/),
      'Leave out the 4 rows without a value',
    ])
    expect(spend.fixes.map((f) => f.step)).toMatchObject([
      { kind: 'impute', columns: ['Spend'], strategy: 'median' },
      { kind: 'impute', columns: ['Spend'], strategy: 'dropRows' },
    ])
  })

  it('makes the columns usable once the fixes are recorded in Prepare', async () => {
    const api = h.services.handlers
    const before = byName(await api['cluster.features']({ datasetId }))
    const steps = [before.get('Plan')!, before.get('IsActive')!, before.get('Spend')!].map((f) => f.fixes[0].step)
    await api['prep.save']({ datasetId, steps })
    const after = byName(await api['cluster.features']({ datasetId }))
    for (const name of ['Plan=Bronze', 'Plan=Gold', 'Plan=Silver', 'IsActive=Yes', 'Spend'])
      expect(after.get(name), name).toMatchObject({ available: true, recommended: true })
    expect(after.has('IsActive=No')).toBe(false)
    const input = { datasetId, features: ['Spend', 'Visits', 'Plan=Gold', 'IsActive=Yes'], k: 2 }
    const job = await api['cluster.run'](parseRequestInput('cluster.run', input))
    expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded', error: null })
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { csvFile, importedId, serviceHarness, type ServiceHarness } from '../helpers/services'
import { parseRequestInput } from '../../../src/shared/api'

/**
 * A run clusters ages made from Year_Birth, scaled: its centres and its segment profiles must still read in years of
 * age (as the imported columns read in their own units), not in the scaled values the run was fitted on.
 */
describe('ages made in Prepare read in years on Segment and Understand', () => {
  let h: ServiceHarness
  afterEach(() => h.dispose())

  it('centres and profiles of Age are in years, from the imported years of birth', async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Ages' })
    const years = Array.from({ length: 300 }, (_, i) => 1940 + ((i * 37) % 61))
    const lines = ['ID,Year_Birth,Income,MntWines']
    years.forEach((y, i) =>
      lines.push([5000 + i, y, 20000 + ((i * 7919) % 60000) + (i % 2) * 40000, (i * 131) % 900].join(',')),
    )
    await importedId(h, csvFile(h, 'marketing.csv', lines), 'Marketing')
    const [dataset] = await api['datasets.list']({})
    const steps = [
      { id: 'age', kind: 'age', columns: ['Year_Birth'], referenceYear: 2026 },
      { id: 'scale', kind: 'scale', columns: ['Age', 'Income', 'MntWines'], method: 'standard' },
    ]
    await api['prep.save'](parseRequestInput('prep.save', { datasetId: dataset.id, steps }))
    const features = ['Age', 'Income', 'MntWines']
    const job = await api['cluster.run'](parseRequestInput('cluster.run', { datasetId: dataset.id, features, k: 3 }))
    expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded' })
    const run = (await api['runs.list']({ datasetId: dataset.id }))[0]

    const ages = years.map((y) => 2026 - y)
    const meanAge = ages.reduce((a, b) => a + b, 0) / ages.length
    const age = features.indexOf('Age')
    expect(run.centerUnits?.[age]).toBe('original')
    const centres = run.centersOriginal.map((c) => c[age])
    // The sizes weigh the segment means back to the overall mean age; every one is an age, not a z-score.
    const weighted = centres.reduce((sum, c, s) => sum + c * run.sizes[s], 0) / run.n
    expect(weighted).toBeCloseTo(meanAge, 9)
    for (const c of centres) expect(c).toBeGreaterThan(25)

    await h.finished((await api['jobs.understand']({ runId: run.id })).id)
    const profile = (await api['understand.profile']({ runId: run.id }))!
    for (const [s, segment] of profile.segments.entries()) {
      const feature = segment.features.find((f) => f.feature === 'Age')!
      expect(feature.units).toBe('original')
      expect(feature.overallMean).toBeCloseTo(meanAge, 9)
      expect(feature.mean).toBeCloseTo(centres[s], 9)
      expect(feature.box[0]).toBeGreaterThanOrEqual(2026 - 2000)
      expect(feature.box[4]).toBeLessThanOrEqual(2026 - 1940)
    }
  })
})

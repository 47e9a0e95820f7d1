import { describe, expect, it } from 'vitest'
import { datasetsLoaded } from '../../../src/main/jobs/datasetsLoaded'
import type { JobSpec } from '../../../src/shared/domain/jobs'

describe('the datasets a job loads as a frame', () => {
  const runs = new Map([[7, 3]])
  const loaded = (spec: unknown) => datasetsLoaded(spec as JobSpec, (runId) => runs.get(runId) ?? null)

  it('names the dataset of each job that loads one, through its run where it names a run', () => {
    expect(loaded({ kind: 'profile', datasetId: 1 })).toEqual([1])
    expect(loaded({ kind: 'prepPreview', datasetId: 2, steps: [] })).toEqual([2])
    expect(loaded({ kind: 'rfm', datasetId: 4, options: {} })).toEqual([4])
    expect(loaded({ kind: 'clusterFeatures', datasetId: 5, steps: [] })).toEqual([5])
    expect(loaded({ kind: 'cluster', settings: { datasetId: 6 }, steps: [] })).toEqual([6])
    expect(loaded({ kind: 'understand', runId: 7, steps: [], pipelineKnown: true })).toEqual([3])
    expect(loaded({ kind: 'understand', runId: 99, steps: [], pipelineKnown: true })).toEqual([])
  })

  it('names the purchases, the catalogue and the run’s customers of a recommendation job, once each', () => {
    const settings = { datasetId: 8, catalogue: { datasetId: 9 } }
    expect(loaded({ kind: 'recommend', settings, sensitive: {}, runId: 7 })).toEqual([8, 9, 3])
    expect(loaded({ kind: 'recommend', settings: { datasetId: 8, catalogue: { datasetId: 8 } }, runId: null })).toEqual(
      [8],
    )
  })

  it('names none for jobs that read only text or write typed columns themselves', () => {
    expect(loaded({ kind: 'columnStats', datasetId: 1 })).toEqual([])
    expect(loaded({ kind: 'typedColumns', datasets: [{ datasetId: 1, positions: [0] }] })).toEqual([])
    expect(loaded({ kind: 'join', customers: { datasetId: 1 }, features: { datasetId: 2 } })).toEqual([])
  })
})

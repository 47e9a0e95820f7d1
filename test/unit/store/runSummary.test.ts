import { describe, expect, it } from 'vitest'
import { parseRunSummary } from '../../../src/main/store/repos/runSummary'
import { getRun, insertRun, listRuns, type NewRun } from '../../../src/main/store/repos/runs'
import { addDataset, projectPerTest } from '../helpers/projects'

/** A run summary as version 0.1 wrote it: no pipeline, transforms, preferred range or centre units. */
function oldSummary(datasetId: number) {
  return {
    datasetId,
    settings: {
      datasetId,
      features: ['a'],
      method: 'kmeans',
      k: 2,
      kRange: [2, 10],
      scale: 'standard',
      seed: 42,
      nInit: 10,
      maxIter: 300,
      stability: false,
      sampleSize: null,
    },
    k: 2,
    n: 4,
    features: ['a'],
    sizes: [2, 2],
    metrics: {
      silhouette: null,
      silhouetteSampleSize: 0,
      calinskiHarabasz: 3,
      daviesBouldin: 0.5,
      withinSS: 1,
      betweenSS: 2,
    },
    inertia: 1,
    iterations: 3,
    fitMs: 2,
    centers: [[-1], [1]],
    centersOriginal: [[1], [3]],
    hasLinkage: false,
    sweep: null,
    recommendation: null,
    notes: [],
    somethingNewer: { kept: true },
  }
}

describe('stored run summaries are parsed with a schema', () => {
  it('reads an older summary with the defaults of its time, NaN for null scores, unknown fields kept', () => {
    const run = parseRunSummary(JSON.stringify(oldSummary(1)))!
    expect(run.settings).toMatchObject({ transform: 'none', preferK: null })
    expect(run.pipeline).toBeUndefined()
    expect(run.metrics.silhouette).toBeNaN()
    expect((run as unknown as { somethingNewer: unknown }).somethingNewer).toEqual({ kept: true })
  })

  it('refuses damaged JSON and summaries of the wrong shape', () => {
    expect(parseRunSummary('{"k": 2')).toBeNull()
    expect(parseRunSummary(JSON.stringify({ ...oldSummary(1), sizes: 'two' }))).toBeNull()
    expect(parseRunSummary(JSON.stringify({ ...oldSummary(1), settings: { method: 'magic' } }))).toBeNull()
  })

  describe('in a project', () => {
    const t = projectPerTest()

    it('lists the runs it can read, and says which one it cannot when asked for it', () => {
      const datasetId = addDataset(t.project, ['a'], [['1'], ['2'], ['3'], ['4']])
      const arrays = { labels: Int32Array.from([0, 0, 1, 1]), rowIndex: null, linkage: null }
      const good = insertRun(t.project.db, oldSummary(datasetId) as unknown as NewRun, 'Good', arrays)
      const bad = insertRun(t.project.db, oldSummary(datasetId) as unknown as NewRun, 'Broken', arrays)
      t.project.db.prepare('UPDATE runs SET summary = ? WHERE id = ?').run('{"not": "a run"}', bad)

      expect(listRuns(t.project.db, datasetId).map((r) => r.id)).toEqual([good])
      expect(getRun(t.project.db, good).segments.map((s) => s.name)).toEqual(['Segment 1', 'Segment 2'])
      expect(() => getRun(t.project.db, bad)).toThrow(/"Broken" cannot be read/)
    })
  })
})

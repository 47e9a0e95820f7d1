import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleRfmProject, serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'
import { parseRequestInput, type RequestInput } from '../../../src/shared/api'
import { runArrays } from '../../../src/main/store/repos/runs'

const spend = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']
const wholesale = sharedData('customers/Wholesale customers data.csv')

/** The wholesale file read independently of the app's readers: a plain comma-separated table of numbers. */
function wholesaleColumns(): Record<string, number[]> {
  const [header, ...lines] = readFileSync(wholesale, 'utf8').trim().split(/\r?\n/)
  const names = header.split(',')
  const rows = lines.map((l) => l.split(',').map(Number))
  return Object.fromEntries(names.map((name, j) => [name, rows.map((r) => r[j])]))
}

describe('Understand through the services, with real job processes', () => {
  let h: ServiceHarness
  let datasetId: number
  beforeEach(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Wholesale' })
    const job = await api['import.start']({ path: wholesale, name: 'Wholesale', kind: 'customers' })
    expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded', error: null })
    datasetId = (await api['datasets.list']({}))[0].id
  })
  afterEach(() => h.dispose())
  const clusterRun = (input: RequestInput<'cluster.run'>) =>
    h.services.handlers['cluster.run'](parseRequestInput('cluster.run', input))

  async function segmented(k: number) {
    const api = h.services.handlers
    const job = await clusterRun({ datasetId, features: spend, k })
    expect((await h.finished(job.id)).status).toBe('succeeded')
    return (await api['runs.list']({ datasetId }))[0]
  }

  it('profiles a run of log-transformed, filtered data in the units of the imported file', async () => {
    const api = h.services.handlers
    // Log-transform the spend and drop the customers who buy little fresh food: the run clusters other numbers, on fewer rows.
    await api['prep.save']({
      datasetId,
      steps: [
        {
          id: 'f',
          kind: 'filterRows',
          conditions: [{ column: 'Fresh', op: '>', value: 1000 }],
          combine: 'all',
        },
        { id: 't', kind: 'transform', columns: spend, method: 'log1p' },
      ],
    })
    const run = await segmented(4)
    expect(run.pipeline).toHaveLength(2)
    expect(run.centerUnits).toEqual(spend.map(() => 'original'))
    expect(await api['understand.profile']({ runId: run.id })).toBeNull()

    const job = await api['jobs.understand']({ runId: run.id })
    expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded', produced: { runId: run.id } })
    const profile = (await api['understand.profile']({ runId: run.id }))!
    expect(profile).toMatchObject({ runId: run.id, k: 4, n: run.n })

    // Independent check: segment means of the raw file's columns over the rows the run labelled.
    const raw = wholesaleColumns()
    const { labels, rowIndex } = runArrays(h.services.session.requireProject().db, run.id)
    expect(rowIndex).not.toBeNull()
    expect(rowIndex!.every((r) => raw.Fresh[r] > 1000)).toBe(true)
    for (const feature of ['Fresh', 'Grocery']) {
      const overall = Array.from(rowIndex!, (r) => raw[feature][r])
      const overallMean = overall.reduce((a, b) => a + b, 0) / overall.length
      for (const segment of profile.segments) {
        const values = overall.filter((_, i) => labels[i] === segment.segment)
        const mean = values.reduce((a, b) => a + b, 0) / values.length
        const stats = segment.features.find((f) => f.feature === feature)!
        expect(stats.units).toBe('original')
        expect(stats.mean).toBeCloseTo(mean, 6)
        expect(stats.overallMean).toBeCloseTo(overallMean, 6)
        expect(segment.size).toBe(values.length)
        // The Segment step's "average customer" is in the same units, not the log-transformed ones it clustered.
        expect(run.centersOriginal[segment.segment][run.features.indexOf(feature)]).toBeCloseTo(mean, 6)
      }
    }
    expect(profile.segments.reduce((a, s) => a + s.size, 0)).toBe(run.n)
    expect(profile.map!.x.length).toBe(run.n)
    expect(profile.silhouette!.sampleSize).toBe(run.n)
    expect(profile.rules!.accuracy).toBeGreaterThan(0.5)
    expect(profile.borderline.length).toBeGreaterThan(0)

    // A later edit of the pipeline does not change what the run describes.
    await api['prep.save']({ datasetId, steps: [] })
    const again = await api['jobs.understand']({ runId: run.id })
    expect((await h.finished(again.id)).status).toBe('succeeded')
    expect((await api['understand.profile']({ runId: run.id }))!.segments.map((s) => s.size)).toEqual(
      profile.segments.map((s) => s.size),
    )
  })

  it('suggests distinct names, keeps a user rename through a recompute, and can put the suggestion back', async () => {
    const api = h.services.handlers
    const run = await segmented(3)
    expect(run.segments.map((s) => s.name)).toEqual(['Segment 1', 'Segment 2', 'Segment 3'])
    const job = await api['jobs.understand']({ runId: run.id })
    expect((await h.finished(job.id)).status).toBe('succeeded')
    const profile = (await api['understand.profile']({ runId: run.id }))!
    const named = await api['runs.get']({ runId: run.id })
    const suggestions = profile.segments.map((s) => s.suggestedName)
    expect(named.segments.map((s) => s.name)).toEqual(suggestions)
    expect(new Set(suggestions).size).toBe(3)
    expect(named.segments.every((s) => s.suggested)).toBe(true)

    const renamed = await api['segments.update']({
      runId: run.id,
      segment: 1,
      name: 'Corner shops',
      colour: 5,
      action: 'Offer a loyalty card.',
    })
    expect(renamed.segments[1]).toMatchObject({ name: 'Corner shops', colour: 5, suggested: false })
    expect((await api['runs.list']({ datasetId }))[0].segments[1].name).toBe('Corner shops')
    await expect(api['segments.update']({ runId: run.id, segment: 0, name: 'Corner shops' })).rejects.toMatchObject({
      code: 'segment.nameTaken',
    })
    await expect(api['segments.update']({ runId: run.id, segment: 3, name: 'Nope' })).rejects.toMatchObject({
      code: 'segment.missing',
    })

    const recompute = await api['jobs.understand']({ runId: run.id })
    expect((await h.finished(recompute.id)).status).toBe('succeeded')
    const kept = await api['runs.get']({ runId: run.id })
    expect(kept.segments[1]).toMatchObject({ name: 'Corner shops', action: 'Offer a loyalty card.', colour: 5 })
    expect(kept.segments[0].name).toBe(suggestions[0])

    const reset = await api['segments.resetName']({ runId: run.id, segment: 1 })
    expect(reset.segments[1]).toMatchObject({ name: suggestions[1], suggested: true, colour: 5 })

    await api['runs.delete']({ runId: run.id })
    const db = h.services.session.requireProject().db
    expect(db.prepare('SELECT count(*) AS n FROM segment_labels').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM run_profiles').get()).toEqual({ n: 0 })
  })

  it('names the segments of an RFM table in the RFM vocabulary and crosses them with the RFM segments', async () => {
    const api = h.services.handlers
    const { rfmId, runId } = await sampleRfmProject(h, { k: 4 })
    const run = await api['runs.get']({ runId: runId! })
    expect(run.datasetId).toBe(rfmId)
    const described = await api['jobs.understand']({ runId: run.id })
    expect((await h.finished(described.id)).status).toBe('succeeded')
    const profile = (await api['understand.profile']({ runId: run.id }))!

    expect(profile.monetaryFeature).toBe('monetary')
    expect(profile.segments.reduce((a, s) => a + s.valueShare!, 0)).toBeCloseTo(1, 9)
    const vocabulary =
      /Champions|Loyal|Potential loyalists|New customers|Promising|Need attention|About to sleep|At risk|Cannot lose them|Hibernating|Lost/
    for (const s of profile.segments) expect(s.suggestedName).toMatch(vocabulary)
    // Look-alikes are told apart by their numbers, never by repeating the table's own RFM segment column.
    expect(new Set(profile.segments.map((s) => s.suggestedName)).size).toBe(profile.segments.length)
    for (const s of profile.segments) expect(s.suggestedName).not.toMatch(/Segment|\b[RFM] \d/)
    // The RFM segment column is crossed with the clusters, never read as one of their traits.
    for (const s of profile.segments) expect(s.distinguishing.map((t) => t.feature)).not.toContain('segment')
    // The segment that bought most recently is not called lost, and the one gone longest is not a champion.
    const recency = (s: (typeof profile.segments)[number]) => s.features.find((f) => f.feature === 'recency_days')!.mean
    const byRecency = [...profile.segments].sort((a, b) => recency(a) - recency(b))
    expect(byRecency[0].suggestedName).not.toMatch(/Hibernating|Lost|At risk/)
    expect(byRecency[byRecency.length - 1].suggestedName).not.toMatch(/Champions|Loyal/)

    const tab = profile.rfm!
    expect(tab.rfmSegments.length).toBeGreaterThan(3)
    expect(tab.counts.flat().reduce((a, b) => a + b, 0)).toBe(run.n)
    tab.counts[0].forEach((_, c) => expect(tab.counts.reduce((a, row) => a + row[c], 0)).toBe(profile.segments[c].size))
  })
})

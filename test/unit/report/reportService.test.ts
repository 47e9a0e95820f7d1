import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'
import { testPlatform } from '../helpers/projects'
import { parseRequestInput } from '../../../src/shared/api'
import { createReportService } from '../../../src/main/report/reportService'
import { defaultReportOptions } from '../../../src/main/report/model'
import type { Progress } from '../../../src/shared/domain/jobs'
import type { ClusterRun } from '../../../src/shared/domain/cluster'

/** The report use case on a described run: real services and job processes; the HTML only, so no Chromium is needed. */
describe('report service', () => {
  let h: ServiceHarness
  let run: ClusterRun
  beforeAll(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Wholesale' })
    const path = sharedData('customers/Wholesale customers data.csv')
    const imported = await api['import.start']({ path, name: 'Wholesale', kind: 'customers' })
    const datasetId = (await h.finished(imported.id)).produced!.datasetId!
    const features = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']
    const job = await api['cluster.run'](parseRequestInput('cluster.run', { datasetId, features, k: 3 }))
    const runId = (await h.finished(job.id)).produced!.runId!
    await api['runs.choose']({ runId })
    expect((await h.finished((await api['jobs.understand']({ runId })).id)).status).toBe('succeeded')
    run = await api['runs.get']({ runId })
  }, 120_000)
  afterAll(() => h.dispose())

  it('writes the chosen run’s report with progress as data', async () => {
    const progress: Progress[] = []
    const reports = createReportService({
      session: h.services.session,
      platform: testPlatform(h.dir.path),
      onProgress: (_id, p) => progress.push(p),
    })
    const html = join(h.dir.path, 'report.html')
    const built = reports.build({ html, sections: { ...defaultReportOptions.sections, appendix: false } })
    expect(await built.done).toEqual({ pdf: null, html })
    const doc = readFileSync(html, 'utf8')
    for (const s of run.segments) expect(doc).toContain(s.name)
    expect(doc).not.toContain('id="appendix"')
    expect(progress[0]).toMatchObject({ fraction: 0, title: 'Reading the project' })
    expect(progress.at(-1)).toMatchObject({ fraction: 1 })
    expect(progress.every((p, i) => i === 0 || p.fraction! >= progress[i - 1].fraction!)).toBe(true)
  })

  it('leaves nothing behind when printing fails or the build is cancelled', async () => {
    const failing = createReportService({
      session: h.services.session,
      platform: {
        ...testPlatform(h.dir.path),
        printToPdf: async () => {
          throw new Error('printer on fire')
        },
      },
    })
    const pdf = join(h.dir.path, 'failed.pdf')
    const html = join(h.dir.path, 'failed.html')
    await expect(failing.build({ pdf, html }).done).rejects.toThrow('printer on fire')
    const cancelled = failing.build({ html: join(h.dir.path, 'cancelled.html') })
    cancelled.cancel()
    await expect(cancelled.done).rejects.toMatchObject({ code: 'job.cancelled' })
    expect(readdirSync(h.dir.path).filter((f) => /failed|cancelled|\.part$/.test(f))).toEqual([])
    expect(existsSync(pdf)).toBe(false)
  })
})

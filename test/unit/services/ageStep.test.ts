import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvFile, importedId, serviceHarness, type ServiceHarness } from '../helpers/services'
import { parseRequestInput } from '../../../src/shared/api'

/**
 * The issue: Year_Birth is not personal data, and it should be offered as an age. Through the real services and job
 * processes: the import keeps it as a number feature, the quality check suggests the age step, and the prepared
 * table has Age = reference year − Year_Birth.
 */
describe('a year of birth offered as an age', () => {
  let h: ServiceHarness
  let datasetId: number
  const rows = 300
  const yearOf = (i: number) => 1940 + ((i * 37) % 61)

  beforeEach(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Ages' })
    const lines = ['ID,Year_Birth,Income,MntWines']
    for (let i = 0; i < rows; i++)
      lines.push([5000 + i, yearOf(i), 20000 + ((i * 7919) % 60000), (i * 131) % 900].join(','))
    datasetId = await importedId(h, csvFile(h, 'marketing.csv', lines), 'Marketing')
    const [dataset] = await api['datasets.list']({})
    expect(dataset.columns.find((c) => c.name === 'Year_Birth')).toMatchObject({ type: 'number', pii: false })
  })
  afterEach(() => h.dispose())

  it('is suggested by the quality check and, once added, gives Age = reference year − Year_Birth', async () => {
    const api = h.services.handlers
    const check = await api['jobs.profile']({ datasetId })
    expect(await h.finished(check.id)).toMatchObject({ status: 'succeeded' })
    const profile = (await api['datasets.profile']({ datasetId }))!
    const suggested = profile.suggestions.find((s) => s.step.kind === 'age')
    expect(suggested?.step).toEqual({
      id: 'suggested-age-Year_Birth',
      kind: 'age',
      columns: ['Year_Birth'],
      referenceYear: new Date().getFullYear(),
    })
    expect(suggested?.why).toMatch(/^Year_Birth holds years of birth: use the age instead \(\d{4} − year\)/)

    const referenceYear = new Date().getFullYear()
    await api['prep.save'](parseRequestInput('prep.save', { datasetId, steps: [suggested!.step] }))
    const preview = await api['prep.preview']({ datasetId })
    expect(preview.rowCount).toBe(rows)
    expect(preview.columns).toContainEqual({ name: 'Age', kind: 'number' })
    expect(preview.columns.map((c) => c.name)).not.toContain('Year_Birth')
    expect(preview.effects[0]).toMatchObject({
      kind: 'age',
      summary: `Turned Year_Birth into Age (${referenceYear} − year of birth).`,
      columnsAdded: ['Age'],
      columnsRemoved: ['Year_Birth'],
    })
    // The sample rows are the first rows of the file, in order.
    const age = preview.columns.findIndex((c) => c.name === 'Age')
    const id = preview.columns.findIndex((c) => c.name === 'ID')
    expect(preview.sampleRows.length).toBeGreaterThan(10)
    for (const row of preview.sampleRows) {
      const i = Number(row[id]) - 5000
      expect(row[age]).toBe(referenceYear - yearOf(i))
    }
    const ages = preview.profile.columns.find((c) => c.name === 'Age')!.numeric!
    expect([ages.min, ages.max]).toEqual([referenceYear - 2000, referenceYear - 1940])
  })
})

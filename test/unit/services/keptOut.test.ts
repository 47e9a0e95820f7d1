import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvFile, importedId, serviceHarness, type ServiceHarness } from '../helpers/services'
import { parseRequestInput, type RequestInput } from '../../../src/shared/api'

/**
 * Columns kept out of modelling on Import — personal data, and columns whose role is "ignore" — are not in the table
 * the Prepare steps and a run see (issue 15). A step that drops one must not break every run, and a run that asks for
 * one must say why it is out and how to bring it in, not that the column does not exist.
 */
describe('columns kept out of modelling', () => {
  let h: ServiceHarness
  let datasetId: number

  beforeEach(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Kept out' })
    const lines = ['customer_id,first_name,notes,spend,visits']
    for (let i = 0; i < 30; i++) {
      lines.push(
        [`C${i}`, `${['Ana', 'Ben', 'Chloé'][i % 3]}${i}`, `note ${i % 4}`, 10 + ((i * 37) % 90), (i * 7) % 13].join(
          ',',
        ),
      )
    }
    datasetId = await importedId(h, csvFile(h, 'customers.csv', lines), 'Customers')
    const [dataset] = await api['datasets.list']({})
    const columns = new Map(dataset.columns.map((c) => [c.name, c]))
    expect(columns.get('first_name')?.pii).toBe(true)
    await api['datasets.updateColumn']({ datasetId, position: columns.get('notes')!.position, role: 'ignore' })
  })
  afterEach(() => h.dispose())

  const run = (input: RequestInput<'cluster.run'>) =>
    h.services.handlers['cluster.run'](parseRequestInput('cluster.run', input))
  const save = (steps: unknown[]) =>
    h.services.handlers['prep.save'](parseRequestInput('prep.save', { datasetId, steps }))

  it('a step that drops them leaves runs and the preview working', async () => {
    await save([
      { id: 'drop', kind: 'dropColumns', columns: ['notes', 'first_name'] },
      { id: 'drop-some', kind: 'dropColumns', columns: ['notes', 'customer_id'] },
    ])
    const preview = await h.services.handlers['prep.preview']({ datasetId })
    expect(preview.columns.map((c) => c.name)).toEqual(['spend', 'visits'])
    expect(preview.effects).toHaveLength(2)
    const job = await run({ datasetId, features: ['spend', 'visits'], k: 2 })
    expect(await h.finished(job.id)).toMatchObject({ status: 'succeeded', error: null })
  })

  it('a step that needs one says it is kept out, and how to bring it in', async () => {
    await save([{ id: 'code', kind: 'encode', columns: ['notes'], method: 'oneHot' }])
    const job = await run({ datasetId, features: ['spend', 'visits'], k: 2 })
    const done = await h.finished(job.id)
    expect(done.status).toBe('failed')
    expect(done.error?.userMessage).toMatch(
      /^Step 1 uses "notes", which has the role “Ignore”, so it is kept out of preparation and segments\. To use it, change its role on Import, or remove the step\.$/,
    )
  })

  it('a run that asks for personal data says so, and how to opt in', async () => {
    const job = await run({ datasetId, features: ['spend', 'first_name'], k: 2 })
    const done = await h.finished(job.id)
    expect(done.status).toBe('failed')
    expect(done.error?.userMessage).toMatch(
      /^"first_name" is personal data, so it is kept out of segments\. To segment on it, untick “Keep out of segments” for it on Import\.$/,
    )
    const ignored = await h.finished((await run({ datasetId, features: ['spend', 'notes'], k: 2 })).id)
    expect(ignored.error?.userMessage).toMatch(/^"notes" has the role “Ignore”, so it is kept out of segments\./)
  })
})

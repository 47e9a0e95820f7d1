import { describe, expect, it } from 'vitest'
import { projectPerTest } from '../helpers/projects'
import { sharedData } from '../helpers/services'
import type { ProjectFile } from '../../../src/main/store/projectFile'
import type { Db } from '../../../src/main/store/database'
import { newStagingTableName } from '../../../src/main/store/repos/staging'
import { importFile } from '../../../src/main/jobs/tasks/importFile'
import { typedColumns, type TypedColumnsData } from '../../../src/main/jobs/tasks/typedColumns'
import { loadFrame } from '../../../src/main/jobs/tasks/loadFrame'
import type { TaskContext } from '../../../src/main/jobs/tasks/types'
import {
  columnTyping,
  commitDataset,
  deleteDataset,
  getDataset,
  iterateRows,
} from '../../../src/main/store/repos/datasets'
import { loadTypedColumns, saveTypedColumns, staleTypedColumns } from '../../../src/main/store/repos/typedColumns'
import { toFrameColumn } from '../../../src/main/formats/typing/toFrameColumn'
import { columnParse, parseSignature } from '../../../src/main/formats/typing/columnParse'
import type { Frame, FrameColumn } from '../../../src/main/engine/frame'

const quiet = async () => {}

/** A task context over the project itself: progress ignored, streamed data handed to `onData`. */
function context(db: Db, onData: (data: unknown) => void): TaskContext {
  return { db, projectPath: db.name, progress: quiet, send: async (data) => onData(data) }
}

/** Imports a file in this process exactly as the import job and main do, without a job process. */
async function importInProcess(project: ProjectFile, path: string, kind: 'customers' | 'transactions' = 'customers') {
  const stagingTable = newStagingTableName()
  const result = await importFile(
    { kind: 'importFile', path, settings: {}, datasetKind: kind, stagingTable },
    context(project.db, () => {}),
  )
  return commitDataset(project.db, {
    name: path,
    kind,
    stagingTable,
    rowCount: result.report.rowCount,
    columns: result.columns,
    source: null,
    parseContext: result.parseContext,
  })
}

/** Runs the fill job's task in this process; main's side stores each dataset as the service does. */
async function fillInProcess(db: Db, datasetId: number, positions = staleTypedColumns(db, datasetId)) {
  const stored: number[] = []
  await typedColumns(
    { kind: 'typedColumns', datasets: [{ datasetId, positions }] },
    context(db, (data) => {
      const { datasetId: id, columns } = data as TypedColumnsData
      stored.push(...saveTypedColumns(db, id, columns))
    }),
  )
  return stored
}

/** The frame as loadFrame made it before typed columns existed: every cell of the text parsed, every time. */
function parseText(db: Db, datasetId: number): Frame {
  const dataset = getDataset(db, datasetId)
  const typing = columnTyping(db, datasetId)
  const raw = dataset.columns.map((): (string | null)[] => [])
  for (const rows of iterateRows(db, datasetId)) for (const row of rows) row.forEach((v, j) => raw[j].push(v))
  return {
    rowCount: dataset.rowCount,
    columns: dataset.columns.map((c) =>
      toFrameColumn(c.name, raw[c.position], columnParse(c.type, typing.columns[c.position].inference)),
    ),
  }
}

const allColumns = (db: Db, datasetId: number) => getDataset(db, datasetId).columns.map((c) => c.name)

/** Equal bit for bit: the same bytes for numbers and dates (NaNs included), the same labels otherwise. */
function expectIdentical(actual: FrameColumn, expected: FrameColumn): void {
  expect(actual.kind).toBe(expected.kind)
  if (expected.kind === 'number' || expected.kind === 'date') {
    const a = actual.values as Float64Array
    const bytes = (v: Float64Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)
    expect(a.length).toBe(expected.values.length)
    expect(Buffer.compare(bytes(a), bytes(expected.values)), actual.name).toBe(0)
  } else {
    expect(actual.values, actual.name).toEqual(expected.values)
  }
}

describe('typed columns: parsed once, loaded as the text parse would give them', () => {
  const t = projectPerTest()

  const files: [string, 'customers' | 'transactions'][] = [
    [sharedData('customers/Telco-Customer-Churn.csv'), 'customers'],
    [sharedData('customers/bank.csv'), 'customers'],
    [sharedData('customers/Wholesale customers data.csv'), 'customers'],
    [sharedData('transactions/online_retail_sample_20000.csv'), 'transactions'],
    ['test/fixtures/formats/semicolon-decimal-comma-cp1252.csv', 'customers'],
    ['test/fixtures/formats/dates.csv', 'customers'],
  ]
  it.each(files)('equals the text parse bit for bit: %s', async (path, kind) => {
    const id = await importInProcess(t.project, path, kind)
    const db = t.project.db
    const columns = allColumns(db, id)
    expect(await fillInProcess(db, id)).toEqual(columns.map((_, i) => i))
    expect(staleTypedColumns(db, id)).toEqual([])
    const reference = parseText(db, id)
    const { frame } = await loadFrame(db, id, quiet, columns)
    expect(frame.rowCount).toBe(reference.rowCount)
    frame.columns.forEach((c, j) => expectIdentical(c, reference.columns[j]))
    // The files exercise what matters: missing numbers, dates, decimal commas.
    const kinds = new Set(reference.columns.map((c) => c.kind))
    if (path.includes('retail')) expect(kinds).toContain('date')
    if (path.includes('Telco')) {
      const total = frame.columns.find((c) => c.name === 'TotalCharges')!.values as Float64Array
      expect(total.filter(Number.isNaN).length).toBe(11)
    }
    if (path.includes('decimal-comma')) {
      const umsatz = frame.columns.find((c) => c.name === 'Umsatz')!
      expect((umsatz.values as Float64Array)[0]).toBe(1234.56)
      expect(frame.columns.find((c) => c.name === 'Kaufdatum')!.kind).toBe('date')
    }
  })

  it('loads the stored values, not the text: a changed text table does not change the frame', async () => {
    const id = await importInProcess(t.project, sharedData('customers/Wholesale customers data.csv'))
    const db = t.project.db
    await fillInProcess(db, id)
    const before = parseText(db, id)
    db.exec(`UPDATE ds_${id} SET c2 = '-1'`)
    const { frame } = await loadFrame(db, id, quiet, allColumns(db, id))
    frame.columns.forEach((c, j) => expectIdentical(c, before.columns[j]))
    expect((parseText(db, id).columns[2].values as Float64Array)[0]).toBe(-1)
  })

  it('falls back to the text for columns missing, stale or damaged in the store', async () => {
    const id = await importInProcess(t.project, sharedData('customers/Wholesale customers data.csv'))
    const db = t.project.db
    await fillInProcess(db, id)
    // Change the text so that a column read from the text shows it.
    db.exec(`UPDATE ds_${id} SET c2 = '-1', c3 = '-2', c4 = '-3', c5 = '-4'`)
    db.prepare('DELETE FROM typed_columns WHERE dataset_id = ? AND position = 2').run(id)
    db.prepare(`UPDATE typed_columns SET signature = 'old' WHERE dataset_id = ? AND position = 3`).run(id)
    db.prepare(`UPDATE typed_columns SET data = x'00' WHERE dataset_id = ? AND position = 4`).run(id)
    db.prepare('UPDATE typed_columns SET row_count = 3 WHERE dataset_id = ? AND position = 5').run(id)
    const { frame } = await loadFrame(db, id, quiet, allColumns(db, id))
    const now = parseText(db, id)
    frame.columns.forEach((c, j) => expectIdentical(c, now.columns[j]))
    expect([2, 3, 4, 5].map((j) => (frame.columns[j].values as Float64Array)[0])).toEqual([-1, -2, -3, -4])
    expect(staleTypedColumns(db, id)).toEqual([2, 3])

    // No table at all (a file main has not migrated): everything from the text.
    db.exec('DROP TABLE typed_columns')
    const wanted = [{ position: 0, signature: parseSignature(columnParse('number', null)) }]
    expect(loadTypedColumns(db, id, wanted, now.rowCount).size).toBe(0)
    const again = await loadFrame(db, id, quiet, allColumns(db, id))
    again.frame.columns.forEach((c, j) => expectIdentical(c, now.columns[j]))
  })

  it('stores nothing for a column retyped while the job ran, and nothing for a deleted dataset', async () => {
    const id = await importInProcess(t.project, sharedData('customers/Wholesale customers data.csv'))
    const db = t.project.db
    const parsed: TypedColumnsData['columns'][number][] = []
    await typedColumns(
      { kind: 'typedColumns', datasets: [{ datasetId: id, positions: [2, 3, 4] }] },
      context(db, (data) => parsed.push(...(data as TypedColumnsData).columns)),
    )
    expect(parsed.map((c) => c.position)).toEqual([2, 3, 4])
    db.prepare(`UPDATE dataset_columns SET type = 'category' WHERE dataset_id = ? AND position = 3`).run(id)
    expect(saveTypedColumns(db, id, parsed)).toEqual([2, 4])
    expect(staleTypedColumns(db, id)).toContain(3)
    expect(staleTypedColumns(db, id)).not.toContain(2)
    deleteDataset(db, id)
    expect(saveTypedColumns(db, id, parsed)).toEqual([])
    expect((db.prepare('SELECT count(*) AS n FROM typed_columns').get() as { n: number }).n).toBe(0)
  })

  it('removes a dataset’s typed columns with the dataset', async () => {
    const id = await importInProcess(t.project, 'test/fixtures/formats/semicolon-decimal-comma-cp1252.csv')
    const other = await importInProcess(t.project, 'test/fixtures/formats/dates.csv')
    await fillInProcess(t.project.db, id)
    await fillInProcess(t.project.db, other)
    const count = (datasetId: number) =>
      (
        t.project.db.prepare('SELECT count(*) AS n FROM typed_columns WHERE dataset_id = ?').get(datasetId) as {
          n: number
        }
      ).n
    expect(count(id)).toBe(6)
    deleteDataset(t.project.db, id)
    expect(count(id)).toBe(0)
    expect(count(other)).toBe(4)
  })
})

import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { projectPerTest } from '../helpers/projects'
import { sharedData } from '../helpers/services'
import type { ProjectFile } from '../../../src/main/store/projectFile'
import { importFile } from '../../../src/main/jobs/tasks/importFile'
import type { TaskContext } from '../../../src/main/jobs/tasks/types'
import { readRows, sniff } from '../../../src/main/formats'
import { createStagingTable, newStagingTableName } from '../../../src/main/store/repos/staging'
import { quoteIdent } from '../../../src/main/store/database'
import { indexedCustomerKey } from '../../../src/main/store/repos/customerKey'
import { startStagingWriter } from '../../../src/main/jobs/parallel/stagingWriter'

/** The import task in this process: its writer thread opens the project file itself, as in the job process. */
function context(project: ProjectFile): TaskContext {
  return {
    db: project.db,
    projectPath: project.path,
    progress: async () => {},
    send: async () => {
      throw new Error('An import stores its rows through its staging writer, not by streaming them to main.')
    },
  }
}

const stagedRows = (project: ProjectFile, table: string) =>
  project.db
    .prepare(`SELECT * FROM ${quoteIdent(table)} ORDER BY rowid`)
    .raw()
    .all() as string[][]

/** Every row as `readRows` gives it, in file order: what the staging table must hold. */
async function rowsAsRead(path: string): Promise<string[][]> {
  const rows: string[][] = []
  await readRows(await sniff(path), {}, async (batch) => void rows.push(...(batch as string[][])))
  return rows
}

/** Runs the import task into a new staging table; `table` names an existing one instead. */
function runImport(project: ProjectFile, path: string, table = newStagingTableName()) {
  const result = importFile(
    { kind: 'importFile', path, settings: {}, datasetKind: 'customers', stagingTable: table },
    context(project),
  )
  return { table, result }
}

describe('an import job writes its rows into the staging table main named', () => {
  const t = projectPerTest()

  it('stores every row of a real file as read, in file order, and types it from the same rows', async () => {
    const path = sharedData('customers/Telco-Customer-Churn.csv')
    const { table, result } = runImport(t.project, path)
    expect((await result).report.rowCount).toBe(7043)
    expect(stagedRows(t.project, table)).toEqual(await rowsAsRead(path))
    expect((await result).columns.find((c) => c.name === 'MonthlyCharges')?.type).toBe('number')
  })

  it('makes the table STRICT text and indexes the customer id column the typing found, before main commits', async () => {
    const { table, result } = runImport(t.project, sharedData('customers/Telco-Customer-Churn.csv'))
    const customer = (await result).columns.findIndex((c) => c.role === 'customerId')
    expect((await result).columns[customer].name).toBe('customerID')
    expect(indexedCustomerKey(t.project.db, table)).toBe(customer)
    const info = t.project.db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table)
    expect(info).toEqual({ strict: 1 })
  })

  it("fails with the writer's own error, without waiting on it, and leaves an existing table as it was", async () => {
    const path = join(t.dir, 'big.csv')
    const lines = ['id,amount']
    for (let i = 0; i < 2_000_000; i++) lines.push(`${i},${i % 97}.5`)
    writeFileSync(path, lines.join('\n'))
    // A table of that name already exists: the writer cannot create it, while this thread has a long file to read.
    const table = newStagingTableName()
    createStagingTable(t.project.db, 1, table)
    t.project.db.prepare(`INSERT INTO ${quoteIdent(table)} VALUES ('kept')`).run()
    await expect(runImport(t.project, path, table).result).rejects.toMatchObject({
      code: 'internal',
      detail: expect.stringMatching(/already exists/),
    })
    expect(stagedRows(t.project, table)).toEqual([['kept']])
  })

  it('stores a workbook as read, batch by batch through the writer thread', async () => {
    const path = await workbook(t.dir, 12_345)
    const { table, result } = runImport(t.project, path)
    expect((await result).report).toMatchObject({ format: 'xlsx', rowCount: 12_345 })
    expect(stagedRows(t.project, table)).toEqual(await rowsAsRead(path))
  })

  it('indexes the column the first rows suggest as they go in, and moves the index if the whole file disagrees', async () => {
    const table = newStagingTableName()
    const writer = startStagingWriter({ projectPath: t.project.path, table, width: 2 })
    writer.indexEarly(0)
    await writer.send([
      ['C1', '1'],
      ['C2', '2'],
    ])
    await vi.waitFor(() => expect(writer.stored).toBe(2))
    expect(indexedCustomerKey(t.project.db, table)).toBe(0)
    writer.end(1)
    expect(await writer.done).toBe(2)
    expect(indexedCustomerKey(t.project.db, table)).toBe(1)
    const indexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
    expect(t.project.db.prepare(indexes).pluck().get(table)).toBe(1)
  })

  it('refuses to create a table that is not a staging table', () => {
    expect(() => createStagingTable(t.project.db, 2, 'datasets')).toThrow(/Not a staging table name/)
  })
})

/** A workbook written by a real xlsx writer: ids, a date, a category and two numbers per row. */
async function workbook(dir: string, rows: number): Promise<string> {
  const path = join(dir, `customers-${rows}.xlsx`)
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Customers')
  sheet.addRow(['id', 'signup', 'tier', 'spend', 'visits'])
  for (let i = 0; i < rows; i++)
    sheet.addRow([`C${i}`, new Date(Date.UTC(2024, i % 12, (i % 28) + 1)), ['gold', 'silver'][i % 2], i * 1.25, i % 17])
  await book.xlsx.writeFile(path)
  return path
}

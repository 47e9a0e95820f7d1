import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newProject, tempDir } from '../helpers/projects'
import { sharedData } from '../helpers/services'
import type { ProjectFile } from '../../../src/main/store/projectFile'
import { importFile } from '../../../src/main/jobs/tasks/importFile'
import type { TaskContext } from '../../../src/main/jobs/tasks/types'
import { readRows, sniff } from '../../../src/main/formats'
import { createStagingTable, newStagingTableName } from '../../../src/main/store/repos/staging'
import { quoteIdent } from '../../../src/main/store/database'

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

describe('an import job writes its rows into the staging table main named', () => {
  let dir: ReturnType<typeof tempDir>
  let project: ProjectFile
  beforeEach(() => {
    dir = tempDir()
    project = newProject(dir.path)
  })
  afterEach(() => {
    project.close()
    dir.remove()
  })

  it('stores every row of a real file as read, in file order, and types it from the same rows', async () => {
    const path = sharedData('customers/Telco-Customer-Churn.csv')
    const expected: string[][] = []
    await readRows(await sniff(path), {}, async (rows) => void expected.push(...(rows as string[][])))
    const table = newStagingTableName()
    const result = await importFile(
      { kind: 'importFile', path, settings: {}, datasetKind: 'customers', stagingTable: table },
      context(project),
    )
    expect(result.report.rowCount).toBe(7043)
    expect(stagedRows(project, table)).toEqual(expected)
    expect(result.columns.find((c) => c.name === 'MonthlyCharges')?.type).toBe('number')
  })

  it("fails with the writer's own error, without waiting on it, and leaves an existing table as it was", async () => {
    const path = join(dir.path, 'big.csv')
    const lines = ['id,amount']
    for (let i = 0; i < 2_000_000; i++) lines.push(`${i},${i % 97}.5`)
    writeFileSync(path, lines.join('\n'))
    // A table of that name already exists: the writer cannot create it, while this thread has a long file to read.
    const table = newStagingTableName()
    createStagingTable(project.db, 1, table)
    project.db.prepare(`INSERT INTO ${quoteIdent(table)} VALUES ('kept')`).run()
    await expect(
      importFile(
        { kind: 'importFile', path, settings: {}, datasetKind: 'customers', stagingTable: table },
        context(project),
      ),
    ).rejects.toMatchObject({ code: 'internal', detail: expect.stringMatching(/already exists/) })
    expect(stagedRows(project, table)).toEqual([['kept']])
  })

  it('stores a workbook as read, batch by batch through the writer thread', async () => {
    const path = await workbook(dir.path, 12_345)
    const expected: string[][] = []
    await readRows(await sniff(path), {}, async (rows) => void expected.push(...(rows as string[][])))
    const table = newStagingTableName()
    const result = await importFile(
      { kind: 'importFile', path, settings: {}, datasetKind: 'customers', stagingTable: table },
      context(project),
    )
    expect(result.report).toMatchObject({ format: 'xlsx', rowCount: 12_345 })
    expect(stagedRows(project, table)).toEqual(expected)
  })

  it('refuses to create a table that is not a staging table', () => {
    expect(() => createStagingTable(project.db, 2, 'datasets')).toThrow(/Not a staging table name/)
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

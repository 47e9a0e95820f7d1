import { describe, expect, it } from 'vitest'
import { projectPerTest } from '../helpers/projects'
import { quoteIdent } from '../../../src/main/store/database'
import { createStagingTable } from '../../../src/main/store/repos/staging'
import { commitDataset, datasetTableName, updateColumn } from '../../../src/main/store/repos/datasets'
import { indexCustomerKey, indexedCustomerKey } from '../../../src/main/store/repos/customerKey'
import type { ImportedColumn } from '../../../src/shared/domain/jobs'
import type { ColumnRole } from '../../../src/shared/domain/dataset'

const column = (name: string, role: ColumnRole): ImportedColumn => ({
  name,
  type: role === 'customerId' ? 'id' : 'category',
  role,
  pii: false,
  typeReason: '',
  piiReason: null,
  inference: null,
})

describe('the customer-key index of a dataset table', () => {
  const t = projectPerTest()

  /** A committed dataset of `rows` rows: customer ids in c1, a region in c0. */
  function dataset(rows: number, roles: ColumnRole[] = ['feature', 'customerId']) {
    const db = t.project.db
    const staging = createStagingTable(db, 2)
    const insert = db.prepare(`INSERT INTO ${quoteIdent(staging)} VALUES (?, ?)`)
    for (let i = 0; i < rows; i++) insert.run(`region ${i % 7}`, `C${i}`)
    const id = commitDataset(db, {
      name: 'customers',
      kind: 'customers',
      stagingTable: staging,
      rowCount: rows,
      source: null,
      columns: roles.map((role, i) => column(`c${i}`, role)),
    })
    return { id, table: datasetTableName(id) }
  }

  const plan = (table: string, where: string) =>
    (
      t.project.db
        .prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM ${quoteIdent(table)} WHERE ${where} = ?`)
        .all('C5') as {
        detail: string
      }[]
    )
      .map((r) => r.detail)
      .join('; ')

  it('is built at commit on the customer column, and answers a lookup of one customer without a scan', () => {
    const { table } = dataset(1_000)
    expect(indexedCustomerKey(t.project.db, table)).toBe(1)
    expect(plan(table, 'c1')).toMatch(/USING (COVERING )?INDEX customer_key_[0-9a-f]{12} \(c1=\?\)/)
    expect(plan(table, 'c0')).toMatch(/SCAN/)
    expect(
      t.project.db
        .prepare(`SELECT rowid FROM ${quoteIdent(table)} WHERE c1 = ?`)
        .pluck()
        .all('C5'),
    ).toEqual([6])
  })

  it('follows the customer role when the user moves it, and goes when no column has it', () => {
    const { id, table } = dataset(100)
    updateColumn(t.project.db, id, 1, { role: 'ignore' })
    expect(indexedCustomerKey(t.project.db, table)).toBeNull()
    updateColumn(t.project.db, id, 0, { role: 'customerId' })
    expect(indexedCustomerKey(t.project.db, table)).toBe(0)
    updateColumn(t.project.db, id, 1, { role: 'customerId' })
    expect(indexedCustomerKey(t.project.db, table)).toBe(0) // the first customer column keeps it
    const indexes = t.project.db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
      .pluck()
      .get(table)
    expect(indexes).toBe(1)
  })

  it('is left alone when it is already on the wanted column, and a table without a customer gets none', () => {
    const { table } = dataset(10)
    const name = () =>
      t.project.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().get(table)
    const before = name()
    indexCustomerKey(t.project.db, table, 1)
    expect(name()).toBe(before)
    expect(indexedCustomerKey(t.project.db, dataset(10, ['feature', 'feature']).table)).toBeNull()
  })
})

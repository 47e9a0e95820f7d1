import { describe, expect, it } from 'vitest'
import { personalColumns } from '../../../src/main/report/loadReportModel'
import type { DatasetSummary } from '../../../src/shared/domain/dataset'

const table = (columns: { name: string; pii: boolean }[]) => ({ columns }) as unknown as DatasetSummary

describe('personal data in reports and exports', () => {
  const lineage = [
    table([
      { name: 'Email', pii: true },
      { name: 'Country', pii: false },
    ]),
    table([
      { name: 'Name', pii: true },
      { name: 'Recency', pii: false },
    ]),
  ]

  it('keeps every personal-data column of the run’s tables out unless the user ticked it', () => {
    expect([...personalColumns(lineage)].sort()).toEqual(['Email', 'Name'])
    expect([...personalColumns(lineage, ['Name'])]).toEqual(['Email'])
    // Ticking a column that is not personal data changes nothing.
    expect([...personalColumns(lineage, ['Country'])].sort()).toEqual(['Email', 'Name'])
  })
})

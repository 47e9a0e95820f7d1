/**
 * Reads what an export needs from the project: the run's labels with the customer ids of the segmented table, or the
 * run's stored profile; personal-data columns stay out unless the user ticked them, as in the report.
 */
import type { Db } from '../../store/database'
import { getDataset, iterateRows } from '../../store/repos/datasets'
import { getRunProfile } from '../../store/repos/runProfiles'
import { runArrays } from '../../store/repos/runs'
import type { ExportTable } from '../../../shared/domain/report'
import { UserError } from '../../../shared/errors'
import { chosenRun, datasetsBehind, personalColumns } from '../loadReportModel'
import { pseudonymiser, withoutPersonalData } from '../privacy'
import type { ExportTableData } from './cells'
import { membershipTable, profilesTable } from './tables'

export interface ExportOptions {
  readonly runId?: number
  /** Adds a column of codes that stand for the customer ids, made with a key new for this export. */
  readonly pseudonymise: boolean
  readonly includePersonal?: readonly string[]
}

export function loadExportTable(db: Db, table: ExportTable, options: ExportOptions): ExportTableData {
  const run = chosenRun(db, options.runId)
  const personal = personalColumns(datasetsBehind(db, run.datasetId), options.includePersonal)
  if (table === 'profiles') {
    const profile = getRunProfile(db, run.id)
    if (!profile) {
      throw new UserError(
        'Describe the segments in the Understand step first; their profiles are exported from there.',
        {
          code: 'export.noProfile',
        },
      )
    }
    return profilesTable(withoutPersonalData(profile, personal), run.segments)
  }
  const dataset = getDataset(db, run.datasetId)
  const { labels, rowIndex } = runArrays(db, run.id)
  const rows = rowIndex ?? Int32Array.from({ length: labels.length }, (_, i) => i)
  const id = dataset.columns.find((c) => c.role === 'customerId') ?? null
  // A customer id flagged as personal data and not ticked is not written: its codes stand in for it.
  const hidden = id !== null && personal.has(id.name)
  const ids = id ? idsByRow(db, dataset.id, id.position, rows) : []
  return membershipTable({
    idColumn: id && !hidden ? id.name : null,
    ids,
    rows,
    labels,
    segments: run.segments,
    code: options.pseudonymise || hidden ? pseudonymiser() : undefined,
  })
}

/** The id text of each labelled row, read once over the table in row order. */
function idsByRow(db: Db, datasetId: number, position: number, rows: ArrayLike<number>): (string | null)[] {
  const all: (string | null)[] = []
  for (const chunk of iterateRows(db, datasetId)) for (const row of chunk) all.push(row[position] ?? null)
  return Array.from(rows, (r) => all[r] ?? null)
}

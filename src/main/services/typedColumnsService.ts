import { getDataset, listDatasets } from '../store/repos/datasets'
import { saveTypedColumns, staleTypedColumns } from '../store/repos/typedColumns'
import type { TypedColumnsData } from '../jobs/tasks/typedColumns'
import type { JobInfo } from '../../shared/domain/jobs'
import type { Session } from './session'
import type { JobService } from './jobService'

/**
 * Keeps each dataset's columns parsed once in the project (`typed_columns`), so jobs load typed values instead of
 * parsing text. A job parses the columns that have no valid typed values — all of a new dataset, the one column a
 * retype changed — and main stores each column in one transaction as it arrives. Nothing waits for it: until a column
 * is stored, jobs parse its text as before. Failures are logged, never thrown at the caller, since they only cost speed.
 */
export function createTypedColumnsService(deps: { session: Session; jobs: JobService }) {
  const { session, jobs } = deps
  /** The fill job running per slot: a newer fill of the same datasets replaces it (it parses what is still missing). */
  const running = new Map<string, string>()

  function fill(slot: string, datasetIds: readonly number[]): JobInfo | null {
    try {
      const { db } = session.requireProject()
      const datasets = datasetIds
        .map((datasetId) => ({ datasetId, positions: staleTypedColumns(db, datasetId) }))
        .filter((d) => d.positions.length > 0)
      if (datasets.length === 0) return null
      const title =
        datasets.length === 1
          ? `Storing parsed columns of ${getDataset(db, datasets[0].datasetId).name}`
          : `Storing parsed columns of ${datasets.length} tables`
      const handlers = {
        onData: (data: unknown) => {
          const { datasetId, columns } = data as TypedColumnsData
          saveTypedColumns(db, datasetId, columns)
        },
        background: true,
      }
      const previous = running.get(slot)
      if (previous) jobs.cancel(previous)
      const { info, done } = jobs.start({ kind: 'typedColumns', datasets }, title, handlers)
      running.set(slot, info.id)
      void done.then(() => {
        if (running.get(slot) === info.id) running.delete(slot)
      })
      return info
    } catch (error) {
      console.error(`[typed columns] not filled: ${String(error)}`)
      return null
    }
  }

  return {
    /** After an import, a derived table or a retype: parses the dataset's columns whose typed values are missing. */
    refresh(datasetId: number): JobInfo | null {
      return fill(`typedColumns:${datasetId}`, [datasetId])
    },
    /** When a project opens: fills the datasets of older projects (and any fill a crash or cancel cut short). */
    refreshAll(): JobInfo | null {
      if (!session.project) return null
      const ids = listDatasets(session.project.db).map((d) => d.id)
      return fill('typedColumns:all', ids)
    },
  }
}

export type TypedColumnsService = ReturnType<typeof createTypedColumnsService>

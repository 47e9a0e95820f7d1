import { getDataset, listDatasets, pageRows } from '../store/repos/datasets'
import { loadColumnStats, saveColumnStats } from '../store/repos/columnStats'
import type { ColumnStats, DatasetPage, DatasetSummary } from '../../shared/domain/dataset'
import type { JobInfo } from '../../shared/domain/jobs'
import type { Emit, Session } from './session'
import type { JobService } from './jobService'

export function createDatasetService(deps: { session: Session; jobs: JobService; emit: Emit }) {
  const { session, jobs, emit } = deps
  return {
    list(): DatasetSummary[] {
      return listDatasets(session.requireProject().db)
    },
    page(datasetId: number, offset: number, limit: number): DatasetPage {
      return pageRows(session.requireProject().db, datasetId, offset, limit)
    },
    columnStats(datasetId: number): ColumnStats[] | null {
      return loadColumnStats(session.requireProject().db, datasetId)
    },
    computeColumnStats(datasetId: number): JobInfo {
      const { db } = session.requireProject()
      const dataset = getDataset(db, datasetId)
      return jobs.start({ kind: 'columnStats', datasetId }, `Column statistics for ${dataset.name}`, {
        apply: (result) => {
          saveColumnStats(db, result.datasetId, result.columns)
          emit('datasets.changed', { datasetIds: [result.datasetId] })
        },
      }).info
    },
  }
}

export type DatasetService = ReturnType<typeof createDatasetService>

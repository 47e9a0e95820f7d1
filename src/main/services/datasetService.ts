import {
  columnTyping,
  deleteDataset,
  getDataset,
  listDatasets,
  pageRows,
  renameDataset,
  updateColumn,
} from '../store/repos/datasets'
import { loadColumnStats, saveColumnStats } from '../store/repos/columnStats'
import { forgetTypedColumn } from '../store/repos/typedColumns'
import { forgetProfile, loadProfile, saveProfile } from '../store/repos/profiles'
import { retype, type InferredColumn } from '../formats/typing/typeAccumulator'
import type { ColumnRole, ColumnStats, ColumnType, DatasetPage, DatasetSummary } from '../../shared/domain/dataset'
import type { DatasetProfile } from '../../shared/domain/prepared'
import type { JobInfo } from '../../shared/domain/jobs'
import type { Emit, Session } from './session'
import type { JobService } from './jobService'

export function createDatasetService(deps: {
  session: Session
  jobs: JobService
  emit: Emit
  onDatasetsChanged: () => void
  /** A column's type changed: its typed values are parsed again (only that column's). */
  onTypesChanged?: (datasetId: number) => void
}) {
  const { session, jobs, emit } = deps
  const db = () => session.requireProject().db
  const changed = (datasetId: number) => emit('datasets.changed', { datasetIds: [datasetId] })

  return {
    list(): DatasetSummary[] {
      return listDatasets(db())
    },
    page(datasetId: number, offset: number, limit: number): DatasetPage {
      return pageRows(db(), datasetId, offset, limit)
    },
    columnStats(datasetId: number): ColumnStats[] | null {
      return loadColumnStats(db(), datasetId)
    },
    computeColumnStats(datasetId: number): JobInfo {
      const project = db()
      const dataset = getDataset(project, datasetId)
      return jobs.start({ kind: 'columnStats', datasetId }, `Column statistics for ${dataset.name}`, {
        apply: (result) => {
          saveColumnStats(project, result.datasetId, result.columns)
          changed(result.datasetId)
        },
      }).info
    },

    /**
     * The user's word on a column. A new type re-reads the column's evidence so that its number or date format and
     * the explanation fit the values; the stored profile no longer describes the data and is dropped.
     */
    updateColumn(
      datasetId: number,
      position: number,
      change: { type?: ColumnType; role?: ColumnRole; pii?: boolean },
    ): DatasetSummary {
      const project = db()
      project.transaction(() => {
        let typeChange = {}
        if (change.type !== undefined) {
          const typing = columnTyping(project, datasetId)
          const inference = typing.columns[position]?.inference as InferredColumn | null
          if (inference && 'evidence' in inference) {
            const context = (typing.parseContext ?? { decimal: '.', dayFirst: true }) as {
              decimal: '.' | ','
              dayFirst: boolean
            }
            const next = retype(inference, change.type, context)
            typeChange = { inference: next, typeReason: `Set by you. ${next.typeReason}` }
          } else {
            typeChange = { typeReason: 'Set by you.' }
          }
        }
        updateColumn(project, datasetId, position, { ...change, ...typeChange })
        if (change.type !== undefined) forgetTypedColumn(project, datasetId, position)
        forgetProfile(project, datasetId)
      })()
      changed(datasetId)
      if (change.type !== undefined) deps.onTypesChanged?.(datasetId)
      return getDataset(project, datasetId)
    },
    rename(datasetId: number, name: string): DatasetSummary {
      renameDataset(db(), datasetId, name)
      changed(datasetId)
      return getDataset(db(), datasetId)
    },
    remove(datasetId: number): null {
      getDataset(db(), datasetId)
      deleteDataset(db(), datasetId)
      changed(datasetId)
      deps.onDatasetsChanged()
      return null
    },

    profile(datasetId: number): DatasetProfile | null {
      return loadProfile(db(), datasetId)
    },
    computeProfile(datasetId: number): JobInfo {
      const project = db()
      const dataset = getDataset(project, datasetId)
      return jobs.start({ kind: 'profile', datasetId }, `Checking data quality of ${dataset.name}`, {
        apply: (result) => {
          saveProfile(project, { ...result, computedAt: new Date().toISOString() })
          changed(datasetId)
        },
      }).info
    },
  }
}

export type DatasetService = ReturnType<typeof createDatasetService>

import { basename } from 'node:path'
import type { Db } from '../store/database'
import { commitDataset } from '../store/repos/datasets'
import { createStagingTable, dropTable, newStagingTableName, stagingInserter } from '../store/repos/staging'
import type { DatasetKind } from '../../shared/domain/dataset'
import type { FileInspection, ReadSettings } from '../../shared/domain/import'
import type { DerivedTable, ImportedColumn, JobInfo } from '../../shared/domain/jobs'
import type { Emit, Session } from './session'
import type { JobService } from './jobService'
import { resultOf } from './awaitJob'

/**
 * A table computed in a job (RFM) is written into a staging table here; only the final transaction turns it into a
 * dataset. A failure therefore leaves the project exactly as it was (the staging table is dropped, or at worst swept
 * away on the next open). An import's job fills its staging table itself; the same commit turns it into a dataset.
 */
export class StagingWriter {
  private table: string | null = null
  private insert: ((rows: readonly (readonly (string | null)[])[]) => void) | null = null
  rows = 0

  constructor(private readonly db: Db) {}

  write(rows: readonly (readonly (string | null)[])[]): void {
    if (rows.length === 0) return
    if (!this.table) this.open(rows[0].length)
    this.insert!(rows)
    this.rows += rows.length
  }

  /** Commits the staged rows as a dataset; returns its id. */
  commit(
    header: readonly string[],
    dataset: { name: string; kind: DatasetKind; columns: readonly ImportedColumn[] } & Omit<
      Parameters<typeof commitDataset>[1],
      'name' | 'kind' | 'columns' | 'stagingTable' | 'rowCount'
    >,
  ): number {
    if (!this.table) this.open(header.length)
    return commitDataset(this.db, { ...dataset, stagingTable: this.table!, rowCount: this.rows })
  }

  discard(): void {
    if (this.table) dropTable(this.db, this.table)
    this.table = null
  }

  private open(width: number): void {
    this.table = createStagingTable(this.db, width)
    this.insert = stagingInserter(this.db, this.table, width)
  }
}

export function createImportService(deps: {
  session: Session
  jobs: JobService
  emit: Emit
  onDatasetsChanged: () => void
  /** A dataset was committed: its columns can be parsed once into typed values. */
  onDatasetWritten?: (datasetId: number) => void
}) {
  const { session, jobs, emit } = deps

  return {
    async inspect(path: string, settings: ReadSettings): Promise<FileInspection> {
      const { done } = jobs.startLatest('inspect', { kind: 'inspectFile', path, settings }, `Reading ${basename(path)}`)
      return resultOf<FileInspection>(done)
    },

    start(path: string, name: string, kind: DatasetKind, settings: ReadSettings): JobInfo {
      const { db } = session.requireProject()
      // The job fills this table itself; main only renames it into a dataset at the end, or drops it.
      const stagingTable = newStagingTableName()
      let committed = false
      return jobs.start(
        { kind: 'importFile', path, settings, datasetKind: kind, stagingTable },
        `Importing ${basename(path)}`,
        {
          apply: (result) => {
            const id = commitDataset(db, {
              name,
              kind,
              stagingTable,
              rowCount: result.report.rowCount,
              columns: result.columns,
              source: { fileName: basename(path), format: result.report.format },
              importReport: result.report,
              parseContext: result.parseContext,
            })
            committed = true
            emit('datasets.changed', { datasetIds: [id] })
            deps.onDatasetsChanged()
            deps.onDatasetWritten?.(id)
            return { datasetId: id }
          },
          cleanup: () => {
            if (!committed) dropTable(db, stagingTable)
          },
        },
      ).info
    },

    /** Stores a table computed by a job (RFM) as a new dataset, through the same staging path as an import. */
    storeDerived(
      table: DerivedTable,
      meta: { name: string; kind: DatasetKind; derivedFrom: number; parseContext: unknown },
    ): number {
      const staging = new StagingWriter(session.requireProject().db)
      staging.write(table.rows)
      try {
        const id = staging.commit(table.header, { ...meta, columns: table.columns, source: null, importReport: null })
        emit('datasets.changed', { datasetIds: [id] })
        deps.onDatasetsChanged()
        deps.onDatasetWritten?.(id)
        return id
      } catch (error) {
        staging.discard()
        throw error
      }
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>

import { getDataset } from '../store/repos/datasets'
import { currentPipeline, savePipeline, undoPipeline } from '../store/repos/pipelines'
import { loadRfmSummary, saveRfmSummary } from '../store/repos/rfmSummaries'
import type { PrepStep } from '../../shared/domain/prep'
import type { PrepPipeline, PrepPreview, RfmSummary } from '../../shared/domain/prepared'
import type { JobInfo, RfmJobOptions } from '../../shared/domain/jobs'
import { UserError } from '../../shared/errors'
import type { Session } from './session'
import type { JobService } from './jobService'
import type { ImportService } from './importService'
import { resultOf } from './awaitJob'

export function createPrepService(deps: { session: Session; jobs: JobService; imports: ImportService }) {
  const { session, jobs, imports } = deps
  const db = () => session.requireProject().db

  return {
    get(datasetId: number): PrepPipeline {
      getDataset(db(), datasetId)
      return currentPipeline(db(), datasetId)
    },
    save(datasetId: number, steps: readonly PrepStep[]): PrepPipeline {
      getDataset(db(), datasetId)
      const ids = new Set<string>()
      for (const step of steps) {
        if (ids.has(step.id))
          throw new UserError('Two steps share the same id; reload the Prepare screen.', { code: 'prep.duplicateId' })
        ids.add(step.id)
      }
      return savePipeline(db(), datasetId, steps)
    },
    undo(datasetId: number): PrepPipeline {
      return undoPipeline(db(), datasetId)
    },
    async preview(datasetId: number): Promise<PrepPreview> {
      const dataset = getDataset(db(), datasetId)
      const { steps } = currentPipeline(db(), datasetId)
      const { done } = jobs.startLatest(
        'preview',
        { kind: 'prepPreview', datasetId, steps },
        `Preparing ${dataset.name}`,
      )
      return resultOf<PrepPreview>(done)
    },

    /** Builds RFM features from a transactions dataset into a new customers dataset, with its segment summary. */
    buildRfm(datasetId: number, options: RfmJobOptions): JobInfo {
      const source = getDataset(db(), datasetId)
      if (source.kind !== 'transactions') {
        throw new UserError(`RFM needs a transactions dataset; "${source.name}" holds ${source.kind}.`, {
          code: 'rfm.notTransactions',
        })
      }
      return jobs.start({ kind: 'rfm', datasetId, options }, `Building RFM from ${source.name}`, {
        apply: (result) => {
          const project = db()
          return project.transaction(() => {
            const id = imports.storeDerived(result.table, {
              name: `RFM of ${source.name}`,
              kind: 'customers',
              derivedFrom: datasetId,
              parseContext: result.parseContext,
            })
            saveRfmSummary(project, {
              datasetId: id,
              asOf: result.asOf,
              customers: result.table.rows.length,
              segments: result.segments,
              notes: result.notes,
            })
            return { datasetId: id }
          })()
        },
      }).info
    },
    rfmSummary(datasetId: number): RfmSummary | null {
      return loadRfmSummary(db(), datasetId)
    },
  }
}

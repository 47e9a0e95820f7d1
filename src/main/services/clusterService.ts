import { totalmem } from 'node:os'
import { getDataset } from '../store/repos/datasets'
import { currentPipeline } from '../store/repos/pipelines'
import { chooseRun, deleteRun, getRun, insertRun, listRuns, renameRun, runArrays } from '../store/repos/runs'
import { estimateLinkageMemoryBytes, maxRowsForMemory } from '../engine/cluster/linkage'
import { dendrogramLayout } from '../engine/cluster/dendrogram'
import { formatCount } from '../engine/profile/wording'
import { toRows } from '../engine/matrix'
import type {
  ClusterMethod,
  ClusterRun,
  ClusterSettings,
  Dendrogram,
  FeatureChoice,
  MemoryEstimate,
} from '../../shared/domain/cluster'
import type { JobInfo, JobResult } from '../../shared/domain/jobs'
import { UserError } from '../../shared/errors'
import type { Emit, Session } from './session'
import type { JobService } from './jobService'
import { resultOf } from './awaitJob'

/** What one clustering job may use: a quarter of the machine's memory, at most 2 GiB (the engine's own ceiling). */
export const clusterMemoryBudget = Math.min(2 * 1024 ** 3, totalmem() / 4)

const KMEANS_BYTES_PER_CELL = 8 * 4
const KMEANS_BYTES_PER_ROW = 4 + 16 + 4 + 8

export function estimateMemory(
  method: ClusterMethod,
  rows: number,
  features: number,
  budget = clusterMemoryBudget,
): MemoryEstimate {
  // K-means: the feature columns, the matrix, its copy in the WebAssembly kernels' memory and the scaled matrix, plus
  // per row a label, two bounds, a search-list entry and the k-means++ distance.
  const bytes =
    method === 'kmeans'
      ? KMEANS_BYTES_PER_CELL * rows * features + KMEANS_BYTES_PER_ROW * rows
      : estimateLinkageMemoryBytes(method, rows, features)
  const fits = bytes <= budget
  const maxRows =
    method === 'kmeans'
      ? Math.floor(budget / (KMEANS_BYTES_PER_CELL * features + KMEANS_BYTES_PER_ROW))
      : maxRowsForMemory(method, features, budget)
  const mb = (b: number) => `${Math.max(1, Math.round(b / 1024 ** 2)).toLocaleString('en')} MB`
  if (fits) return { bytes, fits, maxRows, advice: `Needs about ${mb(bytes)} of memory: fine on this computer.` }
  const sample = Math.min(rows, maxRows)
  return {
    bytes,
    fits,
    maxRows,
    advice:
      `Clustering all ${formatCount(rows)} customers this way needs about ${mb(bytes)} of memory, more than is safe here. ` +
      `SegmentLab can cluster a random sample of ${formatCount(sample)} customers and then give everyone the segment whose centre is nearest, ` +
      'or you can choose K-means, which handles any size.',
  }
}

const runNames: Record<ClusterMethod, string> = {
  kmeans: 'K-means',
  ward: 'Hierarchical (Ward)',
  complete: 'Hierarchical (complete)',
  average: 'Hierarchical (average)',
  single: 'Hierarchical (single)',
}

export function createClusterService(deps: { session: Session; jobs: JobService; emit: Emit }) {
  const { session, jobs, emit } = deps
  const db = () => session.requireProject().db

  return {
    async features(datasetId: number): Promise<FeatureChoice[]> {
      const dataset = getDataset(db(), datasetId)
      const { steps } = currentPipeline(db(), datasetId)
      const { done } = jobs.startLatest(
        'features',
        { kind: 'clusterFeatures', datasetId, steps },
        `Reading features of ${dataset.name}`,
      )
      return (await resultOf<JobResult<'clusterFeatures'>>(done)).features as FeatureChoice[]
    },

    estimate(method: ClusterMethod, rows: number, features: number): MemoryEstimate {
      return estimateMemory(method, rows, features)
    },

    run(settings: ClusterSettings): JobInfo {
      const project = db()
      const dataset = getDataset(project, settings.datasetId)
      if (settings.method !== 'kmeans' && settings.sampleSize === null) {
        const estimate = estimateMemory(settings.method, dataset.rowCount, settings.features.length)
        if (!estimate.fits) throw new UserError(estimate.advice, { code: 'cluster.tooLarge' })
      }
      const { steps } = currentPipeline(project, settings.datasetId)
      const title =
        settings.k === 'auto'
          ? `Finding segments in ${dataset.name}`
          : `Finding ${settings.k} segments in ${dataset.name}`
      return jobs.start({ kind: 'cluster', settings, steps }, title, {
        apply: (result) => {
          const count = listRuns(project, settings.datasetId).length
          const name = `${runNames[settings.method]}, ${result.run.k} segments (#${count + 1})`
          const runId = insertRun(project, result.run, name, {
            labels: result.labels,
            rowIndex: result.rowIndex,
            linkage: result.linkage,
          })
          emit('runs.changed', { datasetId: settings.datasetId })
          return { runId }
        },
      }).info
    },

    get(runId: number): ClusterRun {
      return getRun(db(), runId)
    },
    list(datasetId?: number): ClusterRun[] {
      return listRuns(db(), datasetId)
    },

    dendrogram(runId: number, truncateTo: number): Dendrogram {
      const run = getRun(db(), runId)
      const { linkage } = runArrays(db(), runId)
      if (!linkage) {
        throw new UserError('Only hierarchical runs have a dendrogram; this one used K-means.', {
          code: 'run.noDendrogram',
        })
      }
      const z = { data: linkage, rows: linkage.length / 4, cols: 4 }
      const layout = dendrogramLayout(z, { truncateTo: Math.min(truncateTo, z.rows + 1) })
      const heights = Array.from({ length: z.rows }, (_, i) => linkage[i * 4 + 2])
      return {
        runId: run.id,
        icoord: toRows(layout.icoord),
        dcoord: toRows(layout.dcoord),
        leafSizes: Array.from(layout.leafSizes),
        heights,
        n: z.rows + 1,
      }
    },

    choose(runId: number): ClusterRun {
      chooseRun(db(), runId)
      const run = getRun(db(), runId)
      emit('runs.changed', { datasetId: run.datasetId })
      return run
    },
    rename(runId: number, name: string): ClusterRun {
      getRun(db(), runId)
      renameRun(db(), runId, name)
      const run = getRun(db(), runId)
      emit('runs.changed', { datasetId: run.datasetId })
      return run
    },
    remove(runId: number): null {
      const run = getRun(db(), runId)
      deleteRun(db(), runId)
      emit('runs.changed', { datasetId: run.datasetId })
      return null
    },
  }
}

import type { JobSpec } from '../../shared/domain/jobs'

/**
 * The datasets whose values a job loads as a frame (from their typed columns, or by parsing their text when those are
 * not stored yet); none for jobs that read only text (imports, statistics, joins) or store typed columns themselves.
 * `runDataset` names the dataset a run was made on, or null when the run is gone (the job then fails on its own).
 */
export function datasetsLoaded(spec: JobSpec, runDataset: (runId: number) => number | null): number[] {
  const run = (runId: number | null) => (runId === null ? [] : [runDataset(runId)].filter((id) => id !== null))
  switch (spec.kind) {
    case 'profile':
    case 'prepPreview':
    case 'rfm':
    case 'clusterFeatures':
      return [spec.datasetId]
    case 'cluster':
      return [spec.settings.datasetId]
    case 'understand':
      return run(spec.runId)
    case 'recommend':
      return [
        ...new Set([spec.settings.datasetId, ...(spec.settings.catalogue ? [spec.settings.catalogue.datasetId] : [])]),
        ...run(spec.runId),
      ]
    case 'columnStats':
    case 'typedColumns':
    case 'inspectFile':
    case 'importFile':
    case 'join':
      return []
  }
}

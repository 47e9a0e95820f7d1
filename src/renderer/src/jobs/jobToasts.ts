import type { JobInfo } from '../../../shared/domain/jobs'

/** A finished job's toast fades after this long (failures too: they stay in the task list, marked, until read). */
export const TOAST_MS = 5000
const MAX_FINISHED_SHOWN = 2
/**
 * Jobs a screen waits for and reports itself (file inspection, previews, feature lists), and housekeeping main starts
 * on its own (storing parsed columns after an import): shown as toasts only while they run, for their progress and
 * Cancel, and never in the task list; their outcome belongs to the screen that asked, or to no one.
 */
export const ANSWERED_IN_PLACE: ReadonlySet<JobInfo['kind']> = new Set([
  'inspectFile',
  'prepPreview',
  'clusterFeatures',
  'typedColumns',
])

export const isActive = (job: JobInfo): boolean => job.status === 'queued' || job.status === 'running'

/**
 * The toasts to show now: every running job, then the last jobs that finished while this window watched them run, for
 * TOAST_MS after they finished. A job that had already finished when the window opened (a reload, another project's
 * import) is news to no one and gets no toast. `finishedAt` holds when the window saw each watched job finish.
 */
export function toastsToShow(
  jobs: readonly JobInfo[],
  watched: ReadonlySet<string>,
  finishedAt: ReadonlyMap<string, number>,
  now: number,
): JobInfo[] {
  const active = jobs.filter(isActive)
  const finished = jobs.filter((job) => {
    if (isActive(job) || !watched.has(job.id) || ANSWERED_IN_PLACE.has(job.kind)) return false
    const at = finishedAt.get(job.id)
    return at !== undefined && now - at < TOAST_MS
  })
  return [...active, ...finished.slice(-MAX_FINISHED_SHOWN)]
}

/** The task list: the project's jobs a person started or would care about, newest first. */
export function taskList(jobs: readonly JobInfo[]): JobInfo[] {
  return jobs.filter((job) => !ANSWERED_IN_PLACE.has(job.kind)).sort((a, b) => b.startedAt.localeCompare(a.startedAt))
}

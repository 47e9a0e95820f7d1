import type { JobInfo } from '../../../shared/domain/jobs'

/** A finished job's toast fades after this long (failures too: they stay in the task list, marked, until read). */
export const TOAST_MS = 5000
const MAX_FINISHED_SHOWN = 2
/**
 * Toasts at once: each is about 150 px tall in the step list's column, and more than two climbed over the steps in a
 * laptop-sized window (800 px high, four jobs after a join hid "Report"). The rest are one click away in Tasks, with
 * their Cancel.
 */
export const MAX_TOASTS = 2
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
 * The toasts to show now, at most MAX_TOASTS: running jobs (the user's first), then the jobs that finished last while
 * this window watched them run, newest first, for TOAST_MS after they finished. A job that had already finished when the window opened (a reload, another project's
 * import) is news to no one and gets no toast. `finishedAt` holds when the window saw each watched job finish.
 */
export function toastsToShow(
  jobs: readonly JobInfo[],
  watched: ReadonlySet<string>,
  finishedAt: ReadonlyMap<string, number>,
  now: number,
): JobInfo[] {
  const active = jobs.filter(isActive)
  // What the user started comes before what a screen or main started on its own.
  const ordered = [
    ...active.filter((job) => !ANSWERED_IN_PLACE.has(job.kind)),
    ...active.filter((job) => ANSWERED_IN_PLACE.has(job.kind)),
  ]
  const finished = jobs.filter((job) => {
    if (isActive(job) || !watched.has(job.id) || ANSWERED_IN_PLACE.has(job.kind)) return false
    const at = finishedAt.get(job.id)
    return at !== undefined && now - at < TOAST_MS
  })
  // The latest news first: of jobs seen finishing at the same moment, the later one in the list.
  const recent = finished
    .map((job, i) => ({ job, i, at: finishedAt.get(job.id)! }))
    .sort((a, b) => b.at - a.at || b.i - a.i)
    .slice(0, MAX_FINISHED_SHOWN)
    .map((r) => r.job)
  return [...ordered, ...recent].slice(0, MAX_TOASTS)
}

/** The task list: the project's jobs a person started or would care about, newest first. */
export function taskList(jobs: readonly JobInfo[]): JobInfo[] {
  return jobs.filter((job) => !ANSWERED_IN_PLACE.has(job.kind)).sort((a, b) => b.startedAt.localeCompare(a.startedAt))
}

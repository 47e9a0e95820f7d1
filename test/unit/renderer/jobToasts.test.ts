import { describe, expect, it } from 'vitest'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import { TOAST_MS, taskList, toastsToShow } from '../../../src/renderer/src/jobs/jobToasts'

/** Issue 17: finished toasts fade, do not come back on a reload, and the task list keeps every job. */
const job = (
  id: string,
  status: JobInfo['status'],
  kind: JobInfo['kind'] = 'importFile',
  startedAt = '2024-01-01',
): JobInfo => ({ id, kind, title: id, status, progress: null, error: null, startedAt, produced: null }) as JobInfo

describe('job toasts', () => {
  const now = 1_000_000

  it('shows running jobs, and finished ones only for a few seconds after the window saw them finish', () => {
    const jobs = [job('a', 'running'), job('b', 'succeeded'), job('c', 'failed')]
    const watched = new Set(['a', 'b', 'c'])
    const just = new Map([
      ['b', now - 1000],
      ['c', now - 2000],
    ])
    expect(toastsToShow(jobs, watched, just, now).map((j) => j.id)).toEqual(['a', 'b'])
    expect(toastsToShow(jobs.slice(1), watched, just, now).map((j) => j.id)).toEqual(['b', 'c'])
    const later = new Map([
      ['b', now - TOAST_MS],
      ['c', now - TOAST_MS - 1],
    ])
    expect(toastsToShow(jobs, watched, later, now).map((j) => j.id)).toEqual(['a'])
  })

  it('shows two toasts at most, the jobs the user started before housekeeping', () => {
    const jobs = [
      job('fill', 'running', 'typedColumns'),
      job('preview', 'running', 'prepPreview'),
      job('join', 'running', 'join'),
      job('import', 'succeeded'),
    ]
    const watched = new Set(jobs.map((j) => j.id))
    const shown = toastsToShow(jobs, watched, new Map([['import', now]]), now)
    expect(shown.map((j) => j.id)).toEqual(['join', 'fill'])
  })

  it('gives no toast to jobs that had finished before the window opened (a reload), failed ones included', () => {
    const jobs = [job('old', 'succeeded'), job('broken', 'failed')]
    expect(toastsToShow(jobs, new Set(), new Map(), now)).toEqual([])
  })

  it('keeps at most two finished toasts, and none for jobs answered on their own screen', () => {
    const jobs = ['a', 'b', 'c'].map((id) => job(id, 'succeeded'))
    const preview = job('p', 'succeeded', 'prepPreview')
    const all = [...jobs, preview]
    const watched = new Set(all.map((j) => j.id))
    const at = new Map(all.map((j) => [j.id, now]))
    expect(toastsToShow(all, watched, at, now).map((j) => j.id)).toEqual(['c', 'b'])
  })

  it('lists every job of the project but previews in the task list, newest first', () => {
    const list = taskList([
      job('first', 'failed', 'importFile', '2024-01-01T10:00:00Z'),
      job('preview', 'succeeded', 'prepPreview', '2024-01-01T10:30:00Z'),
      job('second', 'succeeded', 'cluster', '2024-01-01T11:00:00Z'),
    ])
    expect(list.map((j) => j.id)).toEqual(['second', 'first'])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JobScheduler } from '../../../src/main/jobs/scheduler'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import type { Platform, JobChannel } from '../../../src/main/platform/types'
import { openProjectFile, type ProjectFile } from '../../../src/main/store/projectFile'
import { getDataset, pageRows } from '../../../src/main/store/repos/datasets'
import { addDataset, newProject, syntheticRows, tempDir, testPlatform } from '../helpers/projects'

/** Wraps the platform to remember the channels it spawned, so a test can kill one as a crash would. */
function recordingPlatform(inner: Platform): { platform: Platform; channels: JobChannel[] } {
  const channels: JobChannel[] = []
  return {
    channels,
    platform: {
      ...inner,
      spawnJob: (options) => {
        const channel = inner.spawnJob(options)
        channels.push(channel)
        return channel
      },
    },
  }
}

function waitFor(updates: JobInfo[], predicate: (info: JobInfo) => boolean): Promise<JobInfo> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const hit = updates.find(predicate)
      if (hit) {
        clearInterval(timer)
        resolve(hit)
      }
    }, 5)
  })
}

describe('job scheduler with real job processes', () => {
  let dir: ReturnType<typeof tempDir>
  let project: ProjectFile
  beforeEach(() => {
    dir = tempDir()
    project = newProject(dir.path)
  })
  afterEach(() => {
    project.close()
    dir.remove()
  })

  it('runs column statistics in a separate process, reporting progress then the result', async () => {
    const id = addDataset(
      project,
      ['a', 'b'],
      [
        ['1', 'x'],
        ['3', 'x'],
        ['', 'y'],
        ['5', 'NA'],
      ],
    )
    const updates: JobInfo[] = []
    const scheduler = new JobScheduler(testPlatform(dir.path), (i) => updates.push(i))
    const handle = scheduler.submit({ kind: 'columnStats', datasetId: id }, project.path, 'stats')
    const outcome = await handle.done
    expect(outcome.status).toBe('succeeded')
    const result = (outcome as { result: { columns: unknown[] } }).result
    expect(result.columns[0]).toMatchObject({
      name: 'a',
      count: 4,
      missing: 1,
      distinct: 3,
      numeric: { min: 1, max: 5, mean: 3, std: 2 },
    })
    expect(result.columns[1]).toMatchObject({
      name: 'b',
      numeric: null,
      top: [
        { value: 'x', count: 2 },
        { value: 'NA', count: 1 },
        { value: 'y', count: 1 },
      ],
    })
    expect(updates.map((u) => u.status)).toEqual(expect.arrayContaining(['queued', 'running', 'succeeded']))
    expect(updates.some((u) => u.status === 'running' && (u.progress?.fraction ?? 0) > 0)).toBe(true)
  })

  it('cancels a running job mid-way: the process is killed and the outcome is "cancelled"', async () => {
    const id = addDataset(project, ['a', 'b', 'c'], syntheticRows(400_000, 3))
    const updates: JobInfo[] = []
    const { platform, channels } = recordingPlatform(testPlatform(dir.path))
    const scheduler = new JobScheduler(platform, (i) => updates.push(i))
    const handle = scheduler.submit({ kind: 'columnStats', datasetId: id }, project.path, 'stats')
    const midway = await waitFor(updates, (u) => u.status === 'running' && (u.progress?.fraction ?? 0) > 0)
    expect(midway.progress!.fraction).toBeLessThan(1)
    scheduler.cancel(handle.id)
    expect((await handle.done).status).toBe('cancelled')
    expect(scheduler.get(handle.id)?.status).toBe('cancelled')
    await new Promise<void>((resolve) => channels[0].onExit(() => resolve()))
  })

  it('reports a crashed job plainly and leaves the project intact', async () => {
    const rows = syntheticRows(400_000, 3)
    const id = addDataset(project, ['a', 'b', 'c'], rows)
    const updates: JobInfo[] = []
    const { platform, channels } = recordingPlatform(testPlatform(dir.path))
    const scheduler = new JobScheduler(platform, (i) => updates.push(i))
    const handle = scheduler.submit({ kind: 'columnStats', datasetId: id }, project.path, 'stats')
    await waitFor(updates, (u) => u.status === 'running' && (u.progress?.fraction ?? 0) > 0)
    process.kill(channels[0].pid!, 'SIGKILL') // as the OS would on a crash or out-of-memory kill

    const outcome = await handle.done
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { code: 'job.crashed', userMessage: expect.stringMatching(/stopped unexpectedly.*not changed/) },
    })
    project.close()
    project = openProjectFile(project.path)
    expect(getDataset(project.db, id).rowCount).toBe(rows.length)
    expect(pageRows(project.db, id, 399_999, 1).rows).toEqual([rows[399_999]])
  })

  it('runs at most maxConcurrent jobs at once and cancels queued ones without starting them', async () => {
    const id = addDataset(project, ['a'], syntheticRows(1000, 1))
    const updates: JobInfo[] = []
    const { platform, channels } = recordingPlatform(testPlatform(dir.path))
    const scheduler = new JobScheduler(platform, (i) => updates.push(i), 1)
    const first = scheduler.submit({ kind: 'columnStats', datasetId: id }, project.path, 'one')
    const second = scheduler.submit({ kind: 'columnStats', datasetId: id }, project.path, 'two')
    expect(scheduler.get(second.id)?.status).toBe('queued')
    scheduler.cancel(second.id)
    expect((await second.done).status).toBe('cancelled')
    expect((await first.done).status).toBe('succeeded')
    expect(channels).toHaveLength(1)
  })

  it('starts background work after the jobs the user asked for, and leaves them a core', async () => {
    const id = addDataset(project, ['a'], syntheticRows(20_000, 1))
    const spec = { kind: 'columnStats', datasetId: id } as const
    const started = (updates: JobInfo[]) => [
      ...new Set(updates.filter((u) => u.status === 'running').map((u) => u.title)),
    ]

    // Two cores: one background job runs, the second waits, and the user's job starts at once beside the first.
    const two: JobInfo[] = []
    const wide = new JobScheduler(testPlatform(dir.path), (i) => two.push({ ...i }), 2)
    const fillA = wide.submit(spec, project.path, 'fill A', {}, { background: true })
    const fillB = wide.submit(spec, project.path, 'fill B', {}, { background: true })
    const asked = wide.submit(spec, project.path, 'asked', {})
    expect(wide.get(fillB.id)?.status).toBe('queued')
    expect(wide.get(asked.id)?.status).toBe('running')
    await Promise.all([fillA.done, fillB.done, asked.done])
    expect(started(two)).toEqual(['fill A', 'asked', 'fill B'])

    // One core: a job the user asks for while background work waits goes first.
    const one: JobInfo[] = []
    const narrow = new JobScheduler(testPlatform(dir.path), (i) => one.push({ ...i }), 1)
    const first = narrow.submit(spec, project.path, 'first', {})
    const fill = narrow.submit(spec, project.path, 'fill', {}, { background: true })
    const second = narrow.submit(spec, project.path, 'second', {})
    await Promise.all([first.done, fill.done, second.done])
    expect(started(one)).toEqual(['first', 'second', 'fill'])
  })

  it('holds a job queued, saying why, until the work it waits for ends; cancelled meanwhile, it never starts', async () => {
    const id = addDataset(project, ['a'], syntheticRows(1000, 1))
    const spec = { kind: 'columnStats', datasetId: id } as const
    const { platform, channels } = recordingPlatform(testPlatform(dir.path))
    const scheduler = new JobScheduler(platform, () => {}, 2)
    let release!: () => void
    const until = new Promise<void>((r) => (release = r))
    const held = scheduler.submit(spec, project.path, 'held', {}, { after: { until, why: 'Waiting for the fill' } })
    const dropped = scheduler.submit(
      spec,
      project.path,
      'dropped',
      {},
      { after: { until, why: 'Waiting for the fill' } },
    )
    const free = scheduler.submit(spec, project.path, 'free', {})
    expect(scheduler.get(held.id)).toMatchObject({ status: 'queued', progress: { detail: 'Waiting for the fill' } })
    expect(scheduler.get(free.id)?.status).toBe('running')
    scheduler.cancel(dropped.id)
    expect((await dropped.done).status).toBe('cancelled')
    expect((await free.done).status).toBe('succeeded')
    expect(scheduler.get(held.id)?.status).toBe('queued')
    expect(channels).toHaveLength(1)
    release()
    expect((await held.done).status).toBe('succeeded')
    expect(channels).toHaveLength(2)
  })

  it('reports a job error (a dataset that does not exist) as the task’s own message', async () => {
    const scheduler = new JobScheduler(testPlatform(dir.path), () => {})
    const outcome = await scheduler.submit({ kind: 'columnStats', datasetId: 999 }, project.path, 'stats').done
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { code: 'dataset.missing', userMessage: 'That dataset no longer exists in this project.' },
    })
  })
})

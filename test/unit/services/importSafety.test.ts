import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingPlatform, serviceHarness, type ServiceHarness } from '../helpers/services'
import { openProjectFile } from '../../../src/main/store/projectFile'
import type { JobInfo } from '../../../src/shared/domain/jobs'

/** A file big enough that the import is still running when the test interrupts it. */
function bigCsv(dir: string, rows = 300_000): string {
  const path = join(dir, 'big.csv')
  const lines = ['id;amount;city;date']
  for (let i = 0; i < rows; i++)
    lines.push(`${i};${(i % 997) * 1.5};City ${i % 50};2024-01-${String((i % 28) + 1).padStart(2, '0')}`)
  writeFileSync(path, lines.join('\n'))
  return path
}

function tablesOf(path: string): string[] {
  const project = openProjectFile(path)
  const names = project.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[]
  project.close()
  return names
}

async function runningWithRows(h: ServiceHarness, jobId: string): Promise<void> {
  for (;;) {
    const running = h.events.find(
      (e) =>
        e.name === 'job.updated' &&
        (e.payload as JobInfo).id === jobId &&
        /rows read/.test((e.payload as JobInfo).progress?.detail ?? ''),
    )
    if (running) return
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('an interrupted import leaves the project exactly as it was', () => {
  let h: ServiceHarness
  afterEach(() => h.dispose())

  it('cancel mid-import: no dataset, no staging table, earlier data untouched', async () => {
    h = serviceHarness()
    const api = h.services.handlers
    const project = await api['project.create']({ name: 'Cancel' })
    const small = join(h.dir.path, 'small.csv')
    writeFileSync(small, 'a,b\n1,2\n3,4\n')
    const first = await api['import.start']({ path: small, name: 'Small', kind: 'customers' })
    expect((await h.finished(first.id)).status).toBe('succeeded')
    const before = tablesOf(project.path)

    const job = await api['import.start']({ path: bigCsv(h.dir.path), name: 'Big', kind: 'customers' })
    await runningWithRows(h, job.id)
    await api['jobs.cancel']({ jobId: job.id })
    expect((await h.finished(job.id)).status).toBe('cancelled')

    expect((await api['datasets.list']({})).map((d) => d.name)).toEqual(['Small'])
    await api['project.close']({})
    expect(tablesOf(project.path)).toEqual(before)
  })

  it('crash mid-import (job process killed): a plain error, and the project reopens unchanged', async () => {
    const recorder = recordingPlatform()
    h = serviceHarness(recorder.wrap)
    const api = h.services.handlers
    const project = await api['project.create']({ name: 'Crash' })
    const before = tablesOf(project.path)
    const job = await api['import.start']({ path: bigCsv(h.dir.path), name: 'Big', kind: 'customers' })
    await runningWithRows(h, job.id)
    process.kill(recorder.channels.at(-1)!.pid!, 'SIGKILL')
    const end = await h.finished(job.id)
    expect(end).toMatchObject({ status: 'failed', error: { code: 'job.crashed' } })
    expect(await api['datasets.list']({})).toEqual([])
    await api['project.close']({})
    expect(tablesOf(project.path)).toEqual(before)
  })
})

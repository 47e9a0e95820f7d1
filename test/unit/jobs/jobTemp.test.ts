import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingPlatform, serviceHarness, type ServiceHarness } from '../helpers/services'
import type { JobChannel } from '../../../src/main/platform/types'
import { createServices } from '../../../src/main/services'
import { testPlatform } from '../helpers/projects'

/**
 * Nothing of the user's data may stay on disk outside the project once a job has ended. exceljs spools a sheet's XML
 * (cell values) to temp files when the zip stores it before the shared strings (as exceljs itself writes them), and
 * removes them in an exit handler: the job process must exit, not be killed, and spill into a folder of ours.
 */

async function workbook(path: string, rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Customers')
  ws.addRow(['id', 'name', 'city', 'spend'])
  for (let i = 0; i < rows; i++) ws.addRow([i, `Customer ${i}`, `City ${i % 40}`, (i % 997) * 1.25])
  await wb.xlsx.writeFile(path)
  return path
}

/**
 * exceljs's temp files of one process (`tmp` names them `tmp-<pid>-…`) in the system temp folder, other than those
 * already there before the test: process ids are reused, and a process that was killed long ago may have left some.
 */
function systemSpillOf(pid: number | undefined, before: ReadonlySet<string>): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${pid}-`) && !before.has(name))
}

const systemTemp = () => new Set(readdirSync(tmpdir()))

function exitOf(channel: JobChannel): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => channel.onExit((code, signal) => resolve({ code, signal })))
}

describe('job processes leave nothing of the data behind', () => {
  let h: ServiceHarness
  afterEach(() => h.dispose())

  it('an xlsx import exits on its own after its result, and its spill files are gone with its folder', async () => {
    const recorder = recordingPlatform()
    h = serviceHarness(recorder.wrap)
    const api = h.services.handlers
    await api['project.create']({ name: 'Spill' })
    const before = systemTemp()
    const path = await workbook(join(h.dir.path, 'customers.xlsx'), 2000)

    await api['import.inspect']({ path })
    const job = await api['import.start']({ path, name: 'Customers', kind: 'customers' })
    expect((await h.finished(job.id)).status).toBe('succeeded')
    const exits = await Promise.all(recorder.channels.map(exitOf))

    expect(exits).toEqual(recorder.channels.map(() => ({ code: 0, signal: null })))
    for (const channel of recorder.channels) expect(systemSpillOf(channel.pid, before)).toEqual([])
    expect(readdirSync(join(h.dir.path, 'temp'))).toEqual([])
  })

  it('a cancelled import is killed, and its folder goes with it', async () => {
    const recorder = recordingPlatform()
    h = serviceHarness(recorder.wrap)
    const api = h.services.handlers
    await api['project.create']({ name: 'Cancel' })
    const before = systemTemp()
    const path = await workbook(join(h.dir.path, 'big.xlsx'), 30_000)

    const job = await api['import.start']({ path, name: 'Big', kind: 'customers' })
    // Wait until the job has its folder and is reading, then cancel it.
    await expect.poll(() => readdirSync(join(h.dir.path, 'temp')).length).toBe(1)
    await api['jobs.cancel']({ jobId: job.id })
    expect((await h.finished(job.id)).status).toBe('cancelled')
    await Promise.all(recorder.channels.map(exitOf))

    expect(readdirSync(join(h.dir.path, 'temp'))).toEqual([])
    for (const channel of recorder.channels) expect(systemSpillOf(channel.pid, before)).toEqual([])
  })

  it('keeps the temp folder private, and a new start sweeps what a killed run left there', () => {
    h = serviceHarness()
    const temp = join(h.dir.path, 'temp')
    expect(statSync(temp).mode & 0o777).toBe(0o700)
    const orphan = join(temp, 'job-999999999-AbCdEf')
    mkdirSync(orphan)
    writeFileSync(join(orphan, 'tmp-1-sheet'), 'Ann,ann@example.com')
    const live = `job-${process.pid}-AbCdEf`
    mkdirSync(join(temp, live))

    const restarted = createServices(testPlatform(h.dir.path), () => {}, { version: 'test' })
    restarted.dispose()
    // The dead process's folder is gone; a running process's (this one's) is kept.
    expect(readdirSync(temp)).toEqual([live])
  })
})

import { basename } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serviceHarness, type ServiceHarness } from '../helpers/services'

describe('Try with sample data', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = serviceHarness()
  })
  afterEach(() => h.dispose())

  it('a second try makes a project with a name of its own, in a file of its own', async () => {
    const api = h.services.handlers
    const first = await api['project.createSample']({})
    const second = await api['project.createSample']({})
    const third = await api['project.createSample']({})
    expect([first.name, second.name, third.name]).toEqual(['Sample project', 'Sample project 2', 'Sample project 3'])
    expect([first.path, second.path, third.path].map((p) => basename(p))).toEqual([
      'Sample project.segmentlab',
      'Sample project 2.segmentlab',
      'Sample project 3.segmentlab',
    ])
    const names = (await api['projects.recent']({})).map((r) => r.name)
    expect(new Set(names).size).toBe(names.length)
    // The imports of the last one run as ordinary jobs; the earlier ones were cancelled when it replaced them.
    const jobs = h.events.filter((e) => e.name === 'job.updated').map((e) => (e.payload as { id: string }).id)
    await Promise.all([...new Set(jobs)].map((id) => h.finished(id)))
  })
})

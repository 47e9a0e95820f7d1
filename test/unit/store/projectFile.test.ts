import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProjectFile, openProjectFile, openProjectReadOnly } from '../../../src/main/store/projectFile'
import { createStagingTable, stagingInserter } from '../../../src/main/store/repos/staging'
import { getDataset, iterateRows, listDatasets, pageRows } from '../../../src/main/store/repos/datasets'
import { RecentProjects } from '../../../src/main/store/recentProjects'
import { addDataset, tempDir } from '../helpers/projects'

describe('project file', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => (dir = tempDir()))
  afterEach(() => dir.remove())

  it('creates, closes and reopens a project with its datasets (every change committed at once)', () => {
    const path = join(dir.path, 'Shop.segmentlab')
    const project = createProjectFile(path, 'Shop')
    const id = addDataset(
      project,
      ['a', 'b'],
      [
        ['1', 'x'],
        ['2', null],
      ],
    )
    project.close()

    const again = openProjectFile(path)
    expect(listDatasets(again.db).map((d) => [d.name, d.rowCount])).toEqual([['customers', 2]])
    expect(pageRows(again.db, id, 0, 10).rows).toEqual([
      ['1', 'x'],
      ['2', null],
    ])
    again.close()
  })

  it('refuses to overwrite an existing project', () => {
    const path = join(dir.path, 'Shop.segmentlab')
    createProjectFile(path, 'Shop').close()
    expect(() => createProjectFile(path, 'Shop')).toThrow(/already exists/)
  })

  it('says plainly when a file is missing, is not SQLite, or is SQLite but not a project', () => {
    expect(() => openProjectFile(join(dir.path, 'gone.segmentlab'))).toThrow(/was not found/)
    const text = join(dir.path, 'notes.segmentlab')
    writeFileSync(text, 'hello, this is not a database at all, just some text that is long enough')
    expect(() => openProjectFile(text)).toThrow(/not a SegmentLab project or is damaged/)
  })

  it('drops an interrupted import’s staging table on open, leaving the project as it was', () => {
    const path = join(dir.path, 'Shop.segmentlab')
    const project = createProjectFile(path, 'Shop')
    addDataset(project, ['a'], [['1']])
    const staging = createStagingTable(project.db, 1)
    stagingInserter(project.db, staging, 1)([['orphan']])
    project.close() // as if the app had died mid-import

    const again = openProjectFile(path)
    const tables = again.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'staging%'")
      .pluck()
      .all()
    expect(tables).toEqual([])
    expect(listDatasets(again.db)).toHaveLength(1)
    again.close()
  })

  it('iterates rows in chunks in insertion order, and a read-only connection cannot write', () => {
    const path = join(dir.path, 'Shop.segmentlab')
    const project = createProjectFile(path, 'Shop')
    const rows = Array.from({ length: 2_501 }, (_, i) => [String(i)])
    const id = addDataset(project, ['i'], rows)
    const seen = [...iterateRows(project.db, id, 1000)]
    expect(seen.map((c) => c.length)).toEqual([1000, 1000, 501])
    expect(seen.flat().map((r) => r[0])).toEqual(rows.map((r) => r[0]))
    const reader = openProjectReadOnly(path)
    expect(getDataset(reader, id).rowCount).toBe(2_501)
    expect(() => reader.exec('DELETE FROM datasets')).toThrow(/readonly/)
    reader.close()
    project.close()
  })
})

describe('recent projects', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => (dir = tempDir()))
  afterEach(() => dir.remove())

  it('keeps the most recent first, without duplicates, marks missing files, and survives a damaged list', () => {
    const file = join(dir.path, 'recent.json')
    const recents = new RecentProjects(file)
    const a = join(dir.path, 'a.segmentlab')
    writeFileSync(a, '')
    recents.touch(a, 'A')
    recents.touch(join(dir.path, 'b.segmentlab'), 'B')
    recents.touch(a, 'A')
    expect(recents.list().map((r) => [r.name, r.exists])).toEqual([
      ['A', true],
      ['B', false],
    ])
    expect(recents.forget(a).map((r) => r.name)).toEqual(['B'])
    writeFileSync(file, '{ not json')
    expect(recents.list()).toEqual([])
  })
})

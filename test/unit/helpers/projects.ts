import { afterEach, beforeEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createProjectFile, type ProjectFile } from '../../../src/main/store/projectFile'
import { createStagingTable, stagingInserter } from '../../../src/main/store/repos/staging'
import { commitDataset } from '../../../src/main/store/repos/datasets'
import { createNodePlatform } from '../../../src/main/platform/node'
import type { Platform } from '../../../src/main/platform/types'
import type { DatasetKind } from '../../../src/shared/domain/dataset'

/** The job entry as TypeScript, run by tsx: tests exercise the same code the bundle does, without a build. */
export const testJobEntry = { path: resolve('src/main/jobs/entry.ts'), execArgv: ['--import', 'tsx'] }

export function tempDir(prefix = 'segmentlab-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export function testPlatform(dataDir: string): Platform {
  return createNodePlatform({ dataDir, resources: resolve('resources'), jobEntry: testJobEntry })
}

export function newProject(dir: string, name = 'Test project'): ProjectFile {
  return createProjectFile(join(dir, `${name}.segmentlab`), name)
}

/**
 * A new project in a temporary folder for each test of the calling `describe`, closed and removed after it. Read
 * `project` and `dir` inside the tests: each test gets its own.
 */
export function projectPerTest(): { readonly project: ProjectFile; readonly dir: string } {
  let dir: ReturnType<typeof tempDir> | null = null
  let project: ProjectFile | null = null
  beforeEach(() => {
    dir = tempDir()
    project = newProject(dir.path)
  })
  afterEach(() => {
    project?.close()
    dir?.remove()
  })
  return {
    get project() {
      return project!
    },
    get dir() {
      return dir!.path
    },
  }
}

/** Stores rows as a dataset the way an import does: staging table, then one committing transaction. */
export function addDataset(
  project: ProjectFile,
  header: readonly string[],
  rows: readonly (readonly (string | null)[])[],
  kind: DatasetKind = 'customers',
  name = 'customers',
): number {
  const staging = createStagingTable(project.db, header.length)
  const insert = stagingInserter(project.db, staging, header.length)
  for (let i = 0; i < rows.length; i += 10_000) insert(rows.slice(i, i + 10_000))
  return commitDataset(project.db, {
    name,
    kind,
    stagingTable: staging,
    rowCount: rows.length,
    source: null,
    columns: header.map((h) => ({
      name: h,
      type: 'number' as const,
      role: 'feature' as const,
      pii: false,
      typeReason: 'test',
      piiReason: null,
      inference: null,
    })),
  })
}

export function syntheticRows(n: number, cols: number): string[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: cols }, (_, j) => String((i * 31 + j * 7) % 1000)))
}

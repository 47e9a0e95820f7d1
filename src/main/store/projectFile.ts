import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { openDatabase, type Db } from './database'
import { migrate } from './migrate'
import { migrations } from './migrations'
import { setMeta, getMeta } from './repos/meta'
import { dropStagingTables } from './repos/staging'
import { UserError } from '../../shared/errors'

export const PROJECT_EXTENSION = '.segmentlab'

export interface ProjectFile {
  readonly path: string
  readonly db: Db
  close(): void
}

/** Creates a new, empty project file. Refuses to overwrite: a project is the user's data. */
export function createProjectFile(path: string, name: string, nativeBinding?: string): ProjectFile {
  if (existsSync(path)) {
    throw new UserError(`A project named "${basename(path)}" already exists. Choose another name or open it.`, {
      code: 'project.exists',
      detail: path,
    })
  }
  const project = openProjectFile(path, nativeBinding, { create: true })
  project.db.transaction(() => {
    setMeta(project.db, 'name', name)
    setMeta(project.db, 'createdAt', new Date().toISOString())
  })()
  return project
}

/**
 * Opens a project for writing: migrates it, and removes staging tables an interrupted import may have left behind, so
 * the project looks exactly as it did before that import started.
 */
export function openProjectFile(path: string, nativeBinding?: string, options: { create?: boolean } = {}): ProjectFile {
  if (!options.create && !existsSync(path)) {
    throw new UserError(`The project file "${basename(path)}" was not found. It may have been moved or deleted.`, {
      code: 'project.missing',
      detail: path,
    })
  }
  let db: Db
  try {
    db = openDatabase(path, { nativeBinding })
    db.pragma('schema_version') // touches the file header: fails here, not later, when it is not SQLite
  } catch (error) {
    throw new UserError(`"${basename(path)}" is not a SegmentLab project or is damaged.`, {
      code: 'project.unreadable',
      detail: String(error),
      cause: error,
    })
  }
  try {
    migrate(db, path, migrations)
    dropStagingTables(db)
    if (!options.create && getMeta(db, 'name') === null) {
      throw new UserError(`"${basename(path)}" is an SQLite file but not a SegmentLab project.`, {
        code: 'project.foreign',
        detail: path,
      })
    }
  } catch (error) {
    db.close()
    throw error
  }
  return { path, db, close: () => db.close() }
}

/**
 * An import job's connection: it creates and fills the staging table main named for it, and nothing else. The table
 * is referred to by nothing until main renames it into a dataset in its own transaction, so a crash or a cancel
 * leaves only an orphan that main drops. The wait for main's writes is long: main's transactions are short, and an
 * import should wait for one rather than fail.
 */
export function openProjectForStaging(path: string, nativeBinding?: string): Db {
  return openDatabase(path, { mustExist: true, busyTimeoutMs: 60_000, nativeBinding })
}

/** Read-only connection for job processes: they compute from the project and never write it. */
export function openProjectReadOnly(path: string, nativeBinding?: string): Db {
  return openDatabase(path, { readonly: true, nativeBinding })
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { RecentProject } from '../../shared/domain/project'

const MAX_RECENT = 12

interface StoredRecent {
  path: string
  name: string
  openedAt: string
}

/**
 * The recent-projects list: a small JSON file in the user's data folder, written atomically (temp file + rename) so a
 * crash never leaves it half-written. A damaged file is treated as empty rather than blocking the home screen.
 */
export class RecentProjects {
  constructor(private readonly file: string) {}

  list(): RecentProject[] {
    return this.read().map((r) => ({ ...r, exists: existsSync(r.path) }))
  }

  touch(path: string, name: string): RecentProject[] {
    const entries = this.read().filter((r) => r.path !== path)
    entries.unshift({ path, name, openedAt: new Date().toISOString() })
    this.write(entries.slice(0, MAX_RECENT))
    return this.list()
  }

  forget(path: string): RecentProject[] {
    this.write(this.read().filter((r) => r.path !== path))
    return this.list()
  }

  private read(): StoredRecent[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter(isStoredRecent) : []
    } catch {
      return []
    }
  }

  private write(entries: StoredRecent[]): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const temp = `${this.file}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(entries, null, 2))
    renameSync(temp, this.file)
  }
}

function isStoredRecent(value: unknown): value is StoredRecent {
  const v = value as StoredRecent
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.path === 'string' &&
    typeof v.name === 'string' &&
    typeof v.openedAt === 'string'
  )
}

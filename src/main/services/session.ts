import type { ProjectFile } from '../store/projectFile'
import type { Events, EventName } from '../../shared/api'
import { UserError } from '../../shared/errors'

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void

/**
 * What one window works on: at most one open project. Services read it through `requireProject`, which turns "no
 * project open" into a sentence instead of a null dereference.
 */
export class Session {
  private current: ProjectFile | null = null

  get project(): ProjectFile | null {
    return this.current
  }

  requireProject(): ProjectFile {
    if (!this.current) {
      throw new UserError('Open or create a project first.', { code: 'project.none' })
    }
    return this.current
  }

  replace(project: ProjectFile | null): void {
    if (this.current && this.current !== project) this.current.close()
    this.current = project
  }
}

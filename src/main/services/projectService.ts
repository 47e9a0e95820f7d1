import { basename, join } from 'node:path'
import { existsSync } from 'node:fs'
import type { Platform } from '../platform/types'
import type { RecentProjects } from '../store/recentProjects'
import { createProjectFile, openProjectFile, PROJECT_EXTENSION, type ProjectFile } from '../store/projectFile'
import { getMeta } from '../store/repos/meta'
import { countDatasets } from '../store/repos/datasets'
import type { ProjectSummary } from '../../shared/domain/project'
import { UserError } from '../../shared/errors'
import type { Emit, Session } from './session'

export interface ProjectServiceDeps {
  readonly platform: Platform
  readonly session: Session
  readonly recents: RecentProjects
  readonly emit: Emit
  /** Cancels the jobs of the project being closed: their results would have nowhere to go. */
  readonly cancelJobs: () => void
  /** A project became the open one (e.g. to fill in what older versions did not store); must not throw. */
  readonly onActivated?: () => void
}

export function summarize(project: ProjectFile): ProjectSummary {
  return {
    path: project.path,
    name: getMeta(project.db, 'name') ?? basename(project.path, PROJECT_EXTENSION),
    createdAt: getMeta(project.db, 'createdAt') ?? '',
    datasetCount: countDatasets(project.db),
  }
}

/** A file name from a project name: readable, safe on every OS, and never overwriting an existing project. */
export function projectFileFor(dir: string, name: string): string {
  const stem =
    name
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .replace(/\s+/g, ' ')
      .slice(0, 80) || 'Project'
  let path = join(dir, `${stem}${PROJECT_EXTENSION}`)
  for (let i = 2; existsSync(path); i++) path = join(dir, `${stem} (${i})${PROJECT_EXTENSION}`)
  return path
}

export function createProjectService(deps: ProjectServiceDeps) {
  const { platform, session, recents, emit } = deps

  function activate(project: ProjectFile): ProjectSummary {
    deps.cancelJobs()
    session.replace(project)
    const summary = summarize(project)
    recents.touch(project.path, summary.name)
    emit('project.changed', summary)
    deps.onActivated?.()
    return summary
  }

  return {
    create(name: string): ProjectSummary {
      const path = projectFileFor(platform.paths.projects, name)
      return activate(createProjectFile(path, name, platform.sqliteBinding))
    },
    open(path: string): ProjectSummary {
      if (!path.endsWith(PROJECT_EXTENSION)) {
        throw new UserError(
          `"${basename(path)}" is not a SegmentLab project (the name should end in ${PROJECT_EXTENSION}).`,
          {
            code: 'project.wrongExtension',
          },
        )
      }
      if (session.project?.path === path) return summarize(session.project)
      return activate(openProjectFile(path, platform.sqliteBinding))
    },
    current(): ProjectSummary | null {
      return session.project ? summarize(session.project) : null
    },
    close(): null {
      deps.cancelJobs()
      session.replace(null)
      emit('project.changed', null)
      return null
    },
  }
}

export type ProjectService = ReturnType<typeof createProjectService>

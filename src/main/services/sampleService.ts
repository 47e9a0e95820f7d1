import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Platform } from '../platform/types'
import { PROJECT_EXTENSION } from '../store/projectFile'
import type { ProjectSummary } from '../../shared/domain/project'
import type { ProjectService } from './projectService'
import type { ImportService } from './importService'

/** The bundled sample (resources/sample, with its licences): real customers and real transactions. */
export const sampleFiles = [
  { file: 'wholesale-customers.csv', name: 'Wholesale customers', kind: 'customers' },
  { file: 'online-retail-transactions.csv', name: 'Online retail transactions', kind: 'transactions' },
] as const

/**
 * The name of a new sample project: "Sample project", then "Sample project 2", 3… while a project of that name is in
 * the projects folder, so that trying the sample again never lists two projects under one name.
 */
export function sampleProjectName(projectsDir: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'Sample project' : `Sample project ${n}`
    if (!existsSync(join(projectsDir, `${name}${PROJECT_EXTENSION}`))) return name
  }
}

/** "Try with sample data": a new project whose sample imports run as ordinary jobs, with progress and Cancel. */
export function createSampleService(deps: { platform: Platform; projects: ProjectService; imports: ImportService }) {
  return {
    create(): ProjectSummary {
      const summary = deps.projects.create(sampleProjectName(deps.platform.paths.projects))
      for (const s of sampleFiles)
        deps.imports.start(join(deps.platform.paths.resources, 'sample', s.file), s.name, s.kind, {})
      return summary
    },
  }
}

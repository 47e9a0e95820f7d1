import { join } from 'node:path'
import type { Platform } from '../platform/types'
import type { ProjectSummary } from '../../shared/domain/project'
import type { ProjectService } from './projectService'
import type { ImportService } from './importService'

/** The bundled sample (resources/sample, with its licences): real customers and real transactions. */
export const sampleFiles = [
  { file: 'wholesale-customers.csv', name: 'Wholesale customers', kind: 'customers' },
  { file: 'online-retail-transactions.csv', name: 'Online retail transactions', kind: 'transactions' },
] as const

/** "Try with sample data": a new project whose sample imports run as ordinary jobs, with progress and Cancel. */
export function createSampleService(deps: { platform: Platform; projects: ProjectService; imports: ImportService }) {
  return {
    create(): ProjectSummary {
      const summary = deps.projects.create('Sample project')
      for (const s of sampleFiles)
        deps.imports.start(join(deps.platform.paths.resources, 'sample', s.file), s.name, s.kind, {})
      return summary
    },
  }
}

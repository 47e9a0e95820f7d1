import { join } from 'node:path'
import type { Platform } from '../platform/types'
import { JobScheduler } from '../jobs/scheduler'
import { RecentProjects } from '../store/recentProjects'
import type { Handlers } from '../../shared/api'
import { UserError } from '../../shared/errors'
import { Session, type Emit } from './session'
import { createProjectService } from './projectService'
import { createJobService } from './jobService'
import { createDatasetService } from './datasetService'
import { createImportService } from './importService'
import { createPrepService } from './prepService'
import { createSampleService } from './sampleService'
import { createClusterService } from './clusterService'
import { createJoinService } from './joinService'
import { createTypedColumnsService } from './typedColumnsService'
import { createUnderstandService } from './understandService'
import { createMadeFiles } from './madeFiles'
import { createReportFilesService } from './reportFilesService'
import { createRecommendService } from './recommendService'

export interface AppVersion {
  readonly version: string
}

/**
 * The composition root shared by every shell: the Electron IPC bridge, the browser host and the tests bind these same
 * handlers; each shell adds only its transport.
 */
export function createServices(platform: Platform, emit: Emit, app: AppVersion) {
  const session = new Session()
  const scheduler = new JobScheduler(platform, (info) => emit('job.updated', info))
  const recents = new RecentProjects(join(platform.paths.userData, 'recent-projects.json'))
  const jobs = createJobService({ session, scheduler })
  // Columns parsed once into the project: filled after every write of a dataset, and lazily for older projects.
  const typed = createTypedColumnsService({ session, jobs })
  const onDatasetWritten = (datasetId: number) => void typed.refresh(datasetId)
  const projects = createProjectService({
    platform,
    session,
    recents,
    emit,
    cancelJobs: jobs.cancelAll,
    onActivated: () => void typed.refreshAll(),
  })
  // The project summary shows a dataset count: refresh it whenever datasets come or go.
  const onDatasetsChanged = () => emit('project.changed', projects.current())
  const datasets = createDatasetService({ session, jobs, emit, onDatasetsChanged, onTypesChanged: onDatasetWritten })
  const imports = createImportService({ session, jobs, emit, onDatasetsChanged, onDatasetWritten })
  const prep = createPrepService({ session, jobs, imports })
  const sample = createSampleService({ platform, projects, imports })
  const clusters = createClusterService({ session, jobs, emit })
  const joins = createJoinService({ session, jobs, emit, onDatasetsChanged, onDatasetWritten })
  const understand = createUnderstandService({ session, jobs, emit })
  const files = createMadeFiles({ platform })
  const reports = createReportFilesService({ session, platform, files, emit })
  const recommend = createRecommendService({ session, jobs, files })

  const handlers: Handlers = {
    'app.info': async () => ({ version: app.version, shell: platform.shell, projectsDir: platform.paths.projects }),
    'projects.recent': async () => recents.list(),
    'projects.forget': async ({ path }) => recents.forget(path),
    'project.create': async ({ name }) => projects.create(name),
    'project.createSample': async () => sample.create(),
    'project.open': async ({ path }) => projects.open(path),
    'project.current': async () => projects.current(),
    'project.close': async () => projects.close(),
    'datasets.list': async () => datasets.list(),
    'datasets.page': async ({ datasetId, offset, limit }) => datasets.page(datasetId, offset, limit),
    'datasets.columnStats': async ({ datasetId }) => datasets.columnStats(datasetId),
    'jobs.columnStats': async ({ datasetId }) => datasets.computeColumnStats(datasetId),
    'import.inspect': async ({ path, ...settings }) => imports.inspect(path, settings),
    'import.start': async ({ path, name, kind, ...settings }) => imports.start(path, name, kind, settings),
    'datasets.updateColumn': async ({ datasetId, position, ...change }) =>
      datasets.updateColumn(datasetId, position, change),
    'datasets.rename': async ({ datasetId, name }) => datasets.rename(datasetId, name),
    'datasets.delete': async ({ datasetId }) => datasets.remove(datasetId),
    'datasets.join': async ({ customersId, featuresId }) => joins.join(customersId, featuresId),
    'datasets.profile': async ({ datasetId }) => datasets.profile(datasetId),
    'jobs.profile': async ({ datasetId }) => datasets.computeProfile(datasetId),
    'prep.get': async ({ datasetId }) => prep.get(datasetId),
    'prep.save': async ({ datasetId, steps }) => prep.save(datasetId, steps),
    'prep.undo': async ({ datasetId }) => prep.undo(datasetId),
    'prep.preview': async ({ datasetId }) => prep.preview(datasetId),
    'rfm.build': async ({ datasetId, ...options }) => prep.buildRfm(datasetId, options),
    'rfm.summary': async ({ datasetId }) => prep.rfmSummary(datasetId),
    'shell.pickFile': async ({ purpose }) => {
      if (!platform.pickFile)
        throw new UserError('This window cannot open files directly; use the upload button.', {
          code: 'shell.noDialog',
        })
      return platform.pickFile(purpose)
    },
    'cluster.features': async ({ datasetId }) => clusters.features(datasetId),
    'cluster.estimate': async ({ method, rows, features }) => clusters.estimate(method, rows, features),
    'cluster.run': async (settings) => clusters.run(settings),
    'runs.list': async ({ datasetId }) => clusters.list(datasetId),
    'runs.get': async ({ runId }) => clusters.get(runId),
    'runs.dendrogram': async ({ runId, truncateTo }) => clusters.dendrogram(runId, truncateTo),
    'runs.choose': async ({ runId }) => clusters.choose(runId),
    'runs.rename': async ({ runId, name }) => clusters.rename(runId, name),
    'runs.delete': async ({ runId }) => clusters.remove(runId),
    'understand.profile': async ({ runId }) => understand.profile(runId),
    'jobs.understand': async ({ runId }) => understand.compute(runId),
    'segments.update': async ({ runId, segment, ...change }) => understand.update(runId, segment, change),
    'segments.resetName': async ({ runId, segment }) => understand.resetName(runId, segment),
    'report.preview': async (choice) => reports.preview(choice),
    'report.make': async (choice) => reports.make(choice),
    'report.cancel': async ({ buildId }) => reports.cancel(buildId),
    'exports.table': async ({ table, format, ...options }) => reports.exportTable(table, format, options),
    'jobs.recommend': async (settings) => recommend.compute(settings),
    'recommend.model': async () => recommend.model(),
    'recommend.customer': async ({ customer }) => recommend.customer(customer),
    'recommend.segments': async () => recommend.segments(),
    'recommend.sensitive': async () => recommend.sensitive(),
    'recommend.markSensitive': async (marks) => recommend.markSensitive(marks),
    'recommend.items': async ({ query }) => recommend.items(query),
    'recommend.similar': async ({ item }) => recommend.similar(item),
    'exports.recommendations': async ({ format }) => recommend.export(format),
    'jobs.list': async () => jobs.list(),
    'jobs.cancel': async ({ jobId }) => jobs.cancel(jobId),
  }

  return {
    handlers,
    session,
    jobs,
    /** Files made for the browser host's page to download (its /download route takes them). */
    downloads: files,
    /** Closes the project and stops every job; shells call it on quit. */
    dispose(): void {
      jobs.cancelAll()
      files.clear()
      session.replace(null)
    },
  }
}

export type Services = ReturnType<typeof createServices>

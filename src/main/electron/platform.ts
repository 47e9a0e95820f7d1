import { app, dialog, utilityProcess, type BrowserWindow } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { jobEnvironment, type JobChannel, type JobSpawnOptions, type Platform } from '../platform/types'
import { ensurePrivateDir } from '../platform/privateDir'
import { isFromJob, type FromJob, type ToJob } from '../jobs/protocol'
import { PROJECT_EXTENSION } from '../store/projectFile'
import { electronPrintToPdf } from './printPdf'

/** Jobs run in Electron utility processes: Chromium-managed, no renderer access, killed with the app. */
function spawnUtilityJob(entryPath: string, options?: JobSpawnOptions): JobChannel {
  const child = utilityProcess.fork(entryPath, [], {
    serviceName: 'SegmentLab job',
    // Without JOB_EXEC_ARGV: whether a utility process honours V8 flags given as execArgv could not be checked here
    // (no Electron binary), and one it refused would stop every job. Jobs then run with V8's default young generation.
    stdio: 'inherit',
    env: jobEnvironment(options),
  })
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = []
  let exitCode: number | null | undefined
  child.once('exit', (code) => {
    exitCode = code
    for (const l of exitListeners) l(code, null)
  })
  return {
    get pid() {
      return child.pid
    },
    send: (message: ToJob) => child.postMessage(message),
    onMessage: (listener: (message: FromJob) => void) =>
      child.on('message', (m: unknown) => {
        if (isFromJob(m)) listener(m)
      }),
    onExit: (listener) => (exitCode !== undefined ? listener(exitCode, null) : exitListeners.push(listener)),
    kill: () => void child.kill(),
  }
}

export function createElectronPlatform(options: {
  jobEntry: string
  sqliteBinding: string | undefined
  window: () => BrowserWindow | null
}): Platform {
  const projects = join(app.getPath('documents'), 'SegmentLab')
  // Not the shared system temp folder: another local user could prepare a path there and read what we spill.
  const temp = join(app.getPath('userData'), 'temp')
  mkdirSync(projects, { recursive: true })
  ensurePrivateDir(temp)
  return {
    shell: 'desktop',
    paths: {
      userData: app.getPath('userData'),
      projects,
      temp,
      resources: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    },
    sqliteBinding: options.sqliteBinding && existsSync(options.sqliteBinding) ? options.sqliteBinding : undefined,
    spawnJob: (spawn) => spawnUtilityJob(options.jobEntry, spawn),
    printToPdf: electronPrintToPdf(temp),
    async pickFile(purpose) {
      const win = options.window()
      const filters =
        purpose === 'project'
          ? [{ name: 'SegmentLab projects', extensions: [PROJECT_EXTENSION.slice(1)] }]
          : [
              { name: 'Tables', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
              { name: 'All files', extensions: ['*'] },
            ]
      const props: 'openFile'[] = ['openFile']
      const result = win
        ? await dialog.showOpenDialog(win, { properties: props, filters, defaultPath: projects })
        : await dialog.showOpenDialog({ properties: props, filters, defaultPath: projects })
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]
    },
    async saveFile(name, filter) {
      const win = options.window()
      const settings = {
        defaultPath: join(projects, name),
        filters: [{ name: filter.name, extensions: [...filter.extensions] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      }
      const result = win ? await dialog.showSaveDialog(win, settings) : await dialog.showSaveDialog(settings)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}

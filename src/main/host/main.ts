/**
 * The browser host: SegmentLab's services, store and job processes under plain Node, served to a browser on loopback.
 * Used where Electron cannot run and by the end-to-end tests, which read the address from the first line printed.
 *
 *   node out/main/host.js [--port N] [--data-dir DIR]
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createServices } from '../services'
import { createNodePlatform, defaultDataDir } from '../platform/node'
import { appVersion } from '../appVersion'
import { startHost } from './server'

const here = dirname(fileURLToPath(import.meta.url))

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  })
  const platform = createNodePlatform({
    dataDir: values['data-dir'] ?? defaultDataDir(),
    resources: join(here, '../../resources'),
    jobEntry: { path: join(here, 'job.js') },
  })
  let broadcast: (event: string, payload: unknown) => void = () => {}
  const services = createServices(platform, (event, payload) => broadcast(event, payload), { version: appVersion })
  const host = await startHost({
    handlers: services.handlers,
    rendererDir: join(here, '../renderer'),
    uploadDir: join(platform.paths.userData, 'uploads'),
    projectsDir: platform.paths.projects,
    downloads: services.downloads,
    port: values.port ? Number(values.port) : undefined,
  })
  broadcast = host.broadcast
  console.log(`SegmentLab is running at ${host.url}`)
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.')

  const stop = () => {
    services.dispose()
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`SegmentLab could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

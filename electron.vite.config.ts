import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy, metaContentSecurityPolicy, withCspMeta } from './src/main/security/csp'

/**
 * The renderer's CSP as a `<meta>` in the built index.html too, for the pages a response header may not reach. Only
 * in builds: the dev server injects inline scripts (React refresh) that the policy rightly forbids.
 */
export function cspMeta(): Plugin {
  return {
    name: 'segmentlab-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => withCspMeta(html, metaContentSecurityPolicy(contentSecurityPolicy())),
  }
}

/**
 * One build for every shell. `main` bundles the Node entries that share the services: the Electron shell, the
 * browser host, the CLI, the job process (forked by utilityProcess in the app and by child_process elsewhere) and the
 * job's worker threads (k-means, an import's staging writer).
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          electron: resolve('src/main/electron/main.ts'),
          host: resolve('src/main/host/main.ts'),
          cli: resolve('src/main/cli/main.ts'),
          job: resolve('src/main/jobs/entry.ts'),
          // Worker threads of a job's k-means pool; the job entry finds it beside itself.
          kmeansWorker: resolve('src/main/jobs/parallel/kmeansWorker.ts'),
          // The worker thread of an import job that writes the rows into the staging table.
          stagingWriterWorker: resolve('src/main/jobs/parallel/stagingWriterWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), cspMeta()],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})

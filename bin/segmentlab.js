#!/usr/bin/env node
// The `segmentlab` command: a thin launcher for the bundled CLI (built by `npm run build`).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('segmentlab: the app is not built yet. Run `npm run build` first.')
  process.exit(1)
}
await import(pathToFileURL(cli).href)

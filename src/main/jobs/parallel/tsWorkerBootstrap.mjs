// Worker-thread entry for running TypeScript workers straight from source (tests, `node --import tsx` scripts).
// Node 20 does not apply `--import tsx` from a Worker's execArgv, so this file registers tsx's loader itself and then
// imports the real entry named in workerData. Bundled builds start their compiled worker file directly instead.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)

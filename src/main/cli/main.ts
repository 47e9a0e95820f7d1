/** Entry of the bundled CLI (out/main/cli.js), started by bin/segmentlab.js. */
import { runCli } from './run'

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})

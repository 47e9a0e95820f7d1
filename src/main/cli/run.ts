/**
 * The `segmentlab` command line: the same services as the app, headless. Subcommands live in ./commands, one file each; their flags and
 * JSON output are contracts that automated checks rely on.
 */
import { appVersion } from '../appVersion'
import { UserError } from '../../shared/errors'
import { UsageError, type Command } from './command'
import { commands } from './commands'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    `SegmentLab ${appVersion} — customer segmentation on your own computer`,
    '',
    'Usage: segmentlab <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: segmentlab <command> --help)',
    '  -v, --version  show the version',
  ].join('\n')
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    console.log(help())
    return first === undefined ? 2 : 0
  }
  if (first === '-v' || first === '--version') {
    console.log(appVersion)
    return 0
  }
  const command: Command | undefined = commands.find((c) => c.name === first)
  if (!command) {
    console.error(`segmentlab: unknown command "${first}". Run "segmentlab --help" for the list.`)
    return 2
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`segmentlab ${command.name}: ${error.message}\nUsage: ${command.usage}`)
      return 2
    }
    if (error instanceof UserError || isUserFacing(error)) {
      console.error(`segmentlab ${command.name}: ${(error as { userMessage: string }).userMessage}`)
      if (process.env.SEGMENTLAB_DEBUG) console.error((error as Error).stack)
      return 1
    }
    console.error(
      `segmentlab ${command.name}: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    )
    if (process.env.SEGMENTLAB_DEBUG) console.error((error as Error).stack)
    return 1
  }
}

function isUserFacing(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && typeof (error as { userMessage?: unknown }).userMessage === 'string'
  )
}

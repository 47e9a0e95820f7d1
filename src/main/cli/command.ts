export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  /** Returns the process exit code. Throw UsageError for bad flags, UserError for bad input. */
  run(args: readonly string[]): Promise<number>
}

/** Wrong or missing flags: the CLI prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

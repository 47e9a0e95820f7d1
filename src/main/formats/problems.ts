import { UserError } from '../../shared/errors'

/**
 * Why a file could not be read at all. Each kind has one plain sentence naming the file, so the CLI can print a
 * one-liner and the import wizard can show it as is; `detail` keeps what a developer needs (errno, offsets).
 */
export type FileProblemKind =
  | 'notFound'
  | 'noPermission'
  | 'isFolder'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'unsupportedFormat'
  | 'corruptWorkbook'
  | 'noSuchSheet'
  | 'emptySheet'
  | 'unterminatedQuote'
  | 'rowTooLong'
  | 'changedWhileReading'

export class FileProblem extends UserError {
  readonly kind: FileProblemKind
  readonly path: string

  constructor(
    kind: FileProblemKind,
    path: string,
    userMessage: string,
    options: { detail?: string; cause?: unknown } = {},
  ) {
    super(userMessage, { detail: options.detail, code: `file-${kind}`, cause: options.cause })
    this.name = 'FileProblem'
    this.kind = kind
    this.path = path
  }
}

/** The last path segment, for messages: users recognise "orders.csv", not "/home/ana/Downloads/orders.csv". */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** Maps a Node fs error to a FileProblem; anything unexpected stays a generic "could not be read". */
export function fromFsError(path: string, error: unknown): FileProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const name = fileName(path)
  const detail = error instanceof Error ? `${code ?? ''} ${error.message}`.trim() : String(error)
  switch (code) {
    case 'ENOENT':
      return new FileProblem('notFound', path, `"${name}" was not found. It may have been moved, renamed or deleted.`, {
        detail,
        cause: error,
      })
    case 'EACCES':
    case 'EPERM':
      return new FileProblem(
        'noPermission',
        path,
        `"${name}" cannot be opened: you do not have permission to read it.`,
        { detail, cause: error },
      )
    case 'EISDIR':
      return new FileProblem(
        'isFolder',
        path,
        `"${name}" is a folder, not a file. Choose a CSV, text or Excel file inside it.`,
        { detail, cause: error },
      )
    default:
      return new FileProblem('unreadable', path, `"${name}" could not be read (${code ?? 'unknown error'}).`, {
        detail,
        cause: error,
      })
  }
}

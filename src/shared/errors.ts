/**
 * Errors meant for people. The `userMessage` is the one sentence the UI shows ("Row 1,204 has 9 fields; the header
 * has 8."); `detail` is for the log and bug reports. Keeping them apart lets every layer throw something a marketer
 * can read without hiding what a developer needs.
 */
export class UserError extends Error {
  readonly userMessage: string
  readonly detail: string | undefined
  readonly code: string

  constructor(userMessage: string, options: { detail?: string; code?: string; cause?: unknown } = {}) {
    super(userMessage, { cause: options.cause })
    this.name = 'UserError'
    this.userMessage = userMessage
    this.detail = options.detail
    this.code = options.code ?? 'user'
  }
}

/** What crosses a process or IPC boundary: plain data, never an Error instance. */
export interface ErrorPayload {
  readonly userMessage: string
  readonly detail?: string
  readonly code: string
}

/** Anything thrown becomes a payload; unexpected errors get a humble message and keep their stack as detail. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof UserError) {
    return { userMessage: error.userMessage, detail: error.detail, code: error.code }
  }
  if (isErrorPayload(error)) return error
  if (error instanceof Error) {
    return {
      userMessage: 'Something went wrong inside SegmentLab. Your project was not changed.',
      detail: error.stack ?? error.message,
      code: 'internal',
    }
  }
  return { userMessage: 'Something went wrong inside SegmentLab.', detail: String(error), code: 'internal' }
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorPayload).userMessage === 'string' &&
    typeof (value as ErrorPayload).code === 'string'
  )
}

export function fromErrorPayload(payload: ErrorPayload): UserError {
  return new UserError(payload.userMessage, { detail: payload.detail, code: payload.code })
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}

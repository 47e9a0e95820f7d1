import { isRequestName, parseRequestInput, RequestInputError, type Handlers, type Reply } from '../../shared/api'
import { toErrorPayload } from '../../shared/errors'

/**
 * The single entry for requests arriving over any transport (IPC, WebSocket): unknown names and malformed input are
 * refused here, at the boundary, and every failure comes back as a reply rather than an exception.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  log: (line: string) => void = console.error,
): Promise<Reply> {
  try {
    if (!isRequestName(name)) throw new RequestInputError(`Unknown request "${String(name)}".`)
    const parsed = parseRequestInput(name, input)
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed) }
  } catch (error) {
    const payload =
      error instanceof RequestInputError
        ? {
            userMessage: 'SegmentLab received a request it did not understand.',
            detail: error.message,
            code: 'request.invalid',
          }
        : toErrorPayload(error)
    if (payload.detail) log(`[${String(name)}] ${payload.detail}`)
    return { ok: false, error: payload }
  }
}

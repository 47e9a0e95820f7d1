import type { RawData } from 'ws'
import type { Reply } from '../../shared/api'

type MessageId = number | string | null

/** A WebSocket message read as a request (its name and input still unchecked), or the reason it is not one. */
export type WsMessage =
  | { readonly ok: true; readonly id: MessageId; readonly name: string; readonly input: unknown }
  | { readonly ok: false; readonly id: MessageId; readonly problem: string }

/**
 * Reads one WebSocket message as a request. The text is whatever the client sent (`null`, a number, bytes that are not
 * UTF-8), so nothing here may throw; `dispatch` then checks the name and input against the contract.
 */
export function parseWsMessage(raw: RawData, isBinary: boolean): WsMessage {
  if (isBinary) return { ok: false, id: null, problem: 'A binary message is not a request.' }
  let value: unknown
  try {
    value = JSON.parse(String(raw))
  } catch {
    return { ok: false, id: null, problem: 'The message is not JSON.' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, id: null, problem: 'The message is not a JSON object.' }
  const { id, name, input } = value as Record<string, unknown>
  // The id is echoed back to the client, so only plain values are kept.
  const kept = typeof id === 'number' || typeof id === 'string' ? id : null
  if (typeof name !== 'string') return { ok: false, id: kept, problem: 'The message names no request.' }
  return { ok: true, id: kept, name, input }
}

/** The reply to a message that is not a request: the shape of any refused request, so clients need no special case. */
export function invalidMessageReply(problem: string): Reply {
  return {
    ok: false,
    error: {
      userMessage: 'SegmentLab received a request it did not understand.',
      detail: problem,
      code: 'request.invalid',
    },
  }
}

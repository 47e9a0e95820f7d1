import { createContext, useContext, useEffect, useRef } from 'react'
import type { Bridge, EventName, Events } from '../../../shared/api'

const ApiContext = createContext<Bridge | null>(null)
export const ApiProvider = ApiContext.Provider

export function useApi(): Bridge {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside ApiProvider')
  return api
}

/** Subscribes to a main-process event for the lifetime of the component; the latest callback is always used. */
export function useEvent<E extends EventName>(event: E, callback: (payload: Events[E]) => void): void {
  const api = useApi()
  const latest = useRef(callback)
  useEffect(() => {
    latest.current = callback
  })
  useEffect(() => api.listen(event, (payload) => latest.current(payload)), [api, event])
}

/** The user-facing sentence of anything a request rejected with. */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'userMessage' in error)
    return String((error as { userMessage: string }).userMessage)
  return error instanceof Error ? error.message : String(error)
}

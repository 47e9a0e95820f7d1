import { useState } from 'react'
import type { RequestInput } from '../../../../shared/api'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { messageOf, useApi } from '../../api/ApiContext'

type Patch = Omit<RequestInput<'segments.update'>, 'runId' | 'segment'>

export interface SegmentUpdate {
  /** Saves a change to the segment's label; resolves true when it was stored. */
  readonly update: (patch: Patch) => Promise<boolean>
  /** Puts the suggested name back. */
  readonly resetName: () => Promise<boolean>
  readonly busy: boolean
  readonly error: string | null
  readonly dismiss: () => void
}

/** Changes to one segment's name, colour and notes; the run that comes back replaces the shown one at once. */
export function useSegmentUpdate(runId: number, segment: number, onRun: (run: ClusterRun) => void): SegmentUpdate {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const send = (work: Promise<ClusterRun>) => {
    setBusy(true)
    return work
      .then((run) => {
        onRun(run)
        setError(null)
        return true
      })
      .catch((e: unknown) => {
        setError(messageOf(e))
        return false
      })
      .finally(() => setBusy(false))
  }
  return {
    update: (patch) => send(api.invoke('segments.update', { runId, segment, ...patch })),
    resetName: () => send(api.invoke('segments.resetName', { runId, segment })),
    busy,
    error,
    dismiss: () => setError(null),
  }
}

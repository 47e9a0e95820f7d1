import { useCallback, useRef, useState } from 'react'
import type { Progress } from '../../../../shared/domain/jobs'
import type { MadeFile } from '../../../../shared/domain/report'
import { messageOf, useApi, useEvent } from '../../api/ApiContext'

export type MadeFileState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running'
      readonly what: string
      readonly buildId: string | null
      readonly progress: Progress | null
    }
  | { readonly status: 'done'; readonly message: string }
  | { readonly status: 'cancelled'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string }

/**
 * Makes one file at a time (a report, an export) and brings it to the user: saved through the desktop's dialog, or
 * downloaded by the browser. Report builds report progress through 'report.progress' and stop on 'report.cancel'.
 */
export function useMadeFile() {
  const api = useApi()
  const [state, setState] = useState<MadeFileState>({ status: 'idle' })
  const current = useRef<string | null>(null)

  useEvent('report.progress', ({ buildId, progress }) => {
    if (buildId !== current.current) return
    setState((s) => (s.status === 'running' && s.buildId === buildId ? { ...s, progress } : s))
  })

  /** Runs `make`; `buildId` names a report build so its progress shows and Cancel can stop it. */
  const run = useCallback(
    async (what: string, make: (buildId: string) => Promise<MadeFile | null>, cancellable: boolean) => {
      const buildId = cancellable ? `build-${crypto.randomUUID()}` : null
      current.current = buildId
      setState({ status: 'running', what, buildId, progress: null })
      try {
        const made = await make(buildId ?? '')
        if (!made) return setState({ status: 'idle' })
        if (made.kind === 'download') {
          if (!api.saveDownload) throw new Error('This window cannot download files.')
          await api.saveDownload(made)
          setState({ status: 'done', message: `Downloaded “${made.name}”.` })
        } else setState({ status: 'done', message: `Saved “${made.name}” to ${made.path}.` })
      } catch (error) {
        const cancelled = (error as { code?: string }).code === 'job.cancelled'
        setState(
          cancelled
            ? { status: 'cancelled', message: 'Cancelled: nothing was saved.' }
            : { status: 'failed', message: messageOf(error) },
        )
      } finally {
        current.current = null
      }
    },
    [api],
  )

  const cancel = useCallback(() => {
    if (current.current) void api.invoke('report.cancel', { buildId: current.current }).catch(() => {})
  }, [api])

  const dismiss = useCallback(() => setState({ status: 'idle' }), [])
  return { state, run, cancel, dismiss }
}

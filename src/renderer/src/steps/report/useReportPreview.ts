import { useEffect, useState } from 'react'
import type { ReportPreview } from '../../../../shared/domain/report'
import { messageOf, useApi } from '../../api/ApiContext'
import type { ReportChoice } from './reportChoice'

/** How long the settings must rest before the preview is rebuilt: ticking three boxes makes one preview, not three. */
const SETTLE_MS = 250

/** The report's preview for the current settings, rebuilt in main as they change; the last one stays until then. */
export function useReportPreview(runId: number, choice: ReportChoice) {
  const api = useApi()
  const [value, setValue] = useState<ReportPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const empty = Object.values(choice.sections).every((on) => !on)

  useEffect(() => {
    if (empty) return
    let live = true
    setLoading(true)
    const timer = setTimeout(() => {
      api
        .invoke('report.preview', { runId, ...choice, includePersonal: [...choice.includePersonal] })
        .then((p) => {
          if (!live) return
          setValue(p)
          setError(null)
        })
        .catch((e: unknown) => live && setError(messageOf(e)))
        .finally(() => live && setLoading(false))
    }, SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, runId, choice, empty])

  return { value, error, loading: loading && !empty }
}

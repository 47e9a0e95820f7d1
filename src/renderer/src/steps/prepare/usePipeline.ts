import { useCallback, useEffect, useRef, useState } from 'react'
import type { PrepStep } from '../../../../shared/domain/prep'
import type { PrepPipeline, PrepPreview } from '../../../../shared/domain/prepared'
import { messageOf, useApi } from '../../api/ApiContext'

const noSteps: readonly PrepStep[] = []

export interface PipelineState {
  readonly pipeline: PrepPipeline | undefined
  /** The steps to show: the change being saved, if any (shown at once), else the saved pipeline's. */
  readonly steps: readonly PrepStep[]
  readonly preview: PrepPreview | null
  readonly previewing: boolean
  readonly previewError: string | null
  /** True while a save or undo is on its way; edits wait, so two versions never race. */
  readonly saving: boolean
  readonly error: string | null
  readonly clearError: () => void
  readonly save: (steps: readonly PrepStep[]) => Promise<boolean>
  readonly undo: () => Promise<void>
}

/**
 * A dataset's preparation pipeline and its preview. Every change is saved at once (the server keeps the versions that
 * undo walks back through), then the preview is recomputed; an answer that arrives after a newer request is dropped.
 */
export function usePipeline(datasetId: number): PipelineState {
  const api = useApi()
  const [pipeline, setPipeline] = useState<PrepPipeline | undefined>(undefined)
  const [preview, setPreview] = useState<PrepPreview | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [optimistic, setOptimistic] = useState<readonly PrepStep[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)

  const refreshPreview = useCallback(() => {
    const ticket = ++latest.current
    setPreviewing(true)
    api
      .invoke('prep.preview', { datasetId })
      .then((result) => {
        if (ticket !== latest.current) return
        setPreview(result)
        setPreviewError(null)
      })
      .catch((e: unknown) => {
        if (ticket === latest.current) setPreviewError(messageOf(e))
      })
      .finally(() => {
        if (ticket === latest.current) setPreviewing(false)
      })
  }, [api, datasetId])

  useEffect(() => {
    let live = true
    // Leaving this dataset makes any preview still on its way stale (the counter is not a DOM ref).
    const tickets = latest
    api
      .invoke('prep.get', { datasetId })
      .then((p) => {
        if (!live) return
        setPipeline(p)
        refreshPreview()
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
      tickets.current++
    }
  }, [api, datasetId, refreshPreview])

  const save = useCallback(
    async (steps: readonly PrepStep[]) => {
      setSaving(true)
      setOptimistic(steps)
      setError(null)
      try {
        setPipeline(await api.invoke('prep.save', { datasetId, steps: [...steps] }))
        refreshPreview()
        return true
      } catch (e) {
        setError(messageOf(e))
        return false
      } finally {
        setOptimistic(null)
        setSaving(false)
      }
    },
    [api, datasetId, refreshPreview],
  )

  const undo = useCallback(async () => {
    setSaving(true)
    setError(null)
    try {
      setPipeline(await api.invoke('prep.undo', { datasetId }))
      refreshPreview()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setSaving(false)
    }
  }, [api, datasetId, refreshPreview])

  return {
    pipeline,
    steps: optimistic ?? pipeline?.steps ?? noSteps,
    preview,
    previewing,
    previewError,
    saving,
    error,
    clearError: useCallback(() => setError(null), []),
    save,
    undo,
  }
}

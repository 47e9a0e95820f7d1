import { useEffect, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { FeatureChoice } from '../../../../shared/domain/cluster'
import type { RequestInput } from '../../../../shared/api'
import { messageOf, useApi } from '../../api/ApiContext'
import { FeaturePicker } from './FeaturePicker'
import { MethodSettings } from './MethodSettings'
import { isHierarchical } from './explanations'
import { defaultForm, formProblem, toRunInput, type SegmentForm } from './settingsForm'
import { useMemoryEstimate } from './useMemoryEstimate'

/**
 * The "choose your segments" form for one dataset: which features, which method, then "Find segments". Keyed by the
 * dataset, so switching tables starts afresh with that table's recommended features.
 */
export function SegmentSetup({
  dataset,
  busy,
  onRun,
}: {
  dataset: DatasetSummary
  busy: boolean
  onRun: (input: RequestInput<'cluster.run'>) => void
}) {
  const api = useApi()
  const [features, setFeatures] = useState<readonly FeatureChoice[] | null>(null)
  const [featureError, setFeatureError] = useState<string | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [form, setForm] = useState<SegmentForm>(defaultForm)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    api
      .invoke('cluster.features', { datasetId: dataset.id })
      .then((list) => {
        if (!live) return
        setFeatures(list)
        setFeatureError(null)
        setSelected(new Set(list.filter((f) => f.recommended).map((f) => f.name)))
      })
      .catch((e: unknown) => live && setFeatureError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api, dataset.id, attempt])

  const hierarchical = form.mode === 'advanced' && isHierarchical(form.method)
  const { estimate, sampleMax } = useMemoryEstimate(
    dataset.id,
    form.method,
    dataset.rowCount,
    selected.size,
    hierarchical,
  )
  // Offer the largest sample that fits once we know it.
  const [offered, setOffered] = useState<number | null>(null)
  if (sampleMax !== offered) {
    setOffered(sampleMax)
    if (sampleMax !== null) setForm((f) => ({ ...f, sampleSize: sampleMax }))
  }

  const ordered = features?.filter((f) => selected.has(f.name)).map((f) => f.name) ?? []
  const problem = formProblem(form, ordered.length, sampleMax)
  const tooBig = hierarchical && estimate !== null && !estimate.fits && !form.useSample

  return (
    <section className="panel" aria-labelledby="setup-title">
      <h2 id="setup-title">1. Features to compare customers on</h2>
      {featureError ? (
        <div className="note note--error" role="alert">
          <span>{featureError}</span>
          <button type="button" className="button button--small" onClick={() => setAttempt((a) => a + 1)}>
            Try again
          </button>
        </div>
      ) : features === null ? (
        <p className="muted" role="status">
          Reading the prepared features of {dataset.name}…
        </p>
      ) : features.length === 0 ? (
        <div className="note note--warn" role="note">
          {dataset.name} has no numeric features to segment on. Build customer features (for example RFM from
          transactions) in the Prepare step, or choose another table.
        </div>
      ) : (
        <FeaturePicker features={features} selected={selected} onChange={setSelected} />
      )}

      <h2 className="setup__second">2. Method</h2>
      <MethodSettings
        form={form}
        onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
        rows={dataset.rowCount}
        estimate={hierarchical ? estimate : null}
        sampleMax={sampleMax}
      />

      <div className="setup__run">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || problem !== null || tooBig || !features?.length}
          onClick={() => onRun(toRunInput(form, dataset.id, ordered))}
        >
          Find segments
        </button>
        {features && features.length > 0 && problem && <span className="muted small">{problem}</span>}
        {!problem && tooBig && <span className="muted small">Tick “Cluster a sample” or choose K-means to go on.</span>}
        {busy && <span className="muted small">A segmentation is running…</span>}
      </div>
    </section>
  )
}

import { useEffect, useRef, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { ClusterRun, FeatureChoice, FeatureFix } from '../../../../shared/domain/cluster'
import type { RequestInput } from '../../../../shared/api'
import { messageOf, useApi } from '../../api/ApiContext'
import { FeaturePicker } from './FeaturePicker'
import { MethodSettings } from './MethodSettings'
import { isHierarchical } from './explanations'
import { freshId } from '../prepare/pipelineOps'
import {
  defaultForm,
  formFromSettings,
  formProblem,
  settingsDiffer,
  toRunInput,
  type SegmentForm,
} from './settingsForm'
import { useMemoryEstimate } from './useMemoryEstimate'

/**
 * The "choose your segments" form for one dataset: which features, which method, then "Find segments". Keyed by the
 * dataset. It opens on the settings of the run shown below it (the table's recommended features when there is none),
 * and says so — or says what differs once the form is changed, since "Find segments" uses the form, not the run.
 * A column a run cannot use as it stands comes with a one-click fix recorded as a Prepare step.
 */
export function SegmentSetup({
  dataset,
  run,
  busy,
  onRun,
}: {
  dataset: DatasetSummary
  /** The run shown below the form; undefined while runs are loading. */
  run: ClusterRun | null | undefined
  busy: boolean
  onRun: (input: RequestInput<'cluster.run'>) => void
}) {
  const api = useApi()
  const [features, setFeatures] = useState<readonly FeatureChoice[] | null>(null)
  const [featureError, setFeatureError] = useState<string | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [form, setForm] = useState<SegmentForm>(defaultForm)
  const [attempt, setAttempt] = useState(0)
  // The first selection waits for both the features and the run shown, so it can start from the run's own settings.
  const [initialised, setInitialised] = useState(false)
  const [fixing, setFixing] = useState(false)
  const [fixed, setFixed] = useState<string | null>(null)
  // The column just made usable: ticked when the features come back.
  const justFixed = useRef<string | null>(null)

  useEffect(() => {
    let live = true
    api
      .invoke('cluster.features', { datasetId: dataset.id })
      .then((list) => {
        if (!live) return
        setFeatures(list)
        setFeatureError(null)
        const usable = new Set(list.filter((f) => f.available).map((f) => f.name))
        const from = justFixed.current
        justFixed.current = null
        setSelected((before) => {
          const next = new Set([...before].filter((name) => usable.has(name)))
          if (from !== null) for (const name of usable) if (name === from || name.startsWith(`${from}=`)) next.add(name)
          return next
        })
      })
      .catch((e: unknown) => live && setFeatureError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api, dataset.id, attempt])

  if (!initialised && features !== null && run !== undefined) {
    setInitialised(true)
    const usable = new Set(features.filter((f) => f.available).map((f) => f.name))
    if (run && run.datasetId === dataset.id) {
      setSelected(new Set(run.settings.features.filter((name) => usable.has(name))))
      setForm((f) => formFromSettings(run.settings, f))
    } else setSelected(new Set(features.filter((f) => f.recommended).map((f) => f.name)))
  }

  async function applyFix(feature: FeatureChoice, fix: FeatureFix) {
    setFixing(true)
    setFeatureError(null)
    setFixed(null)
    try {
      const { steps } = await api.invoke('prep.get', { datasetId: dataset.id })
      const step = { ...fix.step, id: freshId(steps, fix.step.kind) }
      await api.invoke('prep.save', { datasetId: dataset.id, steps: [...steps, step] })
      justFixed.current = feature.name
      setFixed(`Recorded in Prepare for ${feature.name}: ${fix.label[0].toLowerCase()}${fix.label.slice(1)}.`)
      setAttempt((a) => a + 1)
    } catch (e) {
      setFeatureError(`Could not change ${feature.name}: ${messageOf(e)}`)
    } finally {
      setFixing(false)
    }
  }

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

  const ordered = features?.filter((f) => f.available && selected.has(f.name)).map((f) => f.name) ?? []
  const problem = formProblem(form, ordered.length, sampleMax)
  const tooBig = hierarchical && estimate !== null && !estimate.fits && !form.useSample
  const usableCount = features?.filter((f) => f.available).length ?? 0
  const shown = initialised && run && run.datasetId === dataset.id ? run : null
  const differs = shown ? settingsDiffer(form, ordered, shown.settings) : []

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
      ) : (
        <>
          {usableCount === 0 && (
            <div className="note note--warn" role="note">
              {dataset.name} has no numeric features to segment on yet. Use a column listed below, build customer
              features (for example RFM from transactions) in the Prepare step, or choose another table.
            </div>
          )}
          {fixed && (
            <div className="note note--info" role="status">
              <span>{fixed}</span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setFixed(null)}
                aria-label="Dismiss"
              >
                ✕
              </button>
            </div>
          )}
          <FeaturePicker
            features={features}
            selected={selected}
            onChange={setSelected}
            onFix={(f, fix) => void applyFix(f, fix)}
            fixing={fixing || busy}
          />
        </>
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
          disabled={busy || problem !== null || tooBig || usableCount === 0}
          onClick={() => onRun(toRunInput(form, dataset.id, ordered))}
        >
          Find segments
        </button>
        {usableCount > 0 && problem && <span className="muted small">{problem}</span>}
        {!problem && tooBig && <span className="muted small">Tick “Cluster a sample” or choose K-means to go on.</span>}
        {busy && <span className="muted small">A segmentation is running…</span>}
      </div>
      {shown &&
        !busy &&
        (differs.length === 0 ? (
          <p className="muted small setup__sync" role="status">
            These are the settings of “{shown.name}”, shown below.
          </p>
        ) : (
          <div className="note note--warn setup__sync" role="note" aria-label="Settings changed">
            <span>
              The form has changed since “{shown.name}”, shown below ({differs.join(', ')}): “Find segments” starts a
              new run with the form as it is now.
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                const usable = new Set(features?.filter((f) => f.available).map((f) => f.name))
                setSelected(new Set(shown.settings.features.filter((name) => usable.has(name))))
                setForm((f) => formFromSettings(shown.settings, f))
              }}
            >
              Back to its settings
            </button>
          </div>
        ))}
    </section>
  )
}

import type { ReactNode } from 'react'
import type { MemoryEstimate } from '../../../../shared/domain/cluster'
import { countOf, formatCount } from '../../ui/format'
import { isHierarchical, methodChoices, scaleChoices } from './explanations'
import { minSampleSize, type SegmentForm } from './settingsForm'

/**
 * How to find the segments: "Automatic" (the documented defaults, explained in one paragraph) or "Advanced", which
 * reveals every setting with a sentence on what it does. Radio groups are native, so arrow keys move between choices.
 */
export function MethodSettings({
  form,
  onChange,
  rows,
  estimate,
  sampleMax,
}: {
  form: SegmentForm
  onChange: (patch: Partial<SegmentForm>) => void
  rows: number
  estimate: MemoryEstimate | null
  sampleMax: number | null
}) {
  return (
    <div className="method">
      <fieldset className="kind-choices method__modes">
        <legend>How should SegmentLab find the segments?</legend>
        <Choice
          name="mode"
          checked={form.mode === 'automatic'}
          onSelect={() => onChange({ mode: 'automatic' })}
          title="Automatic (recommended)"
        >
          K-means on features put on the same scale, trying 2 to 10 segments and keeping the number that separates your
          customers best. You will see why that number was chosen.
        </Choice>
        <Choice
          name="mode"
          checked={form.mode === 'advanced'}
          onSelect={() => onChange({ mode: 'advanced' })}
          title="Advanced"
        >
          Choose the method, the number of segments, how features are scaled and how hard to search.
        </Choice>
      </fieldset>
      {form.mode === 'advanced' && (
        <Advanced form={form} onChange={onChange} rows={rows} estimate={estimate} sampleMax={sampleMax} />
      )}
    </div>
  )
}

function Advanced({
  form,
  onChange,
  rows,
  estimate,
  sampleMax,
}: {
  form: SegmentForm
  onChange: (patch: Partial<SegmentForm>) => void
  rows: number
  estimate: MemoryEstimate | null
  sampleMax: number | null
}) {
  const number = (value: string) => (value.trim() === '' ? NaN : Number(value))
  const hierarchical = isHierarchical(form.method)
  return (
    <div className="advanced">
      <fieldset className="method__group">
        <legend>Method</legend>
        <div className="method__choices">
          {methodChoices.map((m) => (
            <Choice
              key={m.value}
              name="method"
              checked={form.method === m.value}
              onSelect={() => onChange({ method: m.value })}
              title={m.label}
            >
              {m.explain}
            </Choice>
          ))}
        </div>
      </fieldset>

      {hierarchical && estimate && (
        <div className={`note ${estimate.fits ? 'note--info' : 'note--warn'} note--block`} role="status">
          <p>{estimate.advice}</p>
          {!estimate.fits && (
            <div className="sample">
              <label className="check">
                <input
                  type="checkbox"
                  checked={form.useSample}
                  onChange={(e) => onChange({ useSample: e.target.checked })}
                />
                Cluster a sample of {formatCount(form.sampleSize)} customers, then assign everyone
              </label>
              <label className="field field--inline">
                <span>Sample size</span>
                <input
                  type="number"
                  min={minSampleSize}
                  max={sampleMax ?? rows}
                  step={1}
                  value={Number.isNaN(form.sampleSize) ? '' : form.sampleSize}
                  onChange={(e) => onChange({ sampleSize: number(e.target.value), useSample: true })}
                />
              </label>
              {sampleMax !== null && <p className="help">At most {countOf(sampleMax, 'customer')} fit in memory.</p>}
            </div>
          )}
        </div>
      )}

      <div className="advanced__grid">
        <fieldset className="method__group">
          <legend>Number of segments</legend>
          <label className="check">
            <input
              type="radio"
              name="kMode"
              checked={form.kMode === 'auto'}
              onChange={() => onChange({ kMode: 'auto' })}
            />
            Recommend a number for me
          </label>
          <div className="advanced__row" aria-disabled={form.kMode !== 'auto'}>
            <label className="field field--inline">
              <span>Fewest to try</span>
              <input
                type="number"
                min={2}
                max={50}
                value={Number.isNaN(form.kMin) ? '' : form.kMin}
                disabled={form.kMode !== 'auto'}
                onChange={(e) => onChange({ kMin: number(e.target.value) })}
              />
            </label>
            <label className="field field--inline">
              <span>Most to try</span>
              <input
                type="number"
                min={2}
                max={50}
                value={Number.isNaN(form.kMax) ? '' : form.kMax}
                disabled={form.kMode !== 'auto'}
                onChange={(e) => onChange({ kMax: number(e.target.value) })}
              />
            </label>
          </div>
          <label className="check">
            <input
              type="radio"
              name="kMode"
              checked={form.kMode === 'fixed'}
              onChange={() => onChange({ kMode: 'fixed' })}
            />
            Exactly this many
          </label>
          <label className="field field--inline">
            <span>Number of segments</span>
            <input
              type="number"
              min={2}
              max={50}
              value={Number.isNaN(form.k) ? '' : form.k}
              disabled={form.kMode !== 'fixed'}
              onChange={(e) => onChange({ k: number(e.target.value) })}
            />
          </label>
        </fieldset>

        <label className="field">
          <span>Scaling</span>
          <select
            value={form.scale}
            onChange={(e) => onChange({ scale: e.target.value as SegmentForm['scale'] })}
            aria-describedby="scale-help"
          >
            {scaleChoices.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <p className="help" id="scale-help">
            {scaleChoices.find((s) => s.value === form.scale)?.explain}
          </p>
        </label>

        <div>
          <label className="field">
            <span>Seed</span>
            <input
              type="number"
              min={0}
              step={1}
              value={Number.isNaN(form.seed) ? '' : form.seed}
              onChange={(e) => onChange({ seed: number(e.target.value) })}
              aria-describedby="seed-help"
            />
            <p className="help" id="seed-help">
              The same seed gives the same segments every time; change it to see whether they hold up.
            </p>
          </label>
          {!hierarchical && (
            <label className="field">
              <span>Restarts</span>
              <input
                type="number"
                min={1}
                max={100}
                step={1}
                value={Number.isNaN(form.nInit) ? '' : form.nInit}
                onChange={(e) => onChange({ nInit: number(e.target.value) })}
                aria-describedby="restarts-help"
              />
              <p className="help" id="restarts-help">
                K-means starts from random points; it tries this many starts and keeps the best. More is safer and
                slower.
              </p>
            </label>
          )}
        </div>

        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={form.stability}
              disabled={form.kMode !== 'auto'}
              onChange={(e) => onChange({ stability: e.target.checked })}
              aria-describedby="stability-help"
            />
            Check stability
          </label>
          <p className="help" id="stability-help">
            Refits on resampled customers for each number of segments to see whether the same segments come back. Slower
            (several times the work); only when a number is being recommended.
          </p>
        </div>
      </div>
    </div>
  )
}

function Choice({
  name,
  checked,
  onSelect,
  title,
  children,
}: {
  name: string
  checked: boolean
  onSelect: () => void
  title: string
  children: ReactNode
}) {
  return (
    <label className={`kind-choice${checked ? ' kind-choice--selected' : ''}`}>
      <input type="radio" name={name} checked={checked} onChange={onSelect} />
      <span className="kind-choice__text">
        <strong>{title}</strong>
        <span className="muted">{children}</span>
      </span>
    </label>
  )
}

import type { ReactNode } from 'react'
import type { MemoryEstimate } from '../../../../shared/domain/cluster'
import { ChoiceCard } from '../../ui/ChoiceCard'
import { countOf, formatCount } from '../../ui/format'
import { NumberField } from '../../ui/NumberField'
import { SelectField } from '../../ui/SelectField'
import { isHierarchical, methodChoices, scaleChoices } from './explanations'
import { minSampleSize, segmentCounts, type SegmentForm } from './settingsForm'

interface MethodSettingsProps {
  form: SegmentForm
  onChange: (patch: Partial<SegmentForm>) => void
  /** Rows of the table: the largest sample when the memory estimate gives none. */
  rows: number
  estimate: MemoryEstimate | null
  sampleMax: number | null
}

/**
 * How to find the segments: "Automatic" (the documented defaults, explained in one paragraph) or "Advanced", which
 * reveals every setting with a sentence on what it does. Radio groups are native, so arrow keys move between choices.
 */
export function MethodSettings(props: MethodSettingsProps) {
  const { form, onChange } = props
  return (
    <div className="method">
      <fieldset className="kind-choices method__modes">
        <legend>How should SegmentLab find the segments?</legend>
        <ChoiceCard
          name="mode"
          checked={form.mode === 'automatic'}
          onSelect={() => onChange({ mode: 'automatic' })}
          title="Automatic (recommended)"
        >
          K-means on features put on the same scale, with strongly skewed amounts evened out (as the quality check
          advises). Tries 2 to 10 segments and keeps the number that separates your customers best, preferring 3 to 8 (a
          number a business can act on) unless the scores clearly say otherwise. You will see why that number was
          chosen.
        </ChoiceCard>
        <ChoiceCard
          name="mode"
          checked={form.mode === 'advanced'}
          onSelect={() => onChange({ mode: 'advanced' })}
          title="Advanced"
        >
          Choose the method, the number of segments, how features are scaled and how hard to search.
        </ChoiceCard>
      </fieldset>
      {form.mode === 'advanced' && <Advanced {...props} />}
    </div>
  )
}

function Advanced({ form, onChange, rows, estimate, sampleMax }: MethodSettingsProps) {
  const hierarchical = isHierarchical(form.method)
  return (
    <div className="advanced">
      <fieldset className="method__group">
        <legend>Method</legend>
        <div className="method__choices">
          {methodChoices.map((m) => (
            <ChoiceCard
              key={m.value}
              name="method"
              checked={form.method === m.value}
              onSelect={() => onChange({ method: m.value })}
              title={m.label}
            >
              {m.explain}
            </ChoiceCard>
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
              <NumberField
                label="Sample size"
                className="field--inline"
                min={minSampleSize}
                max={sampleMax ?? rows}
                step={1}
                value={form.sampleSize}
                onChange={(sampleSize) => onChange({ sampleSize, useSample: true })}
              />
              {sampleMax !== null && <p className="help">At most {countOf(sampleMax, 'customer')} fit in memory.</p>}
            </div>
          )}
        </div>
      )}

      <div className="advanced__grid">
        <fieldset className="method__group">
          <legend>Number of segments</legend>
          <KModeRadio form={form} onChange={onChange} kMode="auto">
            Recommend a number for me
          </KModeRadio>
          <div className="advanced__row" aria-disabled={form.kMode !== 'auto'}>
            <SegmentCountField
              label="Fewest to try"
              value={form.kMin}
              disabled={form.kMode !== 'auto'}
              onChange={(kMin) => onChange({ kMin })}
            />
            <SegmentCountField
              label="Most to try"
              value={form.kMax}
              disabled={form.kMode !== 'auto'}
              onChange={(kMax) => onChange({ kMax })}
            />
          </div>
          <KModeRadio form={form} onChange={onChange} kMode="fixed">
            Exactly this many
          </KModeRadio>
          <SegmentCountField
            label="Number of segments"
            value={form.k}
            disabled={form.kMode !== 'fixed'}
            onChange={(k) => onChange({ k })}
          />
        </fieldset>

        <SelectField
          label="Scaling"
          value={form.scale}
          choices={scaleChoices}
          onChange={(scale) => onChange({ scale })}
          help={scaleChoices.find((s) => s.value === form.scale)?.explain}
        />

        <div>
          <NumberField
            label="Seed"
            min={0}
            step={1}
            value={form.seed}
            onChange={(seed) => onChange({ seed })}
            help="The same seed gives the same segments every time; change it to see whether they hold up."
          />
          {!hierarchical && (
            <NumberField
              label="Restarts"
              min={1}
              max={100}
              step={1}
              value={form.nInit}
              onChange={(nInit) => onChange({ nInit })}
              help="K-means starts from random points; it tries this many starts and keeps the best. More is safer and slower."
            />
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

function KModeRadio({
  form,
  onChange,
  kMode,
  children,
}: Pick<MethodSettingsProps, 'form' | 'onChange'> & { kMode: SegmentForm['kMode']; children: ReactNode }) {
  return (
    <label className="check">
      <input type="radio" name="kMode" checked={form.kMode === kMode} onChange={() => onChange({ kMode })} />
      {children}
    </label>
  )
}

/** A short box for a number of segments, limited to what the form accepts. */
function SegmentCountField(props: {
  label: string
  value: number
  disabled: boolean
  onChange: (value: number) => void
}) {
  return <NumberField {...props} className="field--inline" min={segmentCounts.min} max={segmentCounts.max} />
}

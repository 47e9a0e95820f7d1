import type { FeatureChoice } from '../../../../shared/domain/cluster'
import { countOf } from '../../ui/format'

/**
 * The numeric columns a segmentation can use, recommended ones ticked at first, each with the reason for (or
 * against) it. A fieldset of checkboxes: Tab reaches each one, Space ticks it.
 */
export function FeaturePicker({
  features,
  selected,
  onChange,
}: {
  features: readonly FeatureChoice[]
  selected: ReadonlySet<string>
  onChange: (next: ReadonlySet<string>) => void
}) {
  const toggle = (name: string) => {
    const next = new Set(selected)
    if (next.has(name)) next.delete(name)
    else next.add(name)
    onChange(next)
  }
  const recommended = features.filter((f) => f.recommended).map((f) => f.name)
  return (
    <fieldset className="features">
      <legend className="visually-hidden">Features to segment on</legend>
      <div className="features__bar">
        <span className="muted small" aria-live="polite">
          {countOf(selected.size, 'feature')} of {features.length} chosen
        </span>
        <div className="features__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange(new Set(features.map((f) => f.name)))}
          >
            Select all
          </button>
          <button type="button" className="button button--small" onClick={() => onChange(new Set())}>
            Select none
          </button>
          {recommended.length > 0 && (
            <button type="button" className="button button--small" onClick={() => onChange(new Set(recommended))}>
              Recommended only
            </button>
          )}
        </div>
      </div>
      <ul className="features__list">
        {features.map((f, i) => (
          <li key={f.name} className={`feature${selected.has(f.name) ? ' feature--on' : ''}`}>
            <input
              type="checkbox"
              id={`feature-${i}`}
              checked={selected.has(f.name)}
              onChange={() => toggle(f.name)}
              aria-describedby={`feature-why-${i}`}
            />
            <div className="feature__text">
              <label htmlFor={`feature-${i}`}>{f.name}</label>
              {f.recommended && <span className="badge">recommended</span>}
              <span id={`feature-why-${i}`} className="muted feature__why">
                {f.why}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

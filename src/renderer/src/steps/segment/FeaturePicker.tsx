import type { FeatureChoice, FeatureFix } from '../../../../shared/domain/cluster'
import { countOf } from '../../ui/format'

/**
 * The columns a segmentation can use, recommended ones ticked at first, each with the reason for (or against) it: a
 * fieldset of checkboxes (Tab reaches each one, Space ticks it). Below it, the columns it cannot use as they stand —
 * categories, yes/no, gaps, identifiers, personal data — with the reason and, where one Prepare step makes a column
 * usable, a button that adds that step. No column vanishes without a word.
 */
export function FeaturePicker({
  features,
  selected,
  onChange,
  onFix,
  fixing,
}: {
  features: readonly FeatureChoice[]
  selected: ReadonlySet<string>
  onChange: (next: ReadonlySet<string>) => void
  onFix: (feature: FeatureChoice, fix: FeatureFix) => void
  /** A fix is being recorded: the fix buttons wait. */
  fixing: boolean
}) {
  const toggle = (name: string) => {
    const next = new Set(selected)
    if (next.has(name)) next.delete(name)
    else next.add(name)
    onChange(next)
  }
  const usable = features.filter((f) => f.available)
  const unusable = features.filter((f) => !f.available)
  const recommended = usable.filter((f) => f.recommended).map((f) => f.name)
  return (
    <>
      {usable.length > 0 && (
        <fieldset className="features">
          <legend className="visually-hidden">Features to segment on</legend>
          <div className="features__bar">
            <span className="muted small" aria-live="polite">
              {countOf(selected.size, 'feature')} of {usable.length} chosen
            </span>
            <div className="features__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange(new Set(usable.map((f) => f.name)))}
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
            {usable.map((f, i) => (
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
      )}
      {unusable.length > 0 && (
        <section className="features-unusable" aria-labelledby="features-unusable-title">
          <h3 id="features-unusable-title" className="features-unusable__title">
            Not usable as they stand ({unusable.length})
          </h3>
          <p className="muted small">
            A button records the step in Prepare, where you can see, change or undo it; the column is then offered
            above.
          </p>
          <ul className="features__list" aria-labelledby="features-unusable-title">
            {unusable.map((f) => (
              <li key={f.name} className="feature feature--unusable">
                <div className="feature__text">
                  <span className="feature__name">{f.name}</span>
                  <span className="muted feature__why">{f.why}</span>
                  {f.fixes.length > 0 && (
                    <span className="feature__fixes">
                      {f.fixes.map((fix) => (
                        <button
                          key={fix.label}
                          type="button"
                          className="button button--small"
                          disabled={fixing}
                          aria-label={`${f.name}: ${fix.label}`}
                          onClick={() => onFix(f, fix)}
                        >
                          {fix.label}
                        </button>
                      ))}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

import { paperSizes } from '../../../../shared/domain/report'
import { sectionInfo, type ReportChoice } from './reportChoice'

/** What goes into the report: sections, paper, and what it may say about people. */
export function ReportSettings({
  choice,
  personal,
  onChange,
}: {
  choice: ReportChoice
  personal: readonly string[]
  onChange: (choice: ReportChoice) => void
}) {
  const tickPersonal = (name: string, on: boolean) =>
    onChange({
      ...choice,
      includePersonal: on ? [...choice.includePersonal, name] : choice.includePersonal.filter((n) => n !== name),
    })
  return (
    <section className="panel report__settings" aria-labelledby="report-settings-title">
      <h2 id="report-settings-title">What the report shows</h2>
      <fieldset className="report__group">
        <legend>Sections</legend>
        {sectionInfo.map((s) => (
          <label key={s.key} className="check report__section">
            <input
              type="checkbox"
              checked={choice.sections[s.key]}
              onChange={(e) => onChange({ ...choice, sections: { ...choice.sections, [s.key]: e.target.checked } })}
              aria-describedby={`report-section-${s.key}`}
            />
            <span>
              {s.label}
              <span className="muted small report__help" id={`report-section-${s.key}`}>
                {s.help}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="report__group report__paper">
        <legend>Paper</legend>
        {paperSizes.map((p) => (
          <label key={p} className="check">
            <input
              type="radio"
              name="report-paper"
              value={p}
              checked={choice.paper === p}
              onChange={() => onChange({ ...choice, paper: p })}
            />
            {p === 'A4' ? 'A4 (210 × 297 mm)' : 'US Letter (8.5 × 11 in)'}
          </label>
        ))}
      </fieldset>
      <fieldset className="report__group">
        <legend>Privacy</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={choice.pseudonymise}
            onChange={(e) => onChange({ ...choice, pseudonymise: e.target.checked })}
            aria-describedby="report-pseudonymise-help"
          />
          Pseudonymise customer ids
        </label>
        <p className="muted small report__help" id="report-pseudonymise-help">
          Customer ids in the report (borderline customers) become codes such as C-4F1A9C2B, new for every report, so
          nobody can trace them back or match two reports.
        </p>
        <p className="report__personal-intro small">
          {personal.length === 0
            ? 'No column of this table is marked as personal data.'
            : 'Columns marked as personal data at import are left out of the report. Tick one only if everyone who will read the report may see it.'}
        </p>
        {personal.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={choice.includePersonal.includes(name)}
              onChange={(e) => tickPersonal(name, e.target.checked)}
            />
            Include personal data: {name}
          </label>
        ))}
      </fieldset>
    </section>
  )
}

import type { QualityFinding } from '../../../../shared/domain/prep'
import { SeverityIcon } from '../../ui/SeverityIcon'

/** The findings, most serious first (the profile orders them), one plain sentence each. */
export function FindingsList({ findings }: { findings: readonly QualityFinding[] }) {
  if (findings.length === 0) {
    return <p className="note note--info">No problems found: no gaps, duplicates or unusual values worth a look.</p>
  }
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding finding--${f.severity}`}>
          <SeverityIcon severity={f.severity} />
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  )
}

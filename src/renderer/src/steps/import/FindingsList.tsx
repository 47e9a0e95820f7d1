import { useState } from 'react'
import type { QualityFinding } from '../../../../shared/domain/prep'
import { SeverityIcon } from '../../ui/SeverityIcon'

const FIRST = 6

/** The findings, most serious first (the profile orders them), one plain sentence each; long lists start folded. */
export function FindingsList({ findings }: { findings: readonly QualityFinding[] }) {
  const [all, setAll] = useState(false)
  if (findings.length === 0) {
    return <p className="note note--info">No problems found: no gaps, duplicates or unusual values worth a look.</p>
  }
  const shown = all ? findings : findings.slice(0, FIRST)
  return (
    <>
      <ul className="findings" aria-label="Findings">
        {shown.map((f, i) => (
          <li key={i} className={`finding finding--${f.severity}`}>
            <SeverityIcon severity={f.severity} />
            <span>{f.message}</span>
          </li>
        ))}
      </ul>
      {findings.length > FIRST && (
        <button
          type="button"
          className="button button--quiet button--small"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? 'Show fewer' : `Show all ${findings.length} findings`}
        </button>
      )}
    </>
  )
}

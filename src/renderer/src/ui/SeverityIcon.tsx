import type { Severity } from '../../../shared/domain/prep'

const glyph: Record<Severity, string> = { problem: '✖', warning: '▲', info: 'ℹ' }
const word: Record<Severity, string> = { problem: 'Problem', warning: 'Warning', info: 'Note' }

/** A finding's seriousness as a shape and a colour (never colour alone), named for screen readers. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span className={`severity severity--${severity}`} role="img" aria-label={word[severity]} title={word[severity]}>
      {glyph[severity]}
    </span>
  )
}

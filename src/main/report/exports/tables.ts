/**
 * The two segment tables a user exports, built from plain data (no store), so tests drive them with hand-made inputs:
 * who is in which segment (for a CRM or a mailing tool), and what each segment looks like (for a spreadsheet).
 */
import type { RunProfile, SegmentLabel } from '../../../shared/domain/understand'
import type { Cell, ExportTableData } from './cells'

export interface MembershipInput {
  /** The customer-id column's name, or null when there is none to show (rows are then numbered). */
  readonly idColumn: string | null
  /**
   * The customer id of each labelled row, in the run's order, when the table has ids: shown under `idColumn`, and
   * what the codes stand for (an id that may not be shown still gets its code).
   */
  readonly ids: readonly (string | null)[]
  /** The dataset row (0-based) of each labelled row. */
  readonly rows: ArrayLike<number>
  readonly labels: ArrayLike<number>
  readonly segments: readonly SegmentLabel[]
  /** When given, a column of codes that stand for the customer ids (see report/privacy). */
  readonly code?: (id: string) => string
}

/** One row per customer: id, segment name and number, and (on request) a pseudonymised id. */
export function membershipTable(input: MembershipInput): ExportTableData {
  const header = [input.idColumn ?? 'Row', 'Segment', 'Segment number']
  if (input.code) header.push('Pseudonymised id')
  const rows: Cell[][] = []
  for (let i = 0; i < input.labels.length; i++) {
    const segment = input.labels[i]
    const rowNumber = String(input.rows[i] + 1)
    const real = input.ids[i] ?? null
    const row: Cell[] = [input.idColumn ? (real ?? '') : rowNumber, nameOf(input.segments, segment), segment + 1]
    if (input.code) row.push(input.code(real ?? `Row ${rowNumber}`))
    rows.push(row)
  }
  return { sheet: 'Segment membership', header, rows }
}

/**
 * One row per segment, then one for all customers: size, shares, the user's description and action, and each numeric
 * feature's mean in the units of the imported file.
 */
export function profilesTable(profile: RunProfile, segments: readonly SegmentLabel[]): ExportTableData {
  const features = profile.segments[0]?.features.map((f) => f.feature) ?? []
  const money = profile.monetaryFeature !== null
  const header = [
    'Segment number',
    'Segment',
    'Customers',
    'Share of customers (%)',
    ...(money ? [`Share of ${profile.monetaryFeature} (%)`] : []),
    'Description',
    'Suggested action',
    ...features.map((f) => `${f} (average)`),
  ]
  const rows: Cell[][] = profile.segments.map((s) => {
    const label = segments.find((l) => l.segment === s.segment)
    const mean = (f: string) => tidy(s.features.find((p) => p.feature === f)?.mean ?? null)
    return [
      s.segment + 1,
      nameOf(segments, s.segment),
      s.size,
      percent(s.share),
      ...(money ? [percent(s.valueShare)] : []),
      label?.description || null,
      label?.action || null,
      ...features.map(mean),
    ]
  })
  const overall = (f: string) => tidy(profile.segments[0]?.features.find((p) => p.feature === f)?.overallMean ?? null)
  rows.push([null, 'All customers', profile.n, 100, ...(money ? [100] : []), null, null, ...features.map(overall)])
  return { sheet: 'Segment profiles', header, rows }
}

function nameOf(segments: readonly SegmentLabel[], segment: number): string {
  return segments.find((l) => l.segment === segment)?.name ?? `Segment ${segment + 1}`
}

function percent(share: number | null): number | null {
  return share === null || !Number.isFinite(share) ? null : Math.round(share * 1000) / 10
}

/** Six significant digits: the means' floating-point tails (0.30000000000000004) are noise in a spreadsheet. */
function tidy(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toPrecision(6))
}

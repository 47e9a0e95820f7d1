import type { ColumnProfile, FrameProfile, QualityFinding, Severity } from '../../../shared/domain/prep'
import { countOf, formatCount, formatPercent, noun, type Noun } from './wording'

export interface DescribeOptions {
  /** What a row is, plural: "customers" (default), "households", "transactions". */
  readonly entityNoun?: string
  readonly entitySingular?: string
  /** Columns that hold money, so skew reads as "spend far more"; names like "amount", "spend", "income" count too. */
  readonly moneyColumns?: readonly string[]
  /**
   * Per column, how its missing values were written in the file ("unknown", "NA", "(empty)"): a value written as
   * "unknown" is named as such, so "803 customers have no default" never reads as "have not defaulted".
   */
  readonly missingMarkers?: Readonly<Record<string, readonly { readonly marker: string; readonly count: number }[]>>
}

/** |skewness| at or above this is "strong" (Bulmer's rule of thumb), from 0.5 "moderate". */
export const STRONG_SKEW = 1
export const MODERATE_SKEW = 0.5
/** More distinct categories than this are hard to use as they are. */
export const MANY_CATEGORIES = 30

const moneyName =
  /amount|spend|spent|revenue|sales|price|income|salary|value|monetary|charges?|balance|cost|paid|payment|total/i
const severityOrder: Record<Severity, number> = { problem: 0, warning: 1, info: 2 }

/**
 * Plain-language findings about a profiled table, most serious first: missing values, empty and constant columns,
 * duplicates, repeated ids, identifier columns, skew, outliers and unwieldy categories. Each message is one sentence
 * a marketer can act on ("312 customers have no Income (14%).").
 */
export function describeQuality(profile: FrameProfile, options: DescribeOptions = {}): QualityFinding[] {
  const entity = noun(options.entityNoun ?? 'customers', options.entitySingular)
  const money = new Set(options.moneyColumns ?? [])
  const findings: QualityFinding[] = []
  const add = (severity: Severity, kind: QualityFinding['kind'], column: string | null, message: string) =>
    findings.push({ severity, kind, column, message })

  if (profile.duplicates.count > 0) {
    const n = profile.duplicates.count
    add(
      'warning',
      'duplicates',
      null,
      `${countOf(n, entity)} ${n === 1 ? 'is an exact copy' : 'are exact copies'} of an earlier row.`,
    )
  }
  const ids = profile.duplicateIds
  if (ids && ids.ids > 0) {
    add(
      'problem',
      'duplicateIds',
      ids.column,
      `${formatCount(ids.ids)} ${ids.ids === 1 ? 'id appears' : 'ids appear'} more than once in ${ids.column} (${formatCount(ids.rows)} rows), so some ${entity.plural} are listed twice.`,
    )
  }
  const markers = options.missingMarkers ?? {}
  for (const col of profile.columns)
    describeColumn(
      col,
      profile.rowCount,
      entity,
      money.has(col.name) || moneyName.test(col.name),
      markers[col.name],
      add,
    )
  groupStrongRightSkew(findings, entity)
  return findings
    .map((f, order) => ({ f, order }))
    .sort((a, b) => severityOrder[a.f.severity] - severityOrder[b.f.severity] || a.order - b.order)
    .map(({ f }) => f)
}

function describeColumn(
  col: ColumnProfile,
  rowCount: number,
  entity: Noun,
  isMoney: boolean,
  markers: readonly { readonly marker: string; readonly count: number }[] | undefined,
  add: (severity: Severity, kind: QualityFinding['kind'], column: string | null, message: string) => void,
): void {
  const name = col.name
  if (rowCount > 0 && col.count === 0) {
    add('problem', 'empty', name, `${name} is empty for every ${entity.singular}.`)
    return
  }
  if (col.missing > 0) {
    const share = col.missing / rowCount
    const severity: Severity = share >= 0.3 ? 'problem' : share >= 0.05 ? 'warning' : 'info'
    add(severity, 'missing', name, missingMessage(col.missing, share, name, entity, markers))
  }
  if (col.idLike) {
    add(
      'info',
      'idLike',
      name,
      `${name} looks like an identifier: it tells ${entity.plural} apart but says nothing about them, so leave it out of the segmentation.`,
    )
    return
  }
  if (col.distinct === 1) {
    add(
      'warning',
      'constant',
      name,
      `${name} has the same value for every ${entity.singular}, so it cannot tell ${entity.plural} apart.`,
    )
    return
  }
  if (col.kind === 'category' && col.distinct > MANY_CATEGORIES) {
    add(
      'info',
      'manyCategories',
      name,
      `${name} has ${formatCount(col.distinct)} different values; group the rare ones before using it for segments.`,
    )
  }
  const num = col.numeric
  if (!num || col.kind !== 'number') return
  const skew = num.skewness ?? 0
  if (Math.abs(skew) >= MODERATE_SKEW) {
    const strength = Math.abs(skew) >= STRONG_SKEW ? 'strongly' : 'moderately'
    const right = skew > 0
    const tail = right
      ? isMoney
        ? `a few ${entity.plural} spend far more than the rest`
        : `a few ${entity.plural} have far higher values than the rest`
      : `a few ${entity.plural} have far lower values than the rest`
    add(
      Math.abs(skew) >= STRONG_SKEW ? 'warning' : 'info',
      'skewed',
      name,
      `${name} is ${strength} ${right ? 'right' : 'left'}-skewed: ${tail}.`,
    )
  }
  const out = num.outliers.iqr
  if (out.count > 0) {
    const share = out.count / col.count
    const direction = out.low === 0 ? 'high' : out.high === 0 ? 'low' : 'high or low'
    add(
      share >= 0.05 ? 'warning' : 'info',
      'outliers',
      name,
      `${countOf(out.count, entity)} (${formatPercent(share)}) ${out.count === 1 ? 'has' : 'have'} an unusually ${direction} ${name}.`,
    )
  }
}

/**
 * "312 customers have no Income (14%)." when the cells were empty; when the file wrote a word for it, that word:
 * "803 customers (19%) have “unknown” as default — treated as missing."
 */
function missingMessage(
  missing: number,
  share: number,
  name: string,
  entity: Noun,
  markers: readonly { readonly marker: string; readonly count: number }[] = [],
): string {
  const have = missing === 1 ? 'has' : 'have'
  const written = markers.filter((m) => !m.marker.startsWith('('))
  if (written.length === 0) return `${countOf(missing, entity)} ${have} no ${name} (${formatPercent(share)}).`
  const words = written.map((m) => `“${m.marker}”`)
  const blank = written.length < markers.length ? ['nothing'] : []
  const what = [...words, ...blank].join(' or ')
  return `${countOf(missing, entity)} (${formatPercent(share)}) ${have} ${what} as ${name} — treated as missing.`
}

/**
 * Strong right skew is the normal shape of spend and counts: on a marketing table most numeric columns have it, and a
 * finding per column buries the rest. Two or more become one finding that lists the columns, in their place.
 */
function groupStrongRightSkew(findings: QualityFinding[], entity: Noun): void {
  const strong = findings.filter((f) => f.kind === 'skewed' && f.severity === 'warning' && f.message.includes('right'))
  if (strong.length < 2) return
  const names = strong.map((f) => f.column!)
  const grouped: QualityFinding = {
    severity: 'warning',
    kind: 'skewed',
    column: null,
    message: `${formatCount(names.length)} columns are strongly right-skewed — a few ${entity.plural} have far higher values than the rest, as is usual for spend and counts: ${names.join(', ')}. Automatic segmentation evens them out.`,
  }
  const at = findings.indexOf(strong[0])
  const drop = new Set(strong)
  const kept = findings.filter((f, i) => i === at || !drop.has(f))
  kept[kept.indexOf(strong[0])] = grouped
  findings.splice(0, findings.length, ...kept)
}

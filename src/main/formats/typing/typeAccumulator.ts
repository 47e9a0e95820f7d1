import type { ColumnRole, ColumnType } from '../../../shared/domain/dataset'
import { ColumnAccumulator, type ColumnEvidence } from './columnEvidence'
import { describeAs, inferType, type BooleanLabels, type TypingContext } from './inferType'
import { comboCount, numberCombos, type NumberFormat } from './numberFormat'
import type { DateFormat } from './dateFormat'
import { detectPii, type PiiFlag } from './pii'
import { suggestRoles } from './roles'

/**
 * Column typing over ALL rows of a file, fed while it streams: `createTypeAccumulator(header)`, `add(row)` per row,
 * `finish()` at the end. Memory per column is bounded (10,000 distinct values tracked exactly, then estimated), so
 * a million rows cost what ten thousand do. Types are metadata: values stay raw text in the project, and the user
 * may override any type with `retype`.
 */
export interface InferredColumn {
  readonly name: string
  readonly index: number
  readonly type: ColumnType
  /** Why this type, in words for a marketer. */
  readonly typeReason: string
  /** Other types the values also fit (the wizard lists these first). */
  readonly alternatives: readonly ColumnType[]
  readonly numberFormat: NumberFormat | null
  readonly dateFormat: DateFormat | null
  readonly booleanLabels: BooleanLabels | null
  /** Filled values that do not fit the type and will be read as missing. */
  readonly invalid: { readonly count: number; readonly examples: readonly string[] }
  readonly missing: {
    readonly count: number
    readonly markers: readonly { readonly marker: string; readonly count: number }[]
  }
  readonly role: ColumnRole
  readonly roleReason: string
  readonly pii: PiiFlag | null
  /** The counts behind all of the above; plain data, kept so overrides can be explained without re-reading. */
  readonly evidence: ColumnEvidence
}

export interface InferredTable {
  readonly rowCount: number
  readonly columns: readonly InferredColumn[]
  /** The decimal mark assumed where values could be read either way. */
  readonly decimal: '.' | ','
  readonly dayFirst: boolean
}

export interface TypeAccumulatorOptions {
  /** Decimal mark to assume when the values do not settle it (from the sniff; default '.'). */
  readonly decimalHint?: '.' | ','
  /** Read ambiguous dates (03/04/2011) day-first (default true). */
  readonly dayFirst?: boolean
  /** The header was made up ("Column 1"…) because the file has none. */
  readonly generatedNames?: boolean
}

export interface TypeAccumulator {
  add(row: readonly string[]): void
  addRows(rows: readonly (readonly string[])[]): void
  readonly rowCount: number
  finish(): InferredTable
}

export function createTypeAccumulator(
  header: readonly string[],
  options: TypeAccumulatorOptions = {},
): TypeAccumulator {
  if (header.length === 0) throw new RangeError('A table needs at least one column; the header is empty.')
  const generated = options.generatedNames ?? false
  const columns = header.map((name, i) => new ColumnAccumulator(name, i, generated))
  const width = columns.length
  let rowCount = 0

  const add = (row: readonly string[]) => {
    rowCount++
    for (let j = 0; j < width; j++) columns[j].add(j < row.length ? row[j] : '')
  }
  return {
    add,
    addRows(rows) {
      for (const row of rows) add(row)
    },
    get rowCount() {
      return rowCount
    },
    finish() {
      return inferTable(
        columns.map((c) => c.evidence()),
        { decimalHint: options.decimalHint, dayFirst: options.dayFirst },
        rowCount,
      )
    },
  }
}

/** Types, roles and personal-data flags for a table from its column evidence. */
export function inferTable(
  evidence: readonly ColumnEvidence[],
  options: { decimalHint?: '.' | ','; dayFirst?: boolean } = {},
  rowCount = evidence[0]?.rows ?? 0,
): InferredTable {
  const ctx: TypingContext = {
    decimal: tableDecimal(evidence, options.decimalHint ?? '.'),
    dayFirst: options.dayFirst ?? true,
  }
  const typed = evidence.map((e) => {
    const choice = inferType(e, ctx)
    return { e, choice, pii: detectPii(e, choice.type) }
  })
  const roles = suggestRoles(
    typed.map(({ e, choice, pii }) => ({
      evidence: e,
      type: choice.type,
      currency: choice.numberFormat?.currency ?? null,
      pii,
    })),
  )
  const columns = typed.map(({ e, choice, pii }, i): InferredColumn => ({
    name: e.name,
    index: e.index,
    type: choice.type,
    typeReason: choice.reason,
    alternatives: choice.alternatives,
    numberFormat: choice.numberFormat,
    dateFormat: choice.dateFormat,
    booleanLabels: choice.booleanLabels,
    invalid: choice.invalid,
    missing: { count: e.rows - e.filled, markers: e.missing },
    role: roles[i].role,
    roleReason: roles[i].reason,
    pii,
    evidence: e,
  }))
  return { rowCount, columns, decimal: ctx.decimal, dayFirst: ctx.dayFirst }
}

/**
 * The same column with the type the user chose: formats refitted to the values, the reason rewritten, and the
 * count of values that will not fit reported honestly. Role and personal-data flag are kept.
 */
export function retype(
  column: InferredColumn,
  type: ColumnType,
  table: Pick<InferredTable, 'decimal' | 'dayFirst'>,
): InferredColumn {
  const choice = describeAs(column.evidence, type, { decimal: table.decimal, dayFirst: table.dayFirst })
  const alternatives =
    column.type === type ? column.alternatives : [column.type, ...column.alternatives.filter((t) => t !== type)]
  return {
    ...column,
    type,
    typeReason: choice.reason,
    alternatives,
    numberFormat: choice.numberFormat,
    dateFormat: choice.dateFormat,
    booleanLabels: choice.booleanLabels,
    invalid: choice.invalid,
  }
}

/**
 * A file uses one decimal mark. Columns whose values read as numbers more often with one mark than the other
 * ("1,5" and "1.234,56" only with a comma, "29.85" only with a point) vote; ambiguous columns ("1,234", integers)
 * do not, and follow the majority — or the hint when nothing settles it.
 */
function tableDecimal(evidence: readonly ColumnEvidence[], hint: '.' | ','): '.' | ',' {
  let point = 0
  let comma = 0
  for (const e of evidence) {
    const n = e.number
    if (n.numeric === 0) continue
    let bestPoint = 0
    let bestComma = 0
    for (let c = 0; c < comboCount; c++) {
      if (numberCombos[c].decimal === '.') bestPoint = Math.max(bestPoint, n.fits[c])
      else bestComma = Math.max(bestComma, n.fits[c])
    }
    if (bestComma > bestPoint) comma++
    else if (bestPoint > bestComma) point++
  }
  if (comma > point) return ','
  if (point > comma) return '.'
  return hint
}

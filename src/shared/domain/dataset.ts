import type { ImportReport } from './import'

export const datasetKinds = ['customers', 'transactions', 'items', 'interactions'] as const
export type DatasetKind = (typeof datasetKinds)[number]

export const columnTypes = ['number', 'category', 'date', 'boolean', 'id', 'text'] as const
export type ColumnType = (typeof columnTypes)[number]

export const columnRoles = ['customerId', 'feature', 'date', 'amount', 'ignore'] as const
export type ColumnRole = (typeof columnRoles)[number]

export interface DatasetColumn {
  readonly position: number
  readonly name: string
  readonly type: ColumnType
  readonly role: ColumnRole
  /** Likely personal data (names, e-mail, phone, address): kept out of modelling unless the user opts in. */
  readonly pii: boolean
  /** One sentence on why the type was chosen, shown beside the type picker. */
  readonly typeReason: string
  readonly piiReason: string | null
}

export interface DatasetSummary {
  readonly id: number
  readonly name: string
  readonly kind: DatasetKind
  readonly rowCount: number
  readonly columns: readonly DatasetColumn[]
  readonly createdAt: string
  readonly source: { readonly fileName: string; readonly format: string } | null
  /** How the import went (ragged rows, blank lines, problems); null for derived datasets such as RFM tables. */
  readonly importReport: ImportReport | null
  /** For derived datasets (RFM): the dataset it was built from. */
  readonly derivedFrom: number | null
}

export interface DatasetPage {
  readonly columns: readonly string[]
  /** Raw text as imported; null where the cell was empty. */
  readonly rows: readonly (readonly (string | null)[])[]
  readonly offset: number
  readonly total: number
}

export interface NumericSummary {
  readonly min: number
  readonly max: number
  readonly mean: number
  readonly std: number
}

/** Result of the column-statistics job: a quick summary per column over the raw stored values. */
export interface ColumnStats {
  readonly name: string
  readonly count: number
  readonly missing: number
  readonly distinct: number
  /** Present when every non-missing value parses as a plain number. */
  readonly numeric: NumericSummary | null
  readonly top: readonly { readonly value: string; readonly count: number }[]
}

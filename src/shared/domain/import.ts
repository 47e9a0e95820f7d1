import type { DatasetKind } from './dataset'

/** What SegmentLab found out about a file before importing it, shown in the import wizard for the user to confirm. */
export interface FileInspection {
  readonly path: string
  readonly fileName: string
  readonly format: 'delimited' | 'xlsx'
  readonly byteLength: number
  /** Null for workbooks. */
  readonly encoding: { readonly name: string; readonly reason: string } | null
  /** ',', ';', '\t', '|' or 'whitespace'; null for workbooks. */
  readonly delimiter: string | null
  readonly dialectReason: string
  readonly hasHeader: boolean
  readonly headerReason: string
  readonly header: readonly string[]
  readonly sheets: readonly string[]
  readonly sheet: string | null
  /** First rows, split into fields, as text. */
  readonly previewRows: readonly (readonly string[])[]
  readonly suggestedName: string
  readonly suggestedKind: DatasetKind
}

/** The user's overrides of what was detected; anything absent is taken from the inspection. */
export interface ReadSettings {
  readonly sheet?: string
  readonly encoding?: string
  readonly delimiter?: string
  readonly hasHeader?: boolean
}

/** What an import did, kept with the dataset so the user can always see what was skipped or padded and where. */
export interface ImportReport {
  readonly fileName: string
  readonly format: 'delimited' | 'xlsx'
  readonly encoding: string | null
  readonly delimiter: string | null
  readonly rowCount: number
  /** Rows whose field count differed from the header (padded or cut), with 1-based line numbers, first 1,000. */
  readonly raggedRows: readonly { readonly row: number; readonly expected: number; readonly got: number }[]
  readonly raggedRowCount: number
  readonly blankRowCount: number
  readonly problems: readonly { readonly row: number; readonly message: string }[]
  readonly elapsedMs: number
}

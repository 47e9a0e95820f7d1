/**
 * What the readers tell the rest of the app about a file. Everything here is plain data (no class instances), so a
 * sniff can cross a process boundary, be shown in the import wizard, edited by the user and handed back to `readRows`.
 */

/** Text encodings we detect; any other name iconv-lite knows may be passed in by the user. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {})

/** `'whitespace'` means runs of spaces/tabs separate fields, as in fixed-width-ish exports (CDNOW). */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace' | (string & {})

export interface Dialect {
  readonly delimiter: Delimiter
  /** Quote character, or null when fields are never quoted (whitespace-separated files). */
  readonly quote: '"' | "'" | null
  /** The line break that ends rows; CRLF files are read with '\n' and the trailing '\r' removed. */
  readonly newline: '\n' | '\r\n' | '\r'
}

export interface EncodingGuess {
  readonly name: TextEncoding
  readonly bom: boolean
  /** One sentence on why, for the wizard ("The file starts with a UTF-16 byte-order mark."). */
  readonly reason: string
}

export type FileFormat = 'delimited' | 'xlsx'

export interface Sniff {
  readonly path: string
  readonly format: FileFormat
  readonly byteLength: number
  /** Null for workbooks. */
  readonly encoding: EncodingGuess | null
  /** Null for workbooks. */
  readonly dialect: Dialect | null
  readonly dialectReason: string
  readonly hasHeader: boolean
  readonly headerReason: string
  /** Column names as shown: trimmed, blanks replaced by "Column N", duplicates suffixed " (2)". */
  readonly header: readonly string[]
  /**
   * Rows before the header (or before the first data row when there is no header) that are skipped:
   * a "sep=;" line in CSV; title and blank rows above a table in a sheet.
   */
  readonly skipRows: number
  /** Hint for numbers whose decimal mark is ambiguous ("1,234"), from the sample. */
  readonly decimalHint: '.' | ','
  /** Sheet names in workbook order (empty for text files) and the one chosen. */
  readonly sheets: readonly string[]
  readonly sheet: string | null
  /** Workbooks only: whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  readonly date1904: boolean | null
  /** Workbooks only: 1-based index of the first column of the table (tables may start in column B). */
  readonly firstColumn: number
  /** First data rows, already split and padded to the header width. */
  readonly previewRows: readonly (readonly string[])[]
}

export interface RaggedRow {
  /** 1-based line number in the file where the row starts (sheet row number for workbooks). */
  readonly row: number
  readonly expected: number
  readonly got: number
}

export interface ReadProblem {
  readonly row: number
  readonly message: string
}

export interface ReadProgress {
  readonly bytesRead: number
  readonly totalBytes: number
  readonly rowsRead: number
}

export interface ReadOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: ReadProgress) => void
  /** Rows per `onBatch` call (default 5,000). */
  readonly batchSize?: number
  /**
   * What to do with rows whose field count differs from the header: `'pad'` (default) pads short rows with empty
   * values and cuts long ones; `'skip'` leaves them out. Either way every such row is reported in `raggedRows`.
   */
  readonly raggedRows?: 'pad' | 'skip'
}

export interface ReadSummary {
  readonly header: readonly string[]
  /** Data rows delivered to `onBatch`. */
  readonly rowCount: number
  /** Up to 1,000 rows with the wrong number of fields, in file order… */
  readonly raggedRows: readonly RaggedRow[]
  /** …and how many there were in all. */
  readonly raggedRowCount: number
  /** Lines that were empty (or only delimiters) and were skipped. */
  readonly blankRowCount: number
  /** Quoting problems and undecodable characters, up to 100. */
  readonly problems: readonly ReadProblem[]
  readonly bytesRead: number
  readonly elapsedMs: number
}

export type BatchHandler = (rows: string[][]) => void | Promise<void>

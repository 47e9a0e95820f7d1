import type { BatchHandler, RaggedRow, ReadOptions, ReadProblem, ReadSummary } from './types'

/**
 * What every reader does with the rows it splits: skip the rows above the table and the header, drop blank rows,
 * fit rows to the header width (reporting each misfit with its line number), batch them for the caller, and report
 * progress. Readers only split; this keeps the policy in one place.
 */
export const maxReportedRaggedRows = 1_000
export const maxReportedProblems = 100
export const defaultBatchSize = 5_000

export class RowSink {
  private batch: string[][] = []
  private rowCount = 0
  private blankRowCount = 0
  private raggedRowCount = 0
  private readonly raggedRows: RaggedRow[] = []
  private readonly problems: ReadProblem[] = []
  private toSkip: number
  private readonly batchSize: number
  private readonly started = performance.now()

  constructor(
    private readonly width: number,
    skipRows: number,
    hasHeader: boolean,
    private readonly options: ReadOptions,
    private readonly onBatch: BatchHandler,
    private readonly totalBytes: number,
  ) {
    this.toSkip = skipRows + (hasHeader ? 1 : 0)
    this.batchSize = Math.max(1, options.batchSize ?? defaultBatchSize)
    if (width < 1) throw new RangeError(`A table needs at least one column; got width ${width}.`)
  }

  /** Adds one split row that starts on `line`; returns true when a batch is full and `flush` should be awaited. */
  add(row: string[], line: number): boolean {
    if (isBlank(row)) {
      this.blankRowCount++
      return false
    }
    if (this.toSkip > 0) {
      this.toSkip--
      return false
    }
    let fitted = row
    if (row.length !== this.width && !(row.length > this.width && onlyEmptyAfter(row, this.width))) {
      this.raggedRowCount++
      if (this.raggedRows.length < maxReportedRaggedRows)
        this.raggedRows.push({ row: line, expected: this.width, got: row.length })
      if (this.options.raggedRows === 'skip') return false
    }
    if (row.length < this.width) {
      fitted = row.slice()
      while (fitted.length < this.width) fitted.push('')
    } else if (row.length > this.width) {
      fitted = row.slice(0, this.width)
    }
    this.batch.push(fitted)
    this.rowCount++
    return this.batch.length >= this.batchSize
  }

  problem(problem: ReadProblem): void {
    if (this.problems.length < maxReportedProblems) this.problems.push(problem)
  }

  async flush(bytesRead: number): Promise<void> {
    this.options.signal?.throwIfAborted()
    if (this.batch.length > 0) {
      const rows = this.batch
      this.batch = []
      await this.onBatch(rows)
    }
    this.options.onProgress?.({ bytesRead, totalBytes: this.totalBytes, rowsRead: this.rowCount })
  }

  summary(header: readonly string[], bytesRead: number): ReadSummary {
    return {
      header,
      rowCount: this.rowCount,
      raggedRows: this.raggedRows,
      raggedRowCount: this.raggedRowCount,
      blankRowCount: this.blankRowCount,
      problems: this.problems,
      bytesRead,
      elapsedMs: performance.now() - this.started,
    }
  }
}

function isBlank(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i]
    if (v.length > 0 && v.trim().length > 0) return false
  }
  return true
}

/** Trailing delimiters ("a,b,c,,") add empty fields, not data: not worth a warning. */
function onlyEmptyAfter(row: readonly string[], width: number): boolean {
  for (let i = width; i < row.length; i++) if (row[i].trim() !== '') return false
  return true
}

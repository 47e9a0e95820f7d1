/**
 * Readers of the files business users bring: CSV/TSV/TXT of any dialect and encoding, and Excel .xlsx. Used by job
 * processes and the CLI; never writes the project. Values are delivered as raw text — typing is metadata, inferred
 * over all rows by the type accumulator and applied later with `toFrameColumn`.
 */
export { sniff, type SniffOptions } from './sniff'
export { readRows } from './readRows'
export { FileProblem, type FileProblemKind } from './problems'
export type {
  BatchHandler,
  Dialect,
  EncodingGuess,
  FileFormat,
  RaggedRow,
  ReadOptions,
  ReadProblem,
  ReadProgress,
  ReadSummary,
  Sniff,
} from './types'

export {
  createTypeAccumulator,
  inferTable,
  retype,
  type InferredColumn,
  type InferredTable,
  type TypeAccumulator,
  type TypeAccumulatorOptions,
} from './typing/typeAccumulator'
export type { ColumnEvidence } from './typing/columnEvidence'
export type { BooleanLabels, TypingContext } from './typing/inferType'
export type { PiiFlag, PiiKind } from './typing/pii'
export { parseNumber, type NumberFormat } from './typing/numberFormat'
export { parseDate, formatIsoDate, type DateFormat } from './typing/dateFormat'
export { parseBoolean } from './typing/booleans'
export { isMissing, missingMarker } from './typing/missing'
export { toFrameColumn, booleanCategoryLabels } from './typing/toFrameColumn'

import type { Db } from '../database'
import { columnParse, parseSignature } from '../../formats/typing/columnParse'
import { encodedLength, isFloatColumn, type EncodedColumn } from '../../formats/typing/columnCodec'
import type { ColumnType } from '../../../shared/domain/dataset'

/** One column parsed by a job, as it comes back to main to be stored. */
export interface ParsedColumn {
  readonly position: number
  readonly type: ColumnType
  /** `parseSignature` of what the job parsed with; stored only if it is still the column's. */
  readonly signature: string
  readonly column: EncodedColumn
}

interface Row {
  position: number
  signature: string
  kind: EncodedColumn['kind']
  row_count: number
  data: Buffer
  dictionary: string | null
}

/** The signature each column of a dataset should have its typed values stored under, by position. */
export function currentSignatures(db: Db, datasetId: number): Map<number, string> {
  const rows = db
    .prepare('SELECT position, type, inference FROM dataset_columns WHERE dataset_id = ? ORDER BY position')
    .all(datasetId) as { position: number; type: ColumnType; inference: string | null }[]
  return new Map(
    rows.map((r) => [r.position, parseSignature(columnParse(r.type, r.inference ? JSON.parse(r.inference) : null))]),
  )
}

/**
 * Stores a dataset's parsed columns in one transaction, replacing older ones. A column the user retyped while the job
 * ran (its signature changed), or a dataset deleted meanwhile, is skipped: the next fill parses it again. Returns the
 * positions stored.
 */
export function saveTypedColumns(db: Db, datasetId: number, columns: readonly ParsedColumn[]): number[] {
  return db.transaction(() => {
    const dataset = db.prepare('SELECT row_count FROM datasets WHERE id = ?').get(datasetId) as
      { row_count: number } | undefined
    if (!dataset) return []
    const current = currentSignatures(db, datasetId)
    const insert = db.prepare(
      `INSERT OR REPLACE INTO typed_columns (dataset_id, position, type, signature, kind, row_count, data, dictionary, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const createdAt = new Date().toISOString()
    const stored: number[] = []
    for (const { position, type, signature, column } of columns) {
      if (current.get(position) !== signature) continue
      const rows = encodedLength(column)
      if (rows !== dataset.row_count) {
        throw new Error(
          `Typed column ${position} of dataset ${datasetId} has ${rows} rows; the table has ${dataset.row_count}.`,
        )
      }
      const array = isFloatColumn(column) ? column.values : column.codes
      const data = Buffer.from(array.buffer, array.byteOffset, array.byteLength)
      const dictionary = isFloatColumn(column) ? null : JSON.stringify(column.dictionary)
      insert.run(datasetId, position, type, signature, column.kind, rows, data, dictionary, createdAt)
      stored.push(position)
    }
    return stored
  })()
}

/**
 * The stored typed columns among `wanted` whose signature is still the column's and whose length is the table's;
 * anything else (never filled, stale, a project from before typed columns) is absent from the map and must be parsed
 * from the text.
 */
export function loadTypedColumns(
  db: Db,
  datasetId: number,
  wanted: readonly { readonly position: number; readonly signature: string }[],
  rowCount: number,
): Map<number, EncodedColumn> {
  const found = new Map<number, EncodedColumn>()
  if (wanted.length === 0 || !hasTypedColumns(db)) return found
  const select = db.prepare(
    'SELECT position, signature, kind, row_count, data, dictionary FROM typed_columns WHERE dataset_id = ? AND position = ?',
  )
  for (const { position, signature } of wanted) {
    const row = select.get(datasetId, position) as Row | undefined
    if (!row || row.signature !== signature || row.row_count !== rowCount) continue
    const column = decodeRow(row)
    if (column) found.set(position, column)
  }
  return found
}

/** Positions of a dataset's columns without valid typed values: never filled, or filled under another signature. */
export function staleTypedColumns(db: Db, datasetId: number): number[] {
  const current = currentSignatures(db, datasetId)
  const stored = new Map(
    (
      db.prepare('SELECT position, signature FROM typed_columns WHERE dataset_id = ?').all(datasetId) as {
        position: number
        signature: string
      }[]
    ).map((r) => [r.position, r.signature]),
  )
  return [...current].filter(([position, signature]) => stored.get(position) !== signature).map(([p]) => p)
}

/** Drops a column's typed values (its type changed): until refilled, it is parsed from the text. */
export function forgetTypedColumn(db: Db, datasetId: number, position: number): void {
  db.prepare('DELETE FROM typed_columns WHERE dataset_id = ? AND position = ?').run(datasetId, position)
}

/** Whether this project file has the table (job processes may open a file main has not migrated, e.g. the CLI's). */
function hasTypedColumns(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'typed_columns'").get() !== undefined
}

/** A stored row as an encoded column, or null when its bytes do not fit its length (then the text is parsed). */
function decodeRow(row: Row): EncodedColumn | null {
  if (row.kind === 'number' || row.kind === 'date') {
    if (row.data.byteLength !== row.row_count * 8) return null
    return { kind: row.kind, values: new Float64Array(ownBuffer(row.data)) }
  }
  if (row.data.byteLength !== row.row_count * 4 || row.dictionary === null) return null
  const dictionary = JSON.parse(row.dictionary) as string[]
  const codes = new Int32Array(ownBuffer(row.data))
  for (let i = 0; i < codes.length; i++) if (codes[i] < -1 || codes[i] >= dictionary.length) return null
  return { kind: row.kind, codes, dictionary }
}

/** The blob's bytes as an ArrayBuffer of their own (a typed array needs aligned, unshared memory): as is, or copied. */
function ownBuffer(data: Buffer): ArrayBuffer {
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) return data.buffer as ArrayBuffer
  return new Uint8Array(data).buffer as ArrayBuffer
}

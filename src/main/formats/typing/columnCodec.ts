import type { FrameColumn } from '../../engine/frame'
import type { ColumnType } from '../../../shared/domain/dataset'

/**
 * A parsed column in the compact form the project stores: numbers and dates (epoch ms) as one Float64Array with NaN
 * for missing; categories, yes/no and text as Int32 codes into a dictionary of distinct labels, -1 for missing (a
 * customer table's few categories cost 4 bytes a row; free text costs its distinct strings once).
 */
export type EncodedColumn = FloatColumn | CodedColumn
export interface FloatColumn {
  readonly kind: 'number' | 'date'
  readonly values: Float64Array
}
export interface CodedColumn {
  readonly kind: 'category' | 'text'
  readonly codes: Int32Array
  readonly dictionary: readonly string[]
}

export function isFloatColumn(column: EncodedColumn): column is FloatColumn {
  return column.kind === 'number' || column.kind === 'date'
}

export const MISSING_CODE = -1

export function encodedLength(column: EncodedColumn): number {
  return isFloatColumn(column) ? column.values.length : column.codes.length
}

/**
 * Builds one encoded column from the parsed chunks of a table read in row order, so the text of the whole table is
 * never held at once. Chunks must all be of the same kind; `rowCount` is the table's.
 */
export class ColumnEncoder {
  private kind: FrameColumn['kind'] | null = null
  private values: Float64Array | null = null
  private codes: Int32Array | null = null
  private readonly index = new Map<string, number>()
  private readonly dictionary: string[] = []
  private filled = 0

  constructor(private readonly rowCount: number) {}

  add(chunk: FrameColumn): void {
    if (this.kind === null) this.kind = chunk.kind
    else if (this.kind !== chunk.kind) throw new Error(`A ${chunk.kind} chunk cannot follow ${this.kind} chunks.`)
    const n = chunk.values.length
    if (this.filled + n > this.rowCount) {
      throw new RangeError(`Column "${chunk.name}" has more than the ${this.rowCount} rows the table has.`)
    }
    if (chunk.kind === 'number' || chunk.kind === 'date') {
      this.values ??= new Float64Array(this.rowCount)
      // A typed-array copy moves bytes, so the stored NaNs and numbers are the parse's, bit for bit.
      this.values.set(chunk.values, this.filled)
    } else {
      const codes = (this.codes ??= new Int32Array(this.rowCount))
      const { index, dictionary } = this
      for (let i = 0; i < n; i++) {
        const label = chunk.values[i]
        if (label === null) {
          codes[this.filled + i] = MISSING_CODE
          continue
        }
        let code = index.get(label)
        if (code === undefined) {
          code = dictionary.length
          index.set(label, code)
          dictionary.push(label)
        }
        codes[this.filled + i] = code
      }
    }
    this.filled += n
  }

  finish(kindIfEmpty: FrameColumn['kind']): EncodedColumn {
    if (this.filled !== this.rowCount) {
      throw new RangeError(`Only ${this.filled} of ${this.rowCount} rows were encoded.`)
    }
    const kind = this.kind ?? kindIfEmpty
    if (kind === 'number' || kind === 'date') return { kind, values: this.values ?? new Float64Array(this.rowCount) }
    return { kind, codes: this.codes ?? new Int32Array(this.rowCount), dictionary: this.dictionary }
  }
}

/** The engine column an encoded one stands for: the same values `toFrameColumn` gives for the text. */
export function decodeColumn(name: string, column: EncodedColumn): FrameColumn {
  if (isFloatColumn(column)) return { name, kind: column.kind, values: column.values }
  const { codes, dictionary } = column
  const values = new Array<string | null>(codes.length)
  for (let i = 0; i < codes.length; i++) values[i] = codes[i] === MISSING_CODE ? null : dictionary[codes[i]]
  return { name, kind: column.kind, values }
}

/** The kind of engine column a column type parses to (see `toFrameColumn`). */
export function frameKindOf(type: ColumnType): FrameColumn['kind'] {
  switch (type) {
    case 'number':
    case 'date':
    case 'text':
      return type
    case 'boolean':
    case 'id':
    case 'category':
      return 'category'
  }
}

import { createTypeAccumulator, readRows, sniff } from '../formats'
import type { Sniff } from '../formats/types'
import type { InferredTable } from '../formats/typing/typeAccumulator'
import { toFrameColumn } from '../formats/typing/toFrameColumn'
import type { FrameColumn } from '../engine/frame'
import { UserError } from '../../shared/errors'

export interface WholeTable {
  readonly sniff: Sniff
  readonly header: readonly string[]
  readonly rows: string[][]
  readonly typed: InferredTable
  readonly raggedRowCount: number
}

/** Reads a whole file in memory with its column types: what the CLI commands need (the app streams instead). */
export async function readTable(path: string): Promise<WholeTable> {
  const found = await sniff(path, {})
  const types = createTypeAccumulator(found.header, {
    decimalHint: found.decimalHint,
    generatedNames: !found.hasHeader,
  })
  const rows: string[][] = []
  const summary = await readRows(found, {}, (batch) => {
    types.addRows(batch)
    for (const row of batch) rows.push(row)
  })
  return { sniff: found, header: summary.header, rows, typed: types.finish(), raggedRowCount: summary.raggedRowCount }
}

/** One column of the table, parsed with its detected type (or `as`), named as the user wrote it on the command line. */
export function typedColumn(
  table: WholeTable,
  name: string,
  flag: string,
  as?: 'number' | 'date' | 'category',
): FrameColumn {
  const index = table.header.indexOf(name)
  if (index < 0) {
    throw new UserError(`${flag} "${name}" is not a column of the file; its columns are: ${table.header.join(', ')}.`)
  }
  const inferred = table.typed.columns[index]
  const raw = table.rows.map((r) => r[index] ?? null)
  if (as === 'category') return toFrameColumn(name, raw, { type: 'category', numberFormat: null, dateFormat: null })
  if (as && inferred.type !== as) {
    throw new UserError(
      `${flag} "${name}" does not hold ${as === 'number' ? 'numbers' : 'dates'}: ${inferred.typeReason}`,
    )
  }
  return toFrameColumn(name, raw, inferred)
}

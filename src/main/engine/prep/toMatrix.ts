import { UserError } from '../../../shared/errors'
import type { Frame } from '../frame'
import type { Matrix } from '../matrix'
import { matrix } from '../matrix'
import { formatCount } from '../profile/wording'
import { kindWords, requireColumn, requireDistinct } from './frameOps'

export interface MatrixWithColumns {
  readonly matrix: Matrix
  readonly columns: readonly string[]
}

/**
 * The named numeric columns (all number columns by default) as a row-major n×d matrix for modelling. Refuses, naming
 * them, columns that are not numbers and columns with missing values: models cannot use either, and the user should
 * fix them with an encode or impute step rather than have them silently dropped. O(n·d).
 */
export function toMatrix(frame: Frame, columns?: readonly string[]): MatrixWithColumns {
  const names = columns ?? frame.columns.filter((c) => c.kind === 'number').map((c) => c.name)
  requireDistinct(names)
  if (names.length === 0) throw new UserError('There are no numeric columns to model with.', { code: 'prep.noColumns' })
  const cols = names.map((name) => requireColumn(frame, name))
  const nonNumeric = cols.filter((c) => c.kind !== 'number')
  if (nonNumeric.length > 0) {
    const list = nonNumeric.map((c) => `"${c.name}" (${kindWords[c.kind]})`).join(', ')
    throw new UserError(
      `Only numbers can be used for modelling; ${list} ${nonNumeric.length === 1 ? 'is' : 'are'} not. Encode or leave ${nonNumeric.length === 1 ? 'it' : 'them'} out.`,
      {
        code: 'prep.notNumeric',
      },
    )
  }
  const n = frame.rowCount
  const d = cols.length
  const data = new Float64Array(n * d)
  const gaps: string[] = []
  cols.forEach((col, j) => {
    const values = col.values as Float64Array
    let missing = 0
    for (let i = 0; i < n; i++) {
      const v = values[i]
      if (!Number.isFinite(v)) missing++
      data[i * d + j] = v
    }
    if (missing > 0) gaps.push(`"${col.name}" has ${formatCount(missing)}`)
  })
  if (gaps.length > 0) {
    throw new UserError(
      `Models cannot use missing or infinite values: ${gaps.join(', ')}. Fill them or remove those rows first.`,
      {
        code: 'prep.missingValues',
      },
    )
  }
  return { matrix: matrix(n, d, data), columns: names }
}

/**
 * Centres back in the units people know (euros, visits, days): the prep step scaled each column as
 * x' = (x - center) / scale, so a centre found on scaled data maps back through x = x' · scale + center.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'

export function unscaleCenters(centers: Matrix, center: Float64Array, scale: Float64Array): Matrix {
  const { rows, cols, data } = centers
  if (center.length !== cols || scale.length !== cols) {
    throw new UserError(
      `The scaling describes ${center.length} centre values and ${scale.length} scales, but the segments have ${cols} columns.`,
      { code: 'invalid-scaling' },
    )
  }
  for (let j = 0; j < cols; j++) {
    if (!Number.isFinite(center[j]) || !Number.isFinite(scale[j])) {
      throw new UserError(`The scaling of column ${j + 1} is not a finite number.`, { code: 'invalid-scaling' })
    }
  }
  const out = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = data[i * cols + j] * scale[j] + center[j]
  }
  return { data: out, rows, cols }
}

import type { Matrix } from '../../matrix'
import { matrix } from '../../matrix'
import { fitPca, pcaTransform } from '../../prep/pca'

export interface MapPoints {
  readonly x: Float64Array
  readonly y: Float64Array
  /** Share of the fitted space's variance along each axis (0..1). */
  readonly explained: readonly [number, number]
}

/**
 * The rows `rows` of the fitted space on its first two principal components (fitted on all rows, so the picture does
 * not depend on the sample). With one feature the map is that feature against 0.
 */
export function segmentMapPoints(x: Matrix, rows: Int32Array): MapPoints {
  const d = x.cols
  const picked = matrix(rows.length, d)
  rows.forEach((r, i) => picked.data.set(x.data.subarray(r * d, (r + 1) * d), i * d))
  if (d === 1 || x.rows < 3) {
    return { x: Float64Array.from(rows, (r) => x.data[r * d]), y: new Float64Array(rows.length), explained: [1, 0] }
  }
  const model = fitPca(x, { nComponents: 2 })
  const scores = pcaTransform(model, picked)
  const xs = new Float64Array(rows.length)
  const ys = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    xs[i] = scores.data[i * 2]
    ys[i] = scores.data[i * 2 + 1]
  }
  const ratio = model.explainedVarianceRatio
  return { x: xs, y: ys, explained: [ratio[0], ratio[1] ?? 0] }
}

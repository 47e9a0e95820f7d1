import type { Frame } from '../frame'
import type { Matrix } from '../matrix'
import { toMatrix } from '../prep'
import { scaleColumns } from '../prep/scale'
import type { ScaleMethod } from '../../../shared/domain/cluster'

export interface FittedSpace {
  /** Rows × features in the space the model is fitted in (after scaling). */
  readonly x: Matrix
  readonly features: readonly string[]
  /** x_fitted = (x − centre) / scale per feature; centre 0 and scale 1 when not scaled. */
  readonly centre: Float64Array
  readonly scale: Float64Array
}

const stepMethod = { standard: 'standard', minmax: 'minMax', robust: 'robust' } as const

/**
 * The matrix a segmentation is fitted on: the chosen numeric features, scaled the way the user asked (scikit-learn's
 * scalers, through the prep engine's scale step so that both agree). Errors name missing or non-numeric features.
 */
export function prepareFeatures(frame: Frame, features: readonly string[], scale: ScaleMethod): FittedSpace {
  const d = features.length
  const centre = new Float64Array(d)
  const spread = new Float64Array(d).fill(1)
  let scaled = frame
  if (scale !== 'none') {
    toMatrix(frame, features) // validates first, so an unscalable column is reported in modelling words
    const result = scaleColumns(frame, {
      id: 'segment-scale',
      kind: 'scale',
      columns: [...features],
      method: stepMethod[scale],
    })
    scaled = result.frame
    features.forEach((f, j) => {
      centre[j] = result.fitted.centre[f]
      spread[j] = result.fitted.scale[f]
    })
  }
  const { matrix } = toMatrix(scaled, features)
  return { x: matrix, features, centre, scale: spread }
}

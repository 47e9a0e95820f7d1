import type { Frame } from '../frame'
import type { Matrix } from '../matrix'
import { toMatrix } from '../prep'
import { scaleColumns } from '../prep/scale'
import type { FeatureTransform, ScaleMethod, TransformMode } from '../../../shared/domain/cluster'
import { transformSkewed } from './skewTransforms'

export interface FittedSpace {
  /** Rows × features in the space the model is fitted in (after transforming and scaling). */
  readonly x: Matrix
  readonly features: readonly string[]
  /** x_fitted = (x' − centre) / scale per feature, x' the value after its transform; centre 0 and scale 1 when not scaled. */
  readonly centre: Float64Array
  readonly scale: Float64Array
  /** Features transformed before scaling (transform 'auto'); empty otherwise. */
  readonly transforms: readonly FeatureTransform[]
  /** The features in their own units, kept when some were transformed (for centres in original units); else null. */
  readonly original: Matrix | null
}

const stepMethod = { standard: 'standard', minmax: 'minMax', robust: 'robust' } as const

/**
 * The matrix a segmentation is fitted on: the chosen numeric features, strongly skewed ones evened out when
 * `transform` is 'auto' (`transformSkewed`), then scaled the way the user asked (scikit-learn's scalers, through the
 * prep engine's scale step so that both agree). Errors name missing or non-numeric features.
 */
export function prepareFeatures(
  frame: Frame,
  features: readonly string[],
  scale: ScaleMethod,
  transform: TransformMode = 'none',
): FittedSpace {
  const d = features.length
  const centre = new Float64Array(d)
  const spread = new Float64Array(d).fill(1)
  // Validates first, so an unusable column is reported in modelling words before any transform or scale meets it.
  const original = toMatrix(frame, features).matrix
  const transformed = transform === 'auto' ? transformSkewed(frame, features) : { frame, transforms: [] }
  let scaled = transformed.frame
  if (scale !== 'none') {
    const result = scaleColumns(scaled, {
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
  return {
    x: matrix,
    features,
    centre,
    scale: spread,
    transforms: transformed.transforms,
    original: transformed.transforms.length > 0 ? original : null,
  }
}

import type { FeatureTransform } from '../../../shared/domain/cluster'
import { listNames } from '../profile/wording'

/**
 * The run's note about its transforms, in the quality check's words, so a reader who saw "strongly right-skewed" in
 * Prepare recognises the same columns here. Says that averages stay in the original units: people read euros, not
 * logs of euros.
 */
export function transformNote(transforms: readonly FeatureTransform[]): string {
  const names = (method: FeatureTransform['method']) =>
    transforms.filter((t) => t.method === method).map((t) => t.feature)
  const log = names('log1p')
  const yj = names('yeoJohnson')
  const parts = [
    log.length > 0 ? `${listNames(log, log.length)} on a log scale` : null,
    yj.length > 0 ? `${listNames(yj, yj.length)} by a Yeo-Johnson transform` : null,
  ].filter((p) => p !== null)
  return (
    'As the quality check advises, strongly skewed features (a few customers far above or below the rest) were ' +
    `evened out before finding segments: ${parts.join('; ')}. Segment averages are in the original units.`
  )
}

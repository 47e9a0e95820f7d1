import type { Task } from './types'
import { preparedFrame } from './preparedFrame'
import { profileColumn } from '../../engine/profile'
import type { FeatureChoice } from '../../../shared/domain/cluster'
import { formatCount } from '../../engine/profile/wording'

/** The prepared table's numeric columns, with a recommendation and its reason for each. */
export const clusterFeatures: Task<'clusterFeatures'> = async (spec, ctx) => {
  const { frame } = await preparedFrame(ctx.db, spec.datasetId, spec.steps, ctx.progress)
  await ctx.progress({ fraction: 0.8, title: 'Looking for good segmentation features' })
  const features: FeatureChoice[] = []
  for (const column of frame.columns) {
    if (column.kind !== 'number') continue
    const p = profileColumn(column, {})
    const spread = p.numeric ? p.numeric.max - p.numeric.min : 0
    let why: string
    let recommended = false
    if (p.missing > 0) why = `${formatCount(p.missing)} values are missing: fill them in Prepare first.`
    else if (p.idLike) why = 'Looks like an identifier, not a characteristic.'
    else if (spread === 0) why = 'Has the same value for everyone.'
    else if (/^(R|F|M)$/.test(column.name)) why = 'An RFM score (1–5); the underlying values say more.'
    else {
      recommended = true
      why = 'A numeric characteristic with no gaps.'
    }
    features.push({ name: column.name, recommended, why })
  }
  return { features, rowCount: frame.rowCount }
}

import type { Task } from './types'
import { loadFrame } from './loadFrame'
import { describeQuality, profileFrame } from '../../engine/profile'
import { suggestSteps } from '../../engine/prep'
import { getDataset } from '../../store/repos/datasets'

export const profile: Task<'profile'> = async (spec, ctx) => {
  const dataset = getDataset(ctx.db, spec.datasetId)
  const loaded = await loadFrame(ctx.db, spec.datasetId, ctx.progress)
  await ctx.progress({ fraction: 0.6, title: `Checking data quality of ${dataset.name}`, detail: 'Profiling columns' })
  const frameProfile = profileFrame(loaded.frame, { idColumn: loaded.idColumn ?? undefined })
  const entityNoun = dataset.kind === 'customers' ? 'customers' : 'rows'
  return {
    datasetId: spec.datasetId,
    profile: frameProfile,
    findings: describeQuality(frameProfile, { entityNoun }),
    suggestions: suggestSteps(frameProfile),
    excludedColumns: loaded.excluded,
  }
}

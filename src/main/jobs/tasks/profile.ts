import type { Task } from './types'
import { loadFrame } from './loadFrame'
import { describeQuality, profileFrame } from '../../engine/profile'
import { suggestSteps } from '../../engine/prep'
import { columnTyping, getDataset } from '../../store/repos/datasets'
import type { InferredColumn } from '../../formats/typing/typeAccumulator'

export const profile: Task<'profile'> = async (spec, ctx) => {
  const dataset = getDataset(ctx.db, spec.datasetId)
  const loaded = await loadFrame(ctx.db, spec.datasetId, ctx.progress)
  await ctx.progress({ fraction: 0.6, title: `Checking data quality of ${dataset.name}`, detail: 'Profiling columns' })
  const frameProfile = profileFrame(loaded.frame, { idColumn: loaded.idColumn ?? undefined })
  const entityNoun = dataset.kind === 'customers' ? 'customers' : 'rows'
  // How the file wrote its missing values ("unknown"), so findings can name the word instead of "have no".
  const typing = columnTyping(ctx.db, spec.datasetId)
  const missingMarkers = Object.fromEntries(
    dataset.columns.map((c) => [
      c.name,
      // Tables SegmentLab wrote itself (RFM, joins) carry a partial inference or none: no words to name.
      (typing.columns[c.position].inference as Partial<InferredColumn> | null)?.missing?.markers ?? [],
    ]),
  )
  return {
    datasetId: spec.datasetId,
    profile: frameProfile,
    findings: describeQuality(frameProfile, { entityNoun, missingMarkers }),
    suggestions: suggestSteps(frameProfile),
    excludedColumns: loaded.excluded,
  }
}

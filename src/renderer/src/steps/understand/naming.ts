import { useState } from 'react'
import type { SegmentNaming } from '../../../../shared/charts/segmentStyles'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { segmentLabels } from '../segment/segmentLabels'

/**
 * The names and colour indices of a run's segments, as the charts take them, kept the same object until a name or a
 * colour really changes: a saved description or a refreshed run list then redraws no chart.
 */
export function useSegmentNaming(run: ClusterRun): readonly SegmentNaming[] {
  const naming = segmentLabels(run).map(({ segment, name, colour }) => ({ segment, name, colour }))
  const key = JSON.stringify(naming)
  const [held, setHeld] = useState({ key, naming })
  if (held.key !== key) {
    setHeld({ key, naming })
    return naming
  }
  return held.naming
}

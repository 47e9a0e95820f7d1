import type { TaskTable } from './types'
import { columnStats } from './columnStats'
import { inspectFile } from './inspectFile'
import { importFile } from './importFile'
import { profile } from './profile'
import { prepPreview } from './prepPreview'
import { rfm } from './rfm'
import { cluster } from './cluster'
import { clusterFeatures } from './clusterFeatures'
import { understand } from './understand'
import { recommend } from './recommend'
import { typedColumns } from './typedColumns'
import { join } from './join'

/** Every job kind and the task that computes it; the compiler insists each kind in JobSpec has one. */
export const tasks: TaskTable = {
  columnStats,
  inspectFile,
  importFile,
  profile,
  prepPreview,
  rfm,
  cluster,
  clusterFeatures,
  understand,
  recommend,
  typedColumns,
  join,
}

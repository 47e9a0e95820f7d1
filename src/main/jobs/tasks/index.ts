import type { TaskTable } from './types'
import { columnStats } from './columnStats'

/** Every job kind and the task that computes it; the compiler insists each kind in JobSpec has one. */
export const tasks: TaskTable = {
  columnStats,
}

import type { Db } from '../database'
import type { PrepStep } from '../../../shared/domain/prep'
import type { PrepPipeline } from '../../../shared/domain/prepared'

interface Row {
  version: number
  steps: string
  created_at: string
}

export function currentPipeline(db: Db, datasetId: number): PrepPipeline {
  const row = db
    .prepare('SELECT version, steps, created_at FROM prep_pipelines WHERE dataset_id = ? ORDER BY version DESC LIMIT 1')
    .get(datasetId) as Row | undefined
  return row
    ? { datasetId, steps: JSON.parse(row.steps) as PrepStep[], version: row.version, updatedAt: row.created_at }
    : { datasetId, steps: [], version: 0, updatedAt: null }
}

/** Saves a new version; the old ones stay, so undo is exact. */
export function savePipeline(db: Db, datasetId: number, steps: readonly PrepStep[]): PrepPipeline {
  return db.transaction(() => {
    const next = currentPipeline(db, datasetId).version + 1
    db.prepare('INSERT INTO prep_pipelines (dataset_id, version, steps, created_at) VALUES (?, ?, ?, ?)').run(
      datasetId,
      next,
      JSON.stringify(steps),
      new Date().toISOString(),
    )
    return currentPipeline(db, datasetId)
  })()
}

/** Goes back to the previous saved version (no-op at the first). */
export function undoPipeline(db: Db, datasetId: number): PrepPipeline {
  db.prepare(
    'DELETE FROM prep_pipelines WHERE dataset_id = ? AND version = (SELECT max(version) FROM prep_pipelines WHERE dataset_id = ?)',
  ).run(datasetId, datasetId)
  return currentPipeline(db, datasetId)
}

import type { Db } from '../database'
import type { RfmSummary } from '../../../shared/domain/prepared'

export function saveRfmSummary(db: Db, summary: RfmSummary): void {
  db.prepare('INSERT OR REPLACE INTO rfm_summaries (dataset_id, summary) VALUES (?, ?)').run(
    summary.datasetId,
    JSON.stringify(summary),
  )
}

export function loadRfmSummary(db: Db, datasetId: number): RfmSummary | null {
  const row = db.prepare('SELECT summary FROM rfm_summaries WHERE dataset_id = ?').get(datasetId) as
    { summary: string } | undefined
  return row ? (JSON.parse(row.summary) as RfmSummary) : null
}

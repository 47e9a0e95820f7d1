import type { Db } from '../database'
import type { ColumnStats } from '../../../shared/domain/dataset'

export function saveColumnStats(db: Db, datasetId: number, stats: readonly ColumnStats[]): void {
  db.prepare(
    `INSERT INTO column_stats (dataset_id, stats, computed_at) VALUES (?, ?, ?)
     ON CONFLICT (dataset_id) DO UPDATE SET stats = excluded.stats, computed_at = excluded.computed_at`,
  ).run(datasetId, JSON.stringify(stats), new Date().toISOString())
}

export function loadColumnStats(db: Db, datasetId: number): ColumnStats[] | null {
  const row = db.prepare('SELECT stats FROM column_stats WHERE dataset_id = ?').get(datasetId) as
    { stats: string } | undefined
  return row ? (JSON.parse(row.stats) as ColumnStats[]) : null
}

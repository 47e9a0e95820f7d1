import type { Db } from '../database'
import type { DatasetProfile } from '../../../shared/domain/prepared'

export function saveProfile(db: Db, profile: DatasetProfile): void {
  db.prepare(
    `INSERT INTO dataset_profiles (dataset_id, profile, computed_at) VALUES (?, ?, ?)
     ON CONFLICT (dataset_id) DO UPDATE SET profile = excluded.profile, computed_at = excluded.computed_at`,
  ).run(profile.datasetId, JSON.stringify(profile), profile.computedAt)
}

export function loadProfile(db: Db, datasetId: number): DatasetProfile | null {
  const row = db.prepare('SELECT profile FROM dataset_profiles WHERE dataset_id = ?').get(datasetId) as
    { profile: string } | undefined
  return row ? (JSON.parse(row.profile) as DatasetProfile) : null
}

/** A profile describes the data as typed; when a column's type or role changes it no longer does. */
export function forgetProfile(db: Db, datasetId: number): void {
  db.prepare('DELETE FROM dataset_profiles WHERE dataset_id = ?').run(datasetId)
}

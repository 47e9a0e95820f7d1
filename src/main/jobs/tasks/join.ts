import type { Task } from './types'
import { getDataset } from '../../store/repos/datasets'
import { iterateColumn } from '../../store/repos/join'
import { indexedSample, indexIds, matchIds, newIdIndex } from './matchIds'

/** Distinct ids of each side sent back to say why none matched. */
const diagnosisSample = 5_000

/**
 * Reads the two customer-id columns as imported text and matches them with a hash map (see `matchIds`): the features
 * table is indexed first, then each customer row looks its id up. Main writes the joined table from the result.
 */
export const join: Task<'join'> = async (spec, ctx) => {
  const customers = getDataset(ctx.db, spec.customers.datasetId)
  const features = getDataset(ctx.db, spec.features.datasetId)
  const total = customers.rowCount + features.rowCount
  let done = 0
  const step = async (name: string, rows: number) => {
    done += rows
    await ctx.progress({
      fraction: total > 0 ? Math.min(1, done / total) : null,
      title: 'Matching customer ids',
      detail: `${name}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows read`,
    })
  }

  const index = newIdIndex()
  for (const ids of iterateColumn(ctx.db, features.id, spec.features.keyPosition)) {
    indexIds(index, ids)
    await step(features.name, ids.length)
  }

  let featureRow: Int32Array = new Int32Array(customers.rowCount)
  let rows = 0
  let matched = 0
  const seen = { ids: new Set<string>(), limit: diagnosisSample }
  for (const ids of iterateColumn(ctx.db, customers.id, spec.customers.keyPosition)) {
    if (rows + ids.length > featureRow.length) featureRow = grown(featureRow, rows + ids.length)
    matched += matchIds(index, ids, featureRow, rows, seen)
    rows += ids.length
    await step(customers.name, ids.length)
  }

  return {
    featureRow: rows === featureRow.length ? featureRow : featureRow.slice(0, rows),
    matched,
    duplicateIds: index.repeated.size,
    samples: matched === 0 ? { customers: [...seen.ids], features: indexedSample(index, diagnosisSample) } : null,
  }
}

/** The stored row count is what was imported; should the table hold more, the array grows rather than overflows. */
function grown(array: Int32Array, atLeast: number): Int32Array {
  const out = new Int32Array(Math.max(atLeast, array.length * 2))
  out.set(array)
  return out
}

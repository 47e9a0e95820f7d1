import { columnTyping, commitDataset, getDataset } from '../store/repos/datasets'
import { countJoin, planJoin, sampleKeys, stageJoin } from '../store/repos/join'
import type { DatasetJoin } from '../../shared/domain/dataset'
import { UserError } from '../../shared/errors'
import type { Emit, Session } from './session'
import { formatCount } from '../engine/profile/wording'
import { noMatchReason } from './joinMismatch'

/** Distinct ids of each side looked at to say why none matched. */
const diagnosisSample = 5_000

/**
 * Adds a customer-level table's columns (RFM features, say) to a customer table by customer id, as a new dataset: the
 * customer table keeps all its rows, and customers without a match get empty cells. One transaction; the inputs stay.
 */
export function createJoinService(deps: {
  session: Session
  emit: Emit
  onDatasetsChanged: () => void
  /** The joined dataset was committed: its columns can be parsed once into typed values. */
  onDatasetWritten?: (datasetId: number) => void
}) {
  return {
    join(customersId: number, featuresId: number): DatasetJoin {
      const { db } = deps.session.requireProject()
      if (customersId === featuresId) throw new UserError('Choose two different tables to join.', { code: 'join.same' })
      const left = getDataset(db, customersId)
      const right = getDataset(db, featuresId)
      const plan = planJoin(db, customersId, featuresId)
      const counts = countJoin(db, plan)
      if (counts.duplicateRightIds > 0) {
        throw new UserError(
          `In "${right.name}" ${formatCount(counts.duplicateRightIds)} customer ids appear more than once, so their rows cannot be matched one to one. ` +
            'Join a table with one row per customer (for transactions, build RFM first).',
          { code: 'join.duplicateIds' },
        )
      }
      if (counts.matched === 0) {
        const side = (which: 'left' | 'right') => ({
          table: which === 'left' ? left.name : right.name,
          column: (which === 'left' ? plan.leftKey : plan.rightKey).name,
          ids: sampleKeys(db, plan, which, diagnosisSample),
        })
        throw new UserError(
          `No customer in "${left.name}" was found in "${right.name}", so no table was made. ${noMatchReason(side('left'), side('right'))}`,
          { code: 'join.noMatch' },
        )
      }
      const leftTyping = columnTyping(db, customersId)
      const rightTyping = columnTyping(db, featuresId)
      const taken = new Set(left.columns.map((c) => c.name))
      const rightColumns = right.columns.filter((c) => c.position !== plan.rightKey.position)
      const id = db.transaction(() => {
        const staging = stageJoin(db, plan, rightColumns, left.columns.length)
        return commitDataset(db, {
          name: `${left.name} + ${right.name}`,
          kind: left.kind,
          stagingTable: staging,
          rowCount: counts.leftRows,
          source: null,
          importReport: null,
          derivedFrom: customersId,
          parseContext: leftTyping.parseContext,
          columns: [
            ...left.columns.map((c) => ({ ...c, inference: leftTyping.columns[c.position].inference })),
            ...rightColumns.map((c) => ({
              ...c,
              // A customer-level feature is not another customer id; names stay unique.
              role: c.role === 'customerId' ? ('ignore' as const) : c.role,
              name: taken.has(c.name) ? `${c.name} (${right.name})` : c.name,
              inference: rightTyping.columns[c.position].inference,
            })),
          ],
        })
      })()
      deps.emit('datasets.changed', { datasetIds: [id] })
      deps.onDatasetsChanged()
      deps.onDatasetWritten?.(id)
      return {
        dataset: getDataset(db, id),
        matched: counts.matched,
        unmatched: counts.leftRows - counts.matched,
        summary:
          `${formatCount(counts.matched)} of ${formatCount(counts.leftRows)} customers in "${left.name}" were found in "${right.name}"` +
          (counts.matched < counts.leftRows ? '; the others have empty values for its columns.' : '.'),
      }
    },
  }
}

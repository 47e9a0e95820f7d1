import { columnTyping, commitDataset, getDataset } from '../store/repos/datasets'
import { planJoin, stageJoin } from '../store/repos/join'
import type { JobInfo } from '../../shared/domain/jobs'
import { UserError } from '../../shared/errors'
import type { Emit, Session } from './session'
import type { JobService } from './jobService'
import { formatCount } from '../engine/profile/wording'
import { noMatchReason } from './joinMismatch'

/**
 * Adds a customer-level table's columns (RFM features, say) to a customer table by customer id, as a new dataset: the
 * customer table keeps all its rows, and customers without a match get empty cells. A job matches the ids (progress,
 * Cancel); main then writes the new table from its matching in one transaction. The inputs stay.
 */
export function createJoinService(deps: {
  session: Session
  jobs: JobService
  emit: Emit
  onDatasetsChanged: () => void
  /** The joined dataset was committed: its columns can be parsed once into typed values. */
  onDatasetWritten?: (datasetId: number) => void
}) {
  return {
    join(customersId: number, featuresId: number): JobInfo {
      const db = () => deps.session.requireProject().db
      if (customersId === featuresId) throw new UserError('Choose two different tables to join.', { code: 'join.same' })
      const plan = planJoin(db(), customersId, featuresId)
      const title = `Adding "${getDataset(db(), featuresId).name}" to "${getDataset(db(), customersId).name}"`
      const spec = {
        kind: 'join' as const,
        customers: { datasetId: customersId, keyPosition: plan.leftKey.position },
        features: { datasetId: featuresId, keyPosition: plan.rightKey.position },
      }
      return deps.jobs.start(spec, title, {
        apply: (result) => {
          // The tables as they are now: a rename or a retype while the job ran shows in the new table.
          const project = db()
          const now = planJoin(project, customersId, featuresId)
          if (now.leftKey.position !== plan.leftKey.position || now.rightKey.position !== plan.rightKey.position) {
            throw new UserError('A customer id column changed while the tables were being matched. Join them again.', {
              code: 'join.changed',
            })
          }
          const left = getDataset(project, customersId)
          const right = getDataset(project, featuresId)
          if (result.duplicateIds > 0) {
            throw new UserError(
              `In "${right.name}" ${formatCount(result.duplicateIds)} customer ids appear more than once, so their rows cannot be matched one to one. ` +
                'Join a table with one row per customer (for transactions, build RFM first).',
              { code: 'join.duplicateIds' },
            )
          }
          if (result.matched === 0) {
            const side = (table: string, column: string, ids: readonly string[] | undefined) => ({
              table,
              column,
              ids: ids ?? [],
            })
            throw new UserError(
              `No customer in "${left.name}" was found in "${right.name}", so no table was made. ${noMatchReason(
                side(left.name, now.leftKey.name, result.samples?.customers),
                side(right.name, now.rightKey.name, result.samples?.features),
              )}`,
              { code: 'join.noMatch' },
            )
          }
          const leftTyping = columnTyping(project, customersId)
          const rightTyping = columnTyping(project, featuresId)
          const taken = new Set(left.columns.map((c) => c.name))
          const rightColumns = right.columns.filter((c) => c.position !== plan.rightKey.position)
          const rows = result.featureRow.length
          const name = `${left.name} + ${right.name}`
          const id = project.transaction(() => {
            const staging = stageJoin(project, plan, rightColumns, left.columns.length, result.featureRow)
            return commitDataset(project, {
              name,
              kind: left.kind,
              stagingTable: staging,
              rowCount: rows,
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
            datasetId: id,
            summary:
              `Created “${name}”. ${formatCount(result.matched)} of ${formatCount(rows)} customers in "${left.name}" were found in "${right.name}"` +
              (result.matched < rows ? '; the others have empty values for its columns.' : '.'),
          }
        },
      }).info
    },
  }
}

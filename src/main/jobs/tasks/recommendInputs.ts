/**
 * What the recommend job reads from the project: the interactions (customer × item rows, returns and low ratings left
 * out), the item catalogue (text and category per item id) and the chosen segmentation's segment of each customer id.
 */
import type { Db } from '../../store/database'
import { getDataset } from '../../store/repos/datasets'
import { getRun, runArrays } from '../../store/repos/runs'
import { labelsOf, type FrameColumn } from '../../engine/frame'
import type { InteractionRows } from '../../engine/recommend'
import { formatCount } from '../../engine/profile/wording'
import type { Progress } from '../../../shared/domain/jobs'
import type { RecommendSettings } from '../../../shared/domain/recommend'
import { UserError } from '../../../shared/errors'
import { loadFrame } from './loadFrame'

type Report = (p: Progress) => Promise<void>

/**
 * One spelling per id, so the segmentation's table and the transactions meet: trimmed, and whole numbers written as
 * such ("12621.0" and "12621" are one customer, as a spreadsheet that stored ids as numbers writes them).
 */
export function idKey(value: string | null): string | null {
  if (value === null) return null
  const id = value.trim()
  if (id === '') return null
  return /^[+-]?\d+\.0*$/.test(id) ? String(Number(id)) : id
}

export interface CatalogueEntry {
  readonly name: string | null
  readonly text: string | null
  readonly category: string | null
}

export interface RecommendInputs {
  readonly rows: InteractionRows
  /** Rows left out, by why. */
  readonly skipped: { readonly noId: number; readonly returns: number; readonly belowThreshold: number }
  readonly catalogue: ReadonlyMap<string, CatalogueEntry> | null
}

/** Reads the interactions and, from the same dataset or another, the catalogue. */
export async function readRecommendInputs(db: Db, s: RecommendSettings, report: Report): Promise<RecommendInputs> {
  const sameTable = s.catalogue?.datasetId === s.datasetId
  const wanted = [s.customer, s.item, s.value?.column, s.date]
  if (sameTable && s.catalogue) wanted.push(s.catalogue.item, ...s.catalogue.text, s.catalogue.category)
  const names = [...new Set(wanted.filter((c): c is string => Boolean(c)))]
  const scale = (p: Progress): Progress => ({ ...p, fraction: p.fraction === null ? null : p.fraction * 0.3 })
  const { frame } = await loadFrame(db, s.datasetId, (p) => report(scale(p)), names)
  const col = (name: string) => frame.columns.find((c) => c.name === name)!

  const user = labelsOf(col(s.customer)).map(idKey)
  const item = labelsOf(col(s.item)).map(idKey)
  const skipped = { noId: 0, returns: 0, belowThreshold: 0 }
  for (let t = 0; t < user.length; t++) if (user[t] === null || item[t] === null) skipped.noId++

  let value: Float64Array | undefined
  if (s.value) {
    const v = numbers(col(s.value.column), 'a quantity or rating')
    const threshold = s.value.threshold
    for (let t = 0; t < v.length; t++) {
      if (user[t] === null || item[t] === null) continue
      const drop =
        s.value.kind === 'quantity' ? !(v[t] > 0) : Number.isNaN(v[t]) || (threshold !== null && v[t] < threshold)
      if (!drop) continue
      if (s.value.kind === 'quantity') skipped.returns++
      else skipped.belowThreshold++
      user[t] = null
    }
    // Quantities only decide which rows are purchases: what counts is whether a customer bought an item.
    if (s.value.kind === 'rating') value = v
  }

  let time: Float64Array | undefined
  if (s.date) {
    const d = col(s.date)
    if (d.kind !== 'date') {
      throw new UserError(`"${s.date}" is not a date column. Set its type to date in the Import step first.`, {
        code: 'recommend.notDate',
      })
    }
    time = d.values
  }
  if (s.split === 'time' && !time) {
    throw new UserError('A split by time needs a date column; choose one, or split at random.', {
      code: 'recommend.noDate',
    })
  }

  let catalogue: Map<string, CatalogueEntry> | null = null
  if (s.catalogue) {
    const c = s.catalogue
    const source = sameTable
      ? frame
      : (
          await loadFrame(db, c.datasetId, (p) => report({ ...p, title: 'Reading the catalogue' }), [
            ...new Set([c.item, ...c.text, ...(c.category ? [c.category] : [])]),
          ])
        ).frame
    const from = (name: string) => labelsOf(source.columns.find((x) => x.name === name)!)
    catalogue = readCatalogue(from(c.item), c.text.map(from), c.category ? from(c.category) : null)
  }
  return { rows: { user, item, value, time }, skipped, catalogue }
}

/** Item id → its text (the text columns joined), its name (the first text) and category; the first row of an id wins. */
function readCatalogue(
  ids: readonly (string | null)[],
  texts: readonly (readonly (string | null)[])[],
  categories: readonly (string | null)[] | null,
): Map<string, CatalogueEntry> {
  const out = new Map<string, CatalogueEntry>()
  ids.forEach((raw, row) => {
    const id = idKey(raw)
    if (id === null) return
    const parts = texts.map((t) => t[row]?.trim() ?? '').filter((t) => t !== '')
    const known = out.get(id)
    // A later row fills what an earlier one left empty (a description missing on the first sale of an item).
    if (known && (known.text !== null || parts.length === 0)) return
    out.set(id, {
      name: parts[0] ?? null,
      text: parts.length > 0 ? parts.join(' ') : null,
      category: categories?.[row]?.trim() || (known?.category ?? null),
    })
  })
  return out
}

function numbers(column: FrameColumn, what: string): Float64Array {
  if (column.kind !== 'number') {
    throw new UserError(`"${column.name}" is not a number column, so it cannot be ${what}. Set its type on Import.`, {
      code: 'recommend.notNumber',
    })
  }
  return column.values
}

export interface RunSegments {
  readonly runId: number
  readonly runName: string
  readonly k: number
  readonly idColumn: string
  /** Customer id → segment. */
  readonly segmentOf: ReadonlyMap<string, number>
  readonly runCustomers: number
}

/**
 * The segment of each customer id of a run, or a note saying why there is none (the run's table has no customer id
 * column; ids repeated in it keep their first segment).
 */
export async function readRunSegments(
  db: Db,
  runId: number,
  report: Report,
): Promise<{ segments: RunSegments | null; note: string | null }> {
  const run = getRun(db, runId)
  const dataset = getDataset(db, run.datasetId)
  const idColumn = dataset.columns.find((c) => c.role === 'customerId')
  if (!idColumn) {
    return {
      segments: null,
      note: `“${dataset.name}”, the table of the segmentation “${run.name}”, has no customer id column, so its segments cannot be matched to the transactions' customers. Give a column the role “Customer id” on Import.`,
    }
  }
  const { frame } = await loadFrame(db, run.datasetId, report, [idColumn.name])
  const ids = labelsOf(frame.columns[0])
  const { labels, rowIndex } = runArrays(db, run.id)
  const segmentOf = new Map<string, number>()
  for (let i = 0; i < labels.length; i++) {
    const id = idKey(ids[rowIndex ? rowIndex[i] : i] ?? null)
    if (id !== null && !segmentOf.has(id)) segmentOf.set(id, labels[i])
  }
  return {
    segments: { runId, runName: run.name, k: run.k, idColumn: idColumn.name, segmentOf, runCustomers: segmentOf.size },
    note: null,
  }
}

export function countWords(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

import type { Db } from '../../store/database'
import { columnTyping, getDataset, iterateRows } from '../../store/repos/datasets'
import type { Frame, FrameColumn } from '../../engine/frame'
import { loadTypedColumns } from '../../store/repos/typedColumns'
import { toFrameColumn } from '../../formats/typing/toFrameColumn'
import { columnParse, parseSignature, plainNumbers } from '../../formats/typing/columnParse'
import { decodeColumn } from '../../formats/typing/columnCodec'
import type { DatasetColumn } from '../../../shared/domain/dataset'
import type { Progress } from '../../../shared/domain/jobs'
import type { PrepStep } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'

export { plainNumbers }

export interface LoadedFrame {
  readonly frame: Frame
  /** Columns left out, with the reason shown to the user. */
  readonly excluded: readonly { readonly name: string; readonly why: string }[]
  readonly idColumn: string | null
}

/** Why a column is kept out of modelling, as the end of a sentence naming it, and how to bring it in; null if it is not. */
function keptOut(column: DatasetColumn): { why: string; optIn: string } | null {
  if (column.pii) return { why: 'is personal data', optIn: 'untick “Keep out of segments” for it on Import' }
  if (column.role === 'ignore') return { why: 'has the role “Ignore”', optIn: 'change its role on Import' }
  return null
}

/**
 * Refuses a run on columns kept out of modelling, saying why each is out and how to bring it in (the table the run sees
 * does not have them, which would otherwise read as "there is no column called …").
 */
export function requireModelled(columns: readonly DatasetColumn[], features: readonly string[]): void {
  for (const name of features) {
    const column = columns.find((c) => c.name === name)
    const out = column && keptOut(column)
    if (out) {
      throw new UserError(`"${name}" ${out.why}, so it is kept out of segments. To segment on it, ${out.optIn}.`, {
        code: 'cluster.keptOut',
      })
    }
  }
}

/**
 * The Prepare steps as they apply to the modelling columns. Columns kept out (personal data, role "ignore") are not in
 * the table the steps run on: a step dropping one has nothing left to do for it, and a step keeping one cannot keep
 * it, so such names are left out of those steps (a step left with none is skipped, keeping its place so the effects
 * still line up with the steps). Any other step that needs one is refused with the reason and how to bring it in.
 */
export function stepsForModelling(steps: readonly PrepStep[], columns: readonly DatasetColumn[]): PrepStep[] {
  const out = new Map<string, { why: string; optIn: string }>()
  for (const c of columns) {
    const reason = keptOut(c)
    if (reason) out.set(c.name, reason)
  }
  if (out.size === 0) return [...steps]
  return steps.map((step, index) => {
    if (step.kind === 'dropColumns' || step.kind === 'keepColumns') {
      const present = step.columns.filter((name) => !out.has(name))
      if (present.length === step.columns.length) return step
      return present.length > 0 ? { ...step, columns: present } : { ...step, enabled: false }
    }
    const named = step.kind === 'filterRows' ? step.conditions.map((c) => c.column) : (step.columns ?? [])
    const name = named.find((n) => out.has(n))
    if (name === undefined || step.enabled === false) return step
    const { why, optIn } = out.get(name)!
    throw new UserError(
      `Step ${index + 1} uses "${name}", which ${why}, so it is kept out of preparation and segments. To use it, ${optIn}, or remove the step.`,
      { code: 'prep.keptOut' },
    )
  })
}

/** Which columns take part in profiling and modelling: personal data and ignored columns stay out. */
export function modellingColumns(columns: readonly DatasetColumn[]): {
  keep: DatasetColumn[]
  excluded: { name: string; why: string }[]
} {
  const keep: DatasetColumn[] = []
  const excluded: { name: string; why: string }[] = []
  for (const c of columns) {
    if (c.pii)
      excluded.push({ name: c.name, why: 'Marked as personal data; it stays out unless you untick "personal".' })
    else if (c.role === 'ignore') excluded.push({ name: c.name, why: 'Its role is "ignore".' })
    else keep.push(c)
  }
  return { keep, excluded }
}

/**
 * Loads a dataset's columns typed as the user confirmed into an engine Frame. With `columns`, exactly those columns
 * (by name) are loaded; otherwise the modelling columns. Columns parsed once into the project (`typed_columns`) are read
 * from there when they were parsed the way they would be now; the rest — older projects, columns not filled yet, a
 * retype in flight — are parsed from the raw text, with the same result.
 */
export async function loadFrame(
  db: Db,
  datasetId: number,
  progress: (p: Progress) => Promise<void>,
  columns?: readonly string[],
): Promise<LoadedFrame> {
  const dataset = getDataset(db, datasetId)
  const typing = columnTyping(db, datasetId)
  const chosen = columns
    ? { keep: columns.map((name) => requireColumn(dataset.columns, name)), excluded: [] }
    : modellingColumns(dataset.columns)
  const parses = chosen.keep.map((c) => columnParse(c.type, typing.columns[c.position].inference))
  const stored = loadTypedColumns(
    db,
    datasetId,
    chosen.keep.map((c, j) => ({ position: c.position, signature: parseSignature(parses[j]) })),
    dataset.rowCount,
  )
  const fromText = chosen.keep.filter((c) => !stored.has(c.position)).map((c) => c.position)
  const raw: (string | null)[][] = fromText.map(() => [])
  let done = 0
  if (fromText.length > 0) {
    for (const rows of iterateRows(db, datasetId)) {
      for (const row of rows) for (let k = 0; k < fromText.length; k++) raw[k].push(row[fromText[k]])
      done += rows.length
      await progress({
        fraction: dataset.rowCount ? (0.5 * done) / dataset.rowCount : 0.5,
        title: `Reading ${dataset.name}`,
        detail: `${done.toLocaleString('en')} of ${dataset.rowCount.toLocaleString('en')} rows`,
      })
    }
  }
  const frameColumns: FrameColumn[] = chosen.keep.map((c, j) => {
    const typed = stored.get(c.position)
    return typed ? decodeColumn(c.name, typed) : toFrameColumn(c.name, raw[fromText.indexOf(c.position)], parses[j])
  })
  const id = dataset.columns.find((c) => c.role === 'customerId')
  return {
    frame: { rowCount: dataset.rowCount, columns: frameColumns },
    excluded: chosen.excluded,
    idColumn: id && chosen.keep.includes(id) ? id.name : null,
  }
}

function requireColumn(columns: readonly DatasetColumn[], name: string): DatasetColumn {
  const found = columns.find((c) => c.name === name)
  if (!found) {
    throw new Error(`No column named "${name}" in this dataset; it has ${columns.map((c) => c.name).join(', ')}.`)
  }
  return found
}

import type { Task } from './types'
import { preparedFrame } from './preparedFrame'
import { withReadableColumns } from '../../engine/prep/readableColumns'
import { getRun, runArrays } from '../../store/repos/runs'
import { getDataset } from '../../store/repos/datasets'
import { labelsOf, type Frame } from '../../engine/frame'
import { matrix } from '../../engine/matrix'
import { createRng } from '../../engine/random'
import { prepareFeatures } from '../../engine/segmentation/prepareFeatures'
import { profileSegments, type ProfileColumns } from '../../engine/profile/segments'
import { explainSegments } from '../../engine/profile/rules/segmentRules'
import { sampleRows } from '../../engine/profile/fit/sampleRows'
import { silhouetteDetail } from '../../engine/profile/fit/silhouetteDetail'
import { segmentMapPoints } from '../../engine/profile/fit/segmentMapPoints'
import { formatCount, listNames } from '../../engine/profile/wording'
import type { DatasetColumn } from '../../../shared/domain/dataset'
import {
  RUN_PROFILE_VERSION,
  type BorderlineCustomer,
  type RfmCrossTab,
  type RunProfile,
  type SilhouetteSummary,
} from '../../../shared/domain/understand'
import { UserError } from '../../../shared/errors'

/** Silhouettes are O(n²): computed on a seeded sample of this many customers. */
const SILHOUETTE_SAMPLE = 4_000
/** Points drawn on the segment map. */
const MAP_SAMPLE = 5_000
const BORDERLINE_SHOWN = 25
/** Values per segment kept for drawing the silhouette plot. */
const SILHOUETTE_PLOT_VALUES = 300
/** Categorical columns with more distinct values than this are identifiers or free text, not traits. */
const MAX_CATEGORIES = 60
/** Columns the RFM builder writes that name a segment even when the run clustered other columns. */
const RFM_CORE = ['recency_days', 'frequency', 'monetary']
/** The RFM builder's column of the ten classic RFM segments. */
const RFM_SEGMENT_COLUMN = 'segment'

/**
 * Step 4, Understand: the profile of a run's segments in the units of the imported file. The run's rows are joined
 * back to the dataset's rows through the stored row index, so scaled, log-transformed or filtered runs are described
 * in the numbers the user knows; the fitted space (as the run saw it) gives the map and the silhouettes.
 */
export const understand: Task<'understand'> = async (spec, ctx) => {
  const run = getRun(ctx.db, spec.runId)
  const dataset = getDataset(ctx.db, run.datasetId)
  const { labels, rowIndex } = runArrays(ctx.db, run.id)
  const step = (fraction: number, title: string) => ctx.progress({ fraction, title })

  await step(0, `Reading ${dataset.name}`)
  const prepared = await preparedFrame(ctx.db, run.datasetId, spec.steps, async (p) =>
    ctx.progress({ ...p, fraction: p.fraction === null ? null : 0.6 * p.fraction }),
  )
  if (prepared.frame.rowCount !== labels.length) {
    throw new UserError(
      `The data of this segmentation changed since it was made (${formatCount(labels.length)} customers then, ` +
        `${formatCount(prepared.frame.rowCount)} now); run the segmentation again to describe it.`,
      { code: 'understand.stale', detail: `run ${run.id}` },
    )
  }
  // The run's own fitted space: the same transforms (decided from the same data, so the same) and scaling. Runs made
  // before transforms existed have none in their settings.
  const space = prepareFeatures(prepared.frame, run.features, run.settings.scale, run.settings.transform ?? 'none')
  const raw = prepared.raw

  const rowOf = (i: number) => (rowIndex ? rowIndex[i] : i)
  const n = labels.length
  const k = run.k

  await step(0.6, 'Describing each segment')
  // Ages made from years of birth read in years, like the imported columns; scaled or PCA features stay prepared.
  const readable = withReadableColumns(raw.frame, spec.steps)
  const rawNumber = (name: string) => {
    const c = readable.columns.find((col) => col.name === name && col.kind === 'number')
    return c ? Float64Array.from({ length: n }, (_, i) => (c.values as Float64Array)[rowOf(i)]) : null
  }
  const monetary = monetaryColumn(dataset.columns, raw.frame)
  const numeric: { name: string; values: Float64Array; units: 'original' | 'prepared' }[] = []
  for (const feature of run.features) {
    const original = rawNumber(feature)
    if (original) numeric.push({ name: feature, values: original, units: 'original' })
    else {
      const j = space.features.indexOf(feature)
      numeric.push({
        name: feature,
        values: preparedValues(prepared.frame, feature) ?? column(space.x, j),
        units: 'prepared',
      })
    }
  }
  for (const extra of [...RFM_CORE, ...(monetary ? [monetary] : [])]) {
    if (numeric.some((c) => c.name === extra)) continue
    const values = rawNumber(extra)
    if (values) numeric.push({ name: extra, values, units: 'original' })
  }
  const rfm = rfmCrossTab(raw.frame, labels, k, rowOf)
  const categories: ProfileColumns['categories'] = raw.frame.columns
    // An RFM table's own segment column has its cross-tab; as a trait it would read "Mostly Segment = Champions",
    // which confuses the RFM segments with the clusters.
    .filter((c) => c.kind === 'category' && c.name !== raw.idColumn && !(rfm && c.name === RFM_SEGMENT_COLUMN))
    .map((c) => ({ name: c.name, values: Array.from({ length: n }, (_, i) => c.values[rowOf(i)] as string | null) }))
    .filter((c) => new Set(c.values).size <= MAX_CATEGORIES)
  const customers = raw.idColumn ? labelsOf(raw.frame.columns.find((c) => c.name === raw.idColumn)!) : null
  const customerOf = (i: number) => customers?.[rowOf(i)] ?? `Row ${formatCount(rowOf(i) + 1)}`

  await step(0.65, 'Measuring how clearly customers belong to their segment')
  const rng = createRng(run.settings.seed)
  const silhouetteRows = sampleRows(n, SILHOUETTE_SAMPLE, rng)
  const sampleX = pickRows(space.x, silhouetteRows)
  const sampleLabels = Int32Array.from(silhouetteRows, (r) => labels[r])
  const detail = k >= 2 && n > k ? silhouetteDetail(sampleX, sampleLabels, k) : null

  const { segments, features } = profileSegments(labels, k, { numeric, categories, monetary }, detail?.bySegment)

  await step(0.8, 'Finding simple rules for each segment')
  const ruleColumns = numeric.filter((c) => run.features.includes(c.name))
  const ruleMatrix = matrix(n, ruleColumns.length)
  ruleColumns.forEach((c, j) => {
    // A rule must hold for every customer: where original values are missing, use what the run clustered.
    const values = c.values.some(Number.isNaN) ? (preparedValues(prepared.frame, c.name) ?? c.values) : c.values
    for (let i = 0; i < n; i++) ruleMatrix.data[i * ruleColumns.length + j] = values[i]
  })
  const rules =
    ruleColumns.length > 0 && k >= 2
      ? explainSegments(
          ruleMatrix,
          ruleColumns.map((c) => c.name),
          labels,
          k,
        )
      : null

  await step(0.9, 'Drawing the segment map')
  const mapRows = sampleRows(n, MAP_SAMPLE, rng)
  const points = segmentMapPoints(space.x, mapRows)

  const notes: string[] = []
  if (!spec.pipelineKnown) {
    notes.push("This run was made before runs remembered their preparation; it is described with today's preparation.")
  }
  if (silhouetteRows.length < n) {
    notes.push(`Silhouettes were measured on a random sample of ${formatCount(silhouetteRows.length)} customers.`)
  }
  if (numeric.some((c) => c.units === 'prepared')) {
    const names = numeric.filter((c) => c.units === 'prepared').map((c) => c.name)
    notes.push(
      `${listNames(names)} ${names.length === 1 ? 'exists' : 'exist'} only after preparation, so ${names.length === 1 ? 'it is' : 'they are'} shown as prepared, not in the file's units.`,
    )
  }

  const profile: RunProfile = {
    version: RUN_PROFILE_VERSION,
    runId: run.id,
    k,
    n,
    monetaryFeature: monetary,
    segments,
    features,
    rules,
    borderline: detail ? borderline(detail, silhouetteRows, sampleLabels, customerOf) : [],
    silhouette: detail ? silhouetteSummary(detail.values, sampleLabels, k) : null,
    map: {
      x: Array.from(points.x),
      y: Array.from(points.y),
      segment: Array.from(mapRows, (r) => labels[r]),
      customer: Array.from(mapRows, customerOf),
      explained: points.explained,
      total: n,
    },
    rfm,
    notes,
    computedAt: new Date().toISOString(),
  }
  return { profile }
}

/** The column that measures money spent: the one whose role is "amount", else the RFM builder's `monetary`. */
function monetaryColumn(columns: readonly DatasetColumn[], frame: Frame): string | null {
  const isNumber = (name: string) => frame.columns.some((c) => c.name === name && c.kind === 'number')
  const amount = columns.find((c) => c.role === 'amount' && isNumber(c.name))
  if (amount) return amount.name
  return isNumber('monetary') ? 'monetary' : null
}

function preparedValues(frame: Frame, name: string): Float64Array | null {
  const c = frame.columns.find((col) => col.name === name && col.kind === 'number')
  return c ? (c.values as Float64Array) : null
}

function column(x: { data: Float64Array; rows: number; cols: number }, j: number): Float64Array {
  return Float64Array.from({ length: x.rows }, (_, i) => x.data[i * x.cols + j])
}

function pickRows(x: { data: Float64Array; rows: number; cols: number }, rows: Int32Array) {
  const out = matrix(rows.length, x.cols)
  rows.forEach((r, i) => out.data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), i * x.cols))
  return out
}

/** The sampled customers with the lowest silhouettes: those closest to another segment. */
function borderline(
  detail: { values: Float64Array; nearest: Int32Array },
  rows: Int32Array,
  labels: Int32Array,
  customerOf: (row: number) => string,
): BorderlineCustomer[] {
  const order = Array.from(detail.values.keys())
    .filter((i) => detail.nearest[i] >= 0)
    .sort((a, b) => detail.values[a] - detail.values[b] || a - b)
  return order.slice(0, BORDERLINE_SHOWN).map((i) => ({
    customer: customerOf(rows[i]),
    segment: labels[i],
    nearest: detail.nearest[i],
    silhouette: detail.values[i],
  }))
}

function silhouetteSummary(values: Float64Array, labels: Int32Array, k: number): SilhouetteSummary {
  const bySegment: number[][] = Array.from({ length: k }, () => [])
  values.forEach((v, i) => bySegment[labels[i]].push(v))
  const thin = (sorted: number[]) => {
    if (sorted.length <= SILHOUETTE_PLOT_VALUES) return sorted
    // Evenly spaced order statistics keep the plot's shape (and both ends) with far fewer bars.
    const step = (sorted.length - 1) / (SILHOUETTE_PLOT_VALUES - 1)
    return Array.from({ length: SILHOUETTE_PLOT_VALUES }, (_, i) => sorted[Math.round(i * step)])
  }
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
  return {
    sampleSize: values.length,
    mean,
    bySegment: bySegment.map((v) => thin(v.sort((a, b) => b - a))),
  }
}

/** RFM segment × cluster counts, when the table is (or was joined to) an RFM table. */
function rfmCrossTab(frame: Frame, labels: Int32Array, k: number, rowOf: (i: number) => number): RfmCrossTab | null {
  const has = (name: string) => frame.columns.some((c) => c.name === name && c.kind === 'number')
  const segment = frame.columns.find((c) => c.name === RFM_SEGMENT_COLUMN && c.kind === 'category')
  if (!segment || !has('R') || !has('F') || !has('M')) return null
  const counts = new Map<string, number[]>()
  labels.forEach((cluster, i) => {
    const rfm = (segment.values[rowOf(i)] as string | null) ?? 'Unknown'
    if (!counts.has(rfm)) counts.set(rfm, new Array<number>(k).fill(0))
    counts.get(rfm)![cluster]++
  })
  const total = (row: number[]) => row.reduce((a, b) => a + b, 0)
  const ordered = [...counts.entries()].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))
  return { rfmSegments: ordered.map(([name]) => name), counts: ordered.map(([, row]) => row) }
}

/**
 * Gathers the report model from the project file: the chosen run (or a given one), its segment labels and profile, the
 * datasets it came from, its preparation, the data period and the data-quality notes — with personal data removed and
 * customer ids pseudonymised on request. The only part of the report that reads the store.
 */
import type { Db } from '../store/database'
import { getDataset } from '../store/repos/datasets'
import { getMeta } from '../store/repos/meta'
import { currentPipeline } from '../store/repos/pipelines'
import { loadProfile } from '../store/repos/profiles'
import { loadRfmSummary } from '../store/repos/rfmSummaries'
import { getRunProfile } from '../store/repos/runProfiles'
import { getRun, listRuns, runArrays } from '../store/repos/runs'
import { getRecModel, getSensitiveMarks, segmentCustomers, segmentItems } from '../store/repos/recommendations'
import { dendrogramLayout } from '../engine/cluster/dendrogram'
import { toRows } from '../engine/matrix'
import { formatCount } from '../engine/profile/wording'
import type { ClusterRun, Dendrogram } from '../../shared/domain/cluster'
import type { DatasetSummary } from '../../shared/domain/dataset'
import { isSensitive } from '../../shared/domain/recommend'
import { UserError } from '../../shared/errors'
import type { ReportDataset, ReportModel, ReportRecommendations } from './model'
import { pseudonymiseProfile, pseudonymiser, withoutPersonalData } from './privacy'
import { preparationWords } from './text/steps'

/** Leaves shown on the printed dendrogram (groups of customers below them). */
const DENDROGRAM_LEAVES = 30
/** Items shown on each segment card: one line each, so a card still fits its page. */
const SEGMENT_ITEMS_SHOWN = 5
/** Lift an item needs to stand out on a card: bought by at least 10% more of the segment than of all customers. */
const SEGMENT_MIN_LIFT = 1.1

export interface LoadOptions {
  /** Defaults to the project's chosen run. */
  readonly runId?: number
  readonly pseudonymise: boolean
  /** Personal-data columns the user chose to show; all others are removed. */
  readonly includePersonal?: readonly string[]
  readonly now?: Date
}

export function chosenRun(db: Db, runId?: number): ClusterRun {
  if (runId !== undefined) return getRun(db, runId)
  const chosen = listRuns(db).find((r) => r.chosen)
  if (!chosen) {
    throw new UserError(
      'This project has no chosen segmentation yet: segment the customers and choose a run (Segment step) first.',
      { code: 'report.noRun' },
    )
  }
  return chosen
}

export function loadReportModel(db: Db, options: LoadOptions): ReportModel {
  const run = chosenRun(db, options.runId)
  const lineage = datasetsBehind(db, run.datasetId)
  const personal = personalColumns(lineage, options.includePersonal)
  let profile = getRunProfile(db, run.id)
  if (profile) profile = withoutPersonalData(profile, personal)
  if (profile && options.pseudonymise) profile = pseudonymiseProfile(profile, pseudonymiser())
  const steps = run.pipeline ?? currentPipeline(db, run.datasetId).steps

  return {
    projectName: getMeta(db, 'name') ?? 'SegmentLab project',
    createdAt: (options.now ?? new Date()).toISOString(),
    period: dataPeriod(db, lineage),
    datasets: lineage.map((d) => reportDataset(db, d)),
    preparation: preparationWords(steps),
    run: {
      name: run.name,
      createdAt: run.createdAt,
      method: run.settings.method,
      k: run.k,
      n: run.n,
      features: run.features,
      scale: run.settings.scale,
      seed: run.settings.seed,
      sizes: run.sizes,
      metrics: run.metrics,
      transforms: run.transforms ?? [],
      sweep: run.sweep,
      recommendation: run.recommendation,
      fixedK: run.settings.k !== 'auto',
      notes: run.notes,
      dendrogram: run.hasLinkage ? dendrogram(db, run.id) : null,
    },
    profile,
    labels: run.segments,
    qualityNotes: qualityNotes(db, lineage, personal),
    pseudonymised: options.pseudonymise,
    recommendations: recommendations(db, run),
  }
}

/**
 * The stored recommender for the report: its evaluation, and each segment's top items when it was matched to this
 * run: the items a segment buys more than customers overall (by lift, as the Personalise step's "what sets it apart",
 * from 1.1). Only items and aggregate counts: no customer appears. Items marked sensitive since the fit stay out.
 */
function recommendations(db: Db, run: ClusterRun): ReportRecommendations | null {
  const model = getRecModel(db)
  if (!model) return null
  const matched = model.segments !== null && model.segments.runId === run.id && model.segments.k === run.k
  let items: ReportRecommendations['segmentItems'] = null
  let customers: number[] = []
  if (matched) {
    const marks = getSensitiveMarks(db)
    const marked = new Set(marks.items)
    const rows = segmentItems(db).filter(
      (r) =>
        r.ranking === 'lift' &&
        r.lift >= SEGMENT_MIN_LIFT &&
        !isSensitive({ id: r.item, category: r.category, text: r.name }, marks, marked),
    )
    items = Array.from({ length: run.k }, (_, s) =>
      rows
        .filter((r) => r.segment === s)
        .slice(0, SEGMENT_ITEMS_SHOWN)
        .map((r) => ({ item: r.item, name: r.name, buyers: r.segmentBuyers, share: r.share, lift: r.lift })),
    )
    const bySegment = segmentCustomers(db)
    customers = Array.from({ length: run.k }, (_, s) => bySegment.get(s) ?? 0)
  }
  return {
    method: model.method,
    automatic: model.settings.method === 'auto',
    evaluation: model.evaluation,
    data: model.data,
    computedAt: model.computedAt,
    segmentItems: items,
    segmentCustomers: customers,
    otherRun: matched ? null : (model.segments?.runName ?? null),
  }
}

/** The personal-data columns of a run's tables that must stay out of what is printed or exported. */
export function personalColumns(lineage: readonly DatasetSummary[], include: readonly string[] = []): Set<string> {
  const shown = new Set(include)
  return new Set(lineage.flatMap((d) => d.columns.filter((c) => c.pii && !shown.has(c.name)).map((c) => c.name)))
}

/** The segmented dataset and those it was derived from, oldest first. */
export function datasetsBehind(db: Db, datasetId: number): DatasetSummary[] {
  const out: DatasetSummary[] = []
  const seen = new Set<number>()
  for (let id: number | null = datasetId; id !== null && !seen.has(id);) {
    seen.add(id)
    const d = getDataset(db, id)
    out.unshift(d)
    id = d.derivedFrom
  }
  return out
}

function reportDataset(db: Db, d: DatasetSummary): ReportDataset {
  const rfm = d.derivedFrom !== null ? loadRfmSummary(db, d.id) : null
  const source = d.derivedFrom !== null ? getDataset(db, d.derivedFrom).name : null
  return {
    name: d.name,
    kind: d.kind,
    rows: d.rowCount,
    columns: d.columns.length,
    fileName: d.source?.fileName ?? null,
    derivation: rfm
      ? `RFM features built from ${source} as of ${rfm.asOf.slice(0, 10)}`
      : source
        ? `Built from ${source}`
        : null,
    personalColumns: d.columns.filter((c) => c.pii).length,
  }
}

/** First and last day of the data, from the stored quality check of a dataset's date column (oldest dataset first). */
function dataPeriod(db: Db, lineage: readonly DatasetSummary[]): ReportModel['period'] {
  for (const d of lineage) {
    const profile = loadProfile(db, d.id)
    if (!profile) continue
    const dateColumns = new Set(d.columns.filter((c) => c.role === 'date' || c.type === 'date').map((c) => c.name))
    const column = profile.profile.columns.find((c) => c.kind === 'date' && dateColumns.has(c.name) && c.numeric)
    if (column?.numeric && Number.isFinite(column.numeric.min) && Number.isFinite(column.numeric.max)) {
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
      return { from: day(column.numeric.min), to: day(column.numeric.max) }
    }
  }
  return null
}

function qualityNotes(
  db: Db,
  lineage: readonly DatasetSummary[],
  personal: ReadonlySet<string>,
): ReportModel['qualityNotes'] {
  return lineage
    .map((d) => {
      const notes: string[] = []
      const report = d.importReport
      if (report) {
        // Counts only: an import problem's message may quote a cell, which could be personal data.
        if (report.raggedRowCount > 0)
          notes.push(`${formatCount(report.raggedRowCount)} rows had a different number of fields than the header.`)
        if (report.blankRowCount > 0) notes.push(`${formatCount(report.blankRowCount)} blank lines were skipped.`)
        if (report.problems.length > 0)
          notes.push(`${formatCount(report.problems.length)} problems were noted while reading the file.`)
      }
      notes.push(...(loadRfmSummary(db, d.id)?.notes ?? []))
      for (const f of loadProfile(db, d.id)?.findings ?? []) {
        if (f.severity === 'info' || (f.column !== null && personal.has(f.column))) continue
        notes.push(f.message)
      }
      return { dataset: d.name, notes }
    })
    .filter((d) => d.notes.length > 0)
}

function dendrogram(db: Db, runId: number): Dendrogram | null {
  const { linkage } = runArrays(db, runId)
  if (!linkage) return null
  const z = { data: linkage, rows: linkage.length / 4, cols: 4 }
  const layout = dendrogramLayout(z, { truncateTo: Math.min(DENDROGRAM_LEAVES, z.rows + 1) })
  return {
    runId,
    icoord: toRows(layout.icoord),
    dcoord: toRows(layout.dcoord),
    leafSizes: Array.from(layout.leafSizes),
    heights: Array.from({ length: z.rows }, (_, i) => linkage[i * 4 + 2]),
    n: z.rows + 1,
  }
}

/**
 * Step 5, Personalise: recommendations fitted and evaluated in a job, stored in the project, read back per customer and
 * per segment, with the items the user marks as sensitive and the lists as CSV or XLSX.
 */
import type { Db } from '../store/database'
import { getMeta } from '../store/repos/meta'
import { getDataset } from '../store/repos/datasets'
import { getRun, listRuns } from '../store/repos/runs'
import {
  customerList,
  customersStartingWith,
  findCustomer,
  findItem,
  hasNeighbours,
  itemNeighbours,
  getRecModel,
  getSensitiveMarks,
  iterateLists,
  saveRecommendations,
  searchItems,
  segmentCustomers,
  segmentItems,
  setSensitiveMarks,
  type StoredItem,
  type StoredNeighbour,
  type StoredRecommendation,
} from '../store/repos/recommendations'
import { toCsv } from '../report/exports/csv'
import { toXlsx } from '../report/exports/xlsx'
import type { Cell, ExportTableData } from '../report/exports/cells'
import type { ClusterRun } from '../../shared/domain/cluster'
import type { JobInfo } from '../../shared/domain/jobs'
import type { ExportFormat, MadeFile } from '../../shared/domain/report'
import {
  isSensitive,
  recMethodNames,
  type CatalogueItem,
  type CustomerLookup,
  type RecModel,
  type RecommendSettings,
  type SegmentTopItem,
  type SegmentTopItems,
  type SensitiveMarks,
  type SimilarItem,
  type SimilarItems,
} from '../../shared/domain/recommend'
import { defaultSegmentLabel } from '../../shared/domain/understand'
import { UserError } from '../../shared/errors'
import type { Session } from './session'
import type { JobService } from './jobService'
import type { MadeFiles } from './madeFiles'

const TABLE_FILES = {
  csv: { type: 'text/csv; charset=utf-8', filter: { name: 'CSV table', extensions: ['csv'] } },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filter: { name: 'Excel workbook', extensions: ['xlsx'] },
  },
} as const

/** Rows an Excel sheet holds, header included. */
const XLSX_MAX_ROWS = 1_048_576

export function createRecommendService(deps: { session: Session; jobs: JobService; files: MadeFiles }) {
  const { session, jobs } = deps
  const db = () => session.requireProject().db

  return {
    compute(settings: RecommendSettings): JobInfo {
      const project = db()
      getDataset(project, settings.datasetId)
      if (settings.catalogue) getDataset(project, settings.catalogue.datasetId)
      const chosen = listRuns(project).find((r) => r.chosen) ?? null
      const title = `Recommending products (${recMethodNames[settings.method]})`
      return jobs.start(
        { kind: 'recommend', settings, sensitive: getSensitiveMarks(project), runId: chosen?.id ?? null },
        title,
        {
          apply: (result) => {
            project.transaction(() => saveRecommendations(project, result, new Date().toISOString()))()
            return { datasetId: settings.datasetId }
          },
        },
      ).info
    },

    model(): RecModel | null {
      return getRecModel(db())
    },

    customer(id: string): CustomerLookup {
      const project = db()
      const model = getRecModel(project)
      if (!model) return { found: null, suggestions: [] }
      const query = id.trim()
      const suggestions = customersStartingWith(project, query, 8)
      const stored = findCustomer(project, query)
      if (!stored) return { found: null, suggestions }
      const words = reasonWords(project, model)
      const marks = getSensitiveMarks(project)
      const marked = new Set(marks.items)
      const all = customerList(project, stored.idx)
      const shown = all.filter((r) => !sensitiveNow(r, marks, marked))
      return {
        found: {
          customer: stored.customer,
          history: stored.history,
          segment: stored.segment,
          items: shown.map((r) => ({ rank: r.rank, item: r.item, name: r.name, score: r.score, reason: words(r) })),
          hiddenSinceFit: all.length - shown.length,
        },
        suggestions,
      }
    },

    segments(): SegmentTopItems | null {
      const project = db()
      const model = getRecModel(project)
      if (!model?.segments || !runExists(project, model.segments.runId)) return null
      const marks = getSensitiveMarks(project)
      const marked = new Set(marks.items)
      const customers = segmentCustomers(project)
      const rows = segmentItems(project).filter((r) => !sensitiveNow(r, marks, marked))
      const item = (r: (typeof rows)[number]): SegmentTopItem => ({
        item: r.item,
        name: r.name,
        buyers: r.segmentBuyers,
        share: r.share,
        lift: r.lift,
      })
      return {
        runId: model.segments.runId,
        segments: Array.from({ length: model.segments.k }, (_, segment) => ({
          segment,
          customers: customers.get(segment) ?? 0,
          byLift: rows.filter((r) => r.segment === segment && r.ranking === 'lift').map(item),
          byBuyers: rows.filter((r) => r.segment === segment && r.ranking === 'buyers').map(item),
        })),
      }
    },

    sensitive: (): SensitiveMarks => getSensitiveMarks(db()),

    markSensitive(marks: SensitiveMarks): SensitiveMarks {
      const clean = {
        items: [...new Set(marks.items.map((i) => i.trim()).filter(Boolean))],
        categories: [...new Set(marks.categories.map((c) => c.trim()).filter(Boolean))],
      }
      setSensitiveMarks(db(), clean)
      return getSensitiveMarks(db())
    },

    items(query: string): CatalogueItem[] {
      const project = db()
      const marks = getSensitiveMarks(project)
      const marked = new Set(marks.items)
      return searchItems(project, query.trim(), 20).map((r) => ({
        item: r.item,
        name: r.name,
        buyers: r.buyers,
        category: r.category,
        sensitive: sensitiveNow(r, marks, marked),
      }))
    },

    /**
     * "Items like this one" for an exact item id: read from the lists the fit stored (instant, and the same data and
     * sensitive marks as the recommendations). Null without a fit or for an unknown id.
     */
    similar(id: string): SimilarItems | null {
      const project = db()
      const model = getRecModel(project)
      const stored = model ? findItem(project, id.trim()) : null
      if (!model || !stored) return null
      const marks = getSensitiveMarks(project)
      const marked = new Set(marks.items)
      const near = itemNeighbours(project, stored.item).filter((r) => !sensitiveNow(r, marks, marked))
      const of = (kind: StoredNeighbour['kind']): SimilarItem[] =>
        near
          .filter((r) => r.kind === kind)
          .map((r) => ({ item: r.item, name: r.name, similarity: r.sim, reason: neighbourReason(r) }))
      return {
        item: { ...stored, sensitive: sensitiveNow(stored, marks, marked) },
        content: model.settings.catalogue ? of('content') : null,
        bought: of('bought'),
        listed: hasNeighbours(project),
      }
    },

    /** Customer, rank, item, score, reason: every list as the screen shows it, formula-safe. */
    async export(format: ExportFormat): Promise<MadeFile | null> {
      const project = db()
      const model = getRecModel(project)
      if (!model) {
        throw new UserError('There are no recommendations to export yet: make them first.', {
          code: 'recommend.none',
        })
      }
      const table = exportTable(project, model)
      if (format === 'xlsx' && table.rows.length + 1 > XLSX_MAX_ROWS) {
        throw new UserError(
          `The recommendations have ${table.rows.length.toLocaleString('en')} rows, more than an Excel sheet holds; export them as CSV.`,
          { code: 'recommend.tooManyRows' },
        )
      }
      const name = `${baseName(project)} recommendations.${format}`
      return deps.files.deliver({ name, ...TABLE_FILES[format] }, async () =>
        format === 'csv' ? Buffer.from(toCsv(table), 'utf8') : toXlsx([table]),
      )
    },
  }
}

export type RecommendService = ReturnType<typeof createRecommendService>

function runExists(db: Db, runId: number): boolean {
  try {
    getRun(db, runId)
    return true
  } catch {
    return false
  }
}

/** Items marked since the fit are not shown either: the marks take effect at once, the next fit fills their places. */
function sensitiveNow(item: StoredItem, marks: SensitiveMarks, marked: ReadonlySet<string>): boolean {
  return isSensitive({ id: item.item, category: item.category, text: item.name }, marks, marked)
}

/** Reasons in words with today's segment names (a segment renamed after the fit is called by its new name). */
function reasonWords(db: Db, model: RecModel): (r: StoredRecommendation) => string {
  let run: ClusterRun | null = null
  if (model.segments && runExists(db, model.segments.runId)) run = getRun(db, model.segments.runId)
  const segmentName = (s: number) => run?.segments[s]?.name ?? defaultSegmentLabel(s).name
  return (r) => {
    switch (r.reason) {
      case 'bought':
        return `because you bought ${r.reasonItemName ?? r.reasonItem ?? 'a similar item'}`
      case 'similar-customers':
        return `bought by ${r.reasonA ?? 0} of the ${r.reasonB ?? 0} customers most like you`
      case 'segment':
        return `popular with ${segmentName(r.reasonA ?? 0)}`
      case 'popular':
        return 'one of the best-sellers'
    }
  }
}

function neighbourReason(r: StoredNeighbour): string {
  if (r.kind === 'content') return r.words ? `descriptions share “${r.words}”` : 'a similar description'
  const n = r.together ?? 0
  return `bought together by ${n.toLocaleString('en')} ${n === 1 ? 'customer' : 'customers'}`
}

function exportTable(db: Db, model: RecModel): ExportTableData {
  const words = reasonWords(db, model)
  const marks = getSensitiveMarks(db)
  const marked = new Set(marks.items)
  const rows: Cell[][] = []
  let customer: string | null = null
  let rank = 0
  for (const r of iterateLists(db)) {
    if (sensitiveNow(r, marks, marked)) continue
    if (r.customer !== customer) {
      customer = r.customer
      rank = 0
    }
    rows.push([r.customer, ++rank, r.item, r.name, Number(r.score.toPrecision(6)), words(r)])
  }
  return {
    sheet: 'Recommendations',
    header: [model.settings.customer, 'Rank', model.settings.item, 'Item', 'Score', 'Reason'],
    rows,
  }
}

function baseName(db: Db): string {
  const name = getMeta(db, 'name') ?? ''
  return (
    name
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'SegmentLab project'
  )
}

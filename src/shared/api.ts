/**
 * The one contract between the renderer and main: every request (name → validated input, output type) and every event
 * (name → payload). The Electron preload, the IPC binding, the browser host's WebSocket and its client are all derived
 * from these two tables, so a channel name is never typed twice.
 */
import { z } from 'zod'
import type { AppInfo, ProjectSummary, RecentProject } from './domain/project'
import type { ColumnStats, DatasetPage, DatasetSummary } from './domain/dataset'
import { columnRoles, columnTypes, datasetKinds } from './domain/dataset'
import type { FileInspection } from './domain/import'
import type { DatasetProfile, PrepPipeline, PrepPreview, RfmSummary } from './domain/prepared'
import { prepStepSchema } from './domain/prep'
import type { ClusterRun, Dendrogram, FeatureChoice, MemoryEstimate } from './domain/cluster'
import { clusterMethods, scaleMethods, transformModes } from './domain/cluster'
import type { JobInfo, Progress } from './domain/jobs'
import type { RunProfile } from './domain/understand'
import type { MadeFile, ReportPreview } from './domain/report'
import { exportFormats, exportTables, paperSizes, reportFormats } from './domain/report'
import type {
  CatalogueItem,
  CustomerLookup,
  RecModel,
  SegmentTopItems,
  SensitiveMarks,
  SimilarItems,
} from './domain/recommend'
import { recommendSettingsSchema, sensitiveMarksSchema } from './domain/recommend'
import type { ErrorPayload } from './errors'

/** A request: its input schema (checked at the boundary) and, as a phantom type, its output. */
interface RequestDef<I extends z.ZodType, O> {
  readonly input: I
  readonly output?: O
}
function request<O>() {
  return <I extends z.ZodType>(input: I): RequestDef<I, O> => ({ input })
}

const none = z.object({}).strict()
const projectPath = z.string().min(1).max(4096)
const datasetId = z.number().int().positive()
const filePath = z.string().min(1).max(4096)
const runId = z.number().int().positive()
/** Every setting of a segmentation but the dataset: the app's request and the CLI's flags are both checked with it. */
const segmentationFields = {
  features: z.array(z.string().min(1)).min(1, 'Choose at least one feature.').max(500),
  method: z.enum(clusterMethods).default('kmeans'),
  k: z.union([z.number().int().min(2).max(50), z.literal('auto')]).default('auto'),
  kRange: z.tuple([z.number().int().min(2), z.number().int().max(50)]).default([2, 10]),
  scale: z.enum(scaleMethods).default('standard'),
  transform: z.enum(transformModes).default('auto'),
  preferK: z
    .tuple([z.number().int().min(2), z.number().int().max(50)])
    .nullable()
    .default([3, 8]),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(42),
  nInit: z.number().int().min(1).max(100).default(10),
  maxIter: z.number().int().min(1).max(10_000).default(300),
  stability: z.boolean().default(false),
  sampleSize: z.number().int().min(100).nullable().default(null),
}
type SegmentationChecked = { kRange: readonly [number, number]; preferK: readonly [number, number] | null }
function withSegmentationChecks<T extends z.ZodType<SegmentationChecked>>(schema: T) {
  return schema
    .refine((s) => s.kRange[0] <= s.kRange[1], {
      message: 'The smallest number of segments must not exceed the largest.',
    })
    .refine((s) => s.preferK === null || s.preferK[0] <= s.preferK[1], {
      message: 'The smallest preferred number of segments must not exceed the largest.',
    })
}
const clusterSettingsSchema = withSegmentationChecks(z.object({ datasetId, ...segmentationFields }).strict())
/** The same settings for a file outside any project (the CLI): same limits, same messages. */
export const fileSegmentationSchema = withSegmentationChecks(z.object(segmentationFields).strict())
const readSettings = {
  sheet: z.string().min(1).optional(),
  encoding: z.string().min(1).max(40).optional(),
  delimiter: z.string().min(1).max(10).optional(),
  hasHeader: z.boolean().optional(),
}

/** What a report shows (Report step): sections, paper, ids pseudonymised, personal-data columns ticked to appear. */
const reportChoice = {
  runId: runId.optional(),
  sections: z
    .object({
      cover: z.boolean(),
      summary: z.boolean(),
      method: z.boolean(),
      overview: z.boolean(),
      segments: z.boolean(),
      // Added with recommendations: callers that predate it get them whenever the project has a model.
      recommendations: z.boolean().default(true),
      appendix: z.boolean(),
    })
    .strict()
    .optional(),
  paper: z.enum(paperSizes).default('A4'),
  pseudonymise: z.boolean().default(true),
  includePersonal: z.array(z.string().min(1).max(500)).max(500).default([]),
}
/** The renderer's name for one report build: its progress events carry it, and Cancel names it. */
const buildId = z.string().regex(/^[\w-]{8,64}$/, 'A build id is 8 to 64 letters, digits, - or _.')

export const requests = {
  'app.info': request<AppInfo>()(none),
  'projects.recent': request<RecentProject[]>()(none),
  'projects.forget': request<RecentProject[]>()(z.object({ path: projectPath }).strict()),
  'project.create': request<ProjectSummary>()(z.object({ name: z.string().trim().min(1).max(120) }).strict()),
  /** "Try with sample data": a new project with the bundled sample customers and transactions imported. */
  'project.createSample': request<ProjectSummary>()(none),
  'project.open': request<ProjectSummary>()(z.object({ path: projectPath }).strict()),
  'project.current': request<ProjectSummary | null>()(none),
  'project.close': request<null>()(none),
  'datasets.list': request<DatasetSummary[]>()(none),
  'datasets.page': request<DatasetPage>()(
    z.object({ datasetId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict(),
  ),
  'datasets.columnStats': request<ColumnStats[] | null>()(z.object({ datasetId }).strict()),
  'jobs.columnStats': request<JobInfo>()(z.object({ datasetId }).strict()),
  /** Native file picker; only the desktop shell has one (the browser client uploads instead). */
  'shell.pickFile': request<string | null>()(z.object({ purpose: z.enum(['project', 'data']) }).strict()),
  'import.inspect': request<FileInspection>()(z.object({ path: filePath, ...readSettings }).strict()),
  'import.start': request<JobInfo>()(
    z
      .object({ path: filePath, name: z.string().trim().min(1).max(120), kind: z.enum(datasetKinds), ...readSettings })
      .strict(),
  ),
  'datasets.updateColumn': request<DatasetSummary>()(
    z
      .object({
        datasetId,
        position: z.number().int().min(0),
        type: z.enum(columnTypes).optional(),
        role: z.enum(columnRoles).optional(),
        pii: z.boolean().optional(),
      })
      .strict(),
  ),
  'datasets.rename': request<DatasetSummary>()(
    z.object({ datasetId, name: z.string().trim().min(1).max(120) }).strict(),
  ),
  'datasets.delete': request<null>()(z.object({ datasetId }).strict()),
  /**
   * Adds a customer-level table's columns (e.g. RFM) to a customer table by customer id, as a new dataset; a job
   * matches the ids, and its product names the new table and says how many customers matched.
   */
  'datasets.join': request<JobInfo>()(z.object({ customersId: datasetId, featuresId: datasetId }).strict()),
  'datasets.profile': request<DatasetProfile | null>()(z.object({ datasetId }).strict()),
  'jobs.profile': request<JobInfo>()(z.object({ datasetId }).strict()),
  'prep.get': request<PrepPipeline>()(z.object({ datasetId }).strict()),
  'prep.save': request<PrepPipeline>()(z.object({ datasetId, steps: z.array(prepStepSchema).max(200) }).strict()),
  'prep.undo': request<PrepPipeline>()(z.object({ datasetId }).strict()),
  /** Applies the saved pipeline in a job and waits for it: effects of each step and the resulting table. */
  'prep.preview': request<PrepPreview>()(z.object({ datasetId }).strict()),
  'rfm.build': request<JobInfo>()(
    z
      .object({
        datasetId,
        customer: z.string().min(1),
        date: z.string().min(1),
        amount: z.string().min(1).optional(),
        quantity: z.string().min(1).optional(),
        price: z.string().min(1).optional(),
        invoice: z.string().min(1).optional(),
        asOf: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.')
          .optional(),
        cancellations: z.enum(['exclude', 'net']).default('net'),
      })
      .strict()
      .refine((v) => v.amount !== undefined || (v.quantity !== undefined && v.price !== undefined), {
        message: 'Choose an amount column, or both a quantity and a price column.',
      }),
  ),
  'rfm.summary': request<RfmSummary | null>()(z.object({ datasetId }).strict()),
  /** Numeric columns of the prepared table, with recommendations (waits for a preparation job). */
  'cluster.features': request<FeatureChoice[]>()(z.object({ datasetId }).strict()),
  'cluster.estimate': request<MemoryEstimate>()(
    z
      .object({
        datasetId,
        method: z.enum(clusterMethods),
        features: z.number().int().min(1),
        rows: z.number().int().min(1),
      })
      .strict(),
  ),
  'cluster.run': request<JobInfo>()(clusterSettingsSchema),
  'runs.list': request<ClusterRun[]>()(z.object({ datasetId: datasetId.optional() }).strict()),
  'runs.get': request<ClusterRun>()(z.object({ runId }).strict()),
  'runs.dendrogram': request<Dendrogram>()(
    z.object({ runId, truncateTo: z.number().int().min(2).max(500).default(60) }).strict(),
  ),
  'runs.choose': request<ClusterRun>()(z.object({ runId }).strict()),
  'runs.rename': request<ClusterRun>()(z.object({ runId, name: z.string().trim().min(1).max(120) }).strict()),
  'runs.delete': request<null>()(z.object({ runId }).strict()),
  /** The stored profile of a run's segments (Understand), or null until one has been computed. */
  'understand.profile': request<RunProfile | null>()(z.object({ runId }).strict()),
  /** Computes the profile of a run's segments in a job; stores it and suggests names for segments the user has not named. */
  'jobs.understand': request<JobInfo>()(z.object({ runId }).strict()),
  /** Renames, recolours or describes one segment of a run; returns the run with its segment labels. */
  'segments.update': request<ClusterRun>()(
    z
      .object({
        runId,
        segment: z.number().int().min(0).max(49),
        name: z.string().trim().min(1, 'A segment needs a name.').max(80).optional(),
        colour: z.number().int().min(0).max(7).optional(),
        description: z.string().trim().max(2000).optional(),
        action: z.string().trim().max(2000).optional(),
      })
      .strict(),
  ),
  /** Puts a segment's suggested name back (after a rename). */
  'segments.resetName': request<ClusterRun>()(z.object({ runId, segment: z.number().int().min(0).max(49) }).strict()),
  /** The report as HTML for the Report step's preview, its styles apart (the renderer applies them as CSSOM). */
  'report.preview': request<ReportPreview>()(z.object(reportChoice).strict()),
  /**
   * Makes the report as PDF or HTML, with 'report.progress' events, and saves it (desktop: a save dialog first) or keeps
   * it for the page to download (browser). Null when the user cancelled the dialog; fails with code job.cancelled when
   * 'report.cancel' stopped it.
   */
  'report.make': request<MadeFile | null>()(
    z.object({ ...reportChoice, format: z.enum(reportFormats), buildId }).strict(),
  ),
  /** Stops a report build; false when it had already finished. */
  'report.cancel': request<boolean>()(z.object({ buildId }).strict()),
  /** Segment membership or profiles as CSV or XLSX, formula-safe, delivered as 'report.make' delivers. */
  'exports.table': request<MadeFile | null>()(
    z
      .object({
        runId: runId.optional(),
        table: z.enum(exportTables),
        format: z.enum(exportFormats),
        pseudonymise: z.boolean().default(false),
        includePersonal: z.array(z.string().min(1).max(500)).max(500).default([]),
      })
      .strict(),
  ),
  /** Fits, evaluates and lists recommendations in a job (Personalise), replacing the stored ones when it succeeds. */
  'jobs.recommend': request<JobInfo>()(
    recommendSettingsSchema.strict().refine((s) => s.customer !== s.item, {
      message: 'The customer and item columns must differ.',
    }),
  ),
  /** The stored recommender: settings, evaluation beside the best-sellers, segments matched; null before a fit. */
  'recommend.model': request<RecModel | null>()(none),
  /** One customer's recommendations with reasons (exact id), and ids starting with what was typed. */
  'recommend.customer': request<CustomerLookup>()(z.object({ customer: z.string().max(500) }).strict()),
  /** Each segment's top items from the stored fit; null without a segmentation matched to the transactions. */
  'recommend.segments': request<SegmentTopItems | null>()(none),
  'recommend.sensitive': request<SensitiveMarks>()(none),
  /** Replaces the sensitive marks: hidden at once from lists and exports, left out of the data by the next fit. */
  'recommend.markSensitive': request<SensitiveMarks>()(sensitiveMarksSchema.strict()),
  /** Items of the stored fit whose id, name or category holds the query, most bought first. */
  'recommend.items': request<CatalogueItem[]>()(z.object({ query: z.string().max(200) }).strict()),
  /** "Items like this one": an item's nearest items by description and bought together, with why; null if unknown. */
  'recommend.similar': request<SimilarItems | null>()(z.object({ item: z.string().max(500) }).strict()),
  /** Customer, rank, item, score, reason as CSV or XLSX, formula-safe, delivered as 'exports.table' delivers. */
  'exports.recommendations': request<MadeFile | null>()(z.object({ format: z.enum(exportFormats) }).strict()),
  'jobs.list': request<JobInfo[]>()(none),
  'jobs.cancel': request<JobInfo | null>()(z.object({ jobId: z.string().min(1) }).strict()),
} as const

export type Requests = typeof requests
export type RequestName = keyof Requests
export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>
export type RequestOutput<K extends RequestName> = Exclude<Requests[K]['output'], undefined>

export const requestNames = Object.keys(requests) as RequestName[]

/** Events main pushes to the renderer; the value is a phantom carrying the payload type. */
function event<P>(): P {
  return undefined as P
}
export const events = {
  'job.updated': event<JobInfo>(),
  'project.changed': event<ProjectSummary | null>(),
  'datasets.changed': event<{ readonly datasetIds: readonly number[] }>(),
  'runs.changed': event<{ readonly datasetId: number }>(),
  'report.progress': event<{ readonly buildId: string; readonly progress: Progress }>(),
}
export type Events = typeof events
export type EventName = keyof Events
export const eventNames = Object.keys(events) as EventName[]

/** Server side: one handler per request, checked by the compiler and by a test against `requestNames`. */
export type Handlers = { [K in RequestName]: (input: z.output<Requests[K]['input']>) => Promise<RequestOutput<K>> }

/** Client side: what both bridges (Electron preload, browser-host WebSocket client) provide to the renderer. */
export interface ApiClient {
  invoke<K extends RequestName>(name: K, input: RequestInput<K>): Promise<RequestOutput<K>>
  listen<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

/** What each bridge gives the renderer: the contract, plus the one thing transports do differently — files in. */
export interface Bridge extends ApiClient {
  readonly shell: 'desktop' | 'browser'
  /**
   * Lets the user choose a file and returns a path the services can read: a native dialog on the desktop, an upload
   * to the local host in the browser. Null when the user cancels.
   */
  pickFile(purpose: 'project' | 'data'): Promise<string | null>
  /**
   * Files out, browser only: fetches a file main kept for download and hands it to the browser's downloads. The
   * desktop saves through a dialog in main instead, so its bridge has none.
   */
  saveDownload?(file: Extract<MadeFile, { kind: 'download' }>): Promise<void>
}

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}

/** Validates untrusted input at the boundary; the message names the field that is wrong. */
export function parseRequestInput<K extends RequestName>(name: K, input: unknown): z.output<Requests[K]['input']> {
  const result = requests[name].input.safeParse(input ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue.path.length ? ` (field "${issue.path.join('.')}")` : ''
    throw new RequestInputError(`Invalid input for ${name}${where}: ${issue.message}`)
  }
  return result.data as z.output<Requests[K]['input']>
}

/** What a request returns across a transport: a value, or an error a person can read. */
export type Reply<T = unknown> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorPayload }

export class RequestInputError extends Error {
  override readonly name = 'RequestInputError'
}

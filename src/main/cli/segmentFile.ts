import { UsageError } from './command'
import { parseFlags, requireFlag } from './args'
import { readTable, typedColumn, type WholeTable } from './readTable'
import type { Frame } from '../engine/frame'
import { segmentFrame, type SegmentationOutcome } from '../engine/segmentation/segmentFrame'
import { estimateMemory } from '../services/clusterService'
import { fileSegmentationSchema } from '../../shared/api'
import type { ClusterSettings } from '../../shared/domain/cluster'
import { UserError } from '../../shared/errors'

/** The flags `cluster` and `profile` share, and their usage line. */
export const segmentFlags = {
  features: { type: 'string' },
  method: { type: 'string' },
  k: { type: 'string' },
  'k-range': { type: 'string' },
  scale: { type: 'string' },
  transform: { type: 'string' },
  'prefer-k': { type: 'string' },
  seed: { type: 'string' },
  'n-init': { type: 'string' },
  'max-iter': { type: 'string' },
  json: { type: 'string' },
} as const

export const segmentUsage =
  'FILE.csv --features a,b,c --method kmeans|ward|complete|average|single --k N|auto [--k-range 2-10] ' +
  '[--scale none|standard|minmax|robust] [--transform auto|none] [--prefer-k 3-8] [--seed S] [--n-init N] ' +
  '[--max-iter N] --json OUT\n' +
  '       --scale defaults to none (cluster the values as given), --seed to 0, --n-init to 10, --max-iter to 300.\n' +
  '       --transform auto evens out strongly skewed features (log, or Yeo-Johnson) before scaling, as the app does;\n' +
  '       the default none uses them as given. --prefer-k makes --k auto prefer a number of segments in that range\n' +
  '       unless the criteria clearly say otherwise (the app prefers 3-8); by default the criteria alone decide.'

export interface SegmentedFile {
  readonly settings: ClusterSettings
  readonly out: string
  readonly table: WholeTable
  /** The feature columns as read from the file (its units). */
  readonly frame: Frame
  readonly outcome: SegmentationOutcome
}

/** Flag of each setting, so that a message from the contract's schema names what the user typed. */
const flagOf: Record<string, string> = {
  features: '--features',
  method: '--method',
  k: '--k',
  kRange: '--k-range',
  scale: '--scale',
  transform: '--transform',
  preferK: '--prefer-k',
  seed: '--seed',
  nInit: '--n-init',
  maxIter: '--max-iter',
}

/**
 * Parses the shared flags, checks them with the app's own settings schema (same limits, same guards), reads the file
 * and segments its rows on the app's one segmentation path: one route for `cluster` and `profile`.
 */
export async function segmentFile(args: readonly string[]): Promise<SegmentedFile> {
  const { values, positionals } = parseFlags(args, segmentFlags)
  if (positionals.length !== 1) throw new UsageError('Give exactly one FILE.csv.')
  const out = requireFlag(values.json, '--json')
  const features = requireFlag(values.features, '--features')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  if (features.length === 0) throw new UsageError('--features needs at least one column name.')
  const kText = requireFlag(values.k, '--k')
  const parsed = fileSegmentationSchema.safeParse({
    features,
    method: values.method ?? 'kmeans',
    k: kText === 'auto' ? 'auto' : wholeNumber(kText, '--k'),
    kRange: rangeFlag(values['k-range'] ?? '2-10', '--k-range'),
    // The CLI's documented defaults (its JSON contract): the file's values as given, no preferred range, seed 0.
    scale: values.scale ?? 'none',
    transform: values.transform ?? 'none',
    preferK: values['prefer-k'] === undefined ? null : rangeFlag(values['prefer-k'], '--prefer-k'),
    seed: values.seed === undefined ? 0 : wholeNumber(values.seed, '--seed'),
    nInit: values['n-init'] === undefined ? 10 : wholeNumber(values['n-init'], '--n-init'),
    maxIter: values['max-iter'] === undefined ? 300 : wholeNumber(values['max-iter'], '--max-iter'),
    stability: true,
    sampleSize: null,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const flag = flagOf[String(issue.path[0])] ?? 'The flags'
    throw new UsageError(`${flag}: ${issue.message}`)
  }
  const settings: ClusterSettings = { datasetId: 0, ...parsed.data }

  const table = await readTable(positionals[0])
  notePersonalData(table, features)
  const frame: Frame = {
    rowCount: table.rows.length,
    columns: features.map((f) => typedColumn(table, f, '--features', 'number')),
  }
  // The app's guard: a hierarchical fit that would not fit in memory is refused before it starts, in the same words.
  if (settings.method !== 'kmeans') {
    const estimate = estimateMemory(settings.method, frame.rowCount, features.length)
    if (!estimate.fits) throw new UserError(`${positionals[0]}: ${estimate.advice}`, { code: 'cluster.tooLarge' })
  }
  const outcome = await segmentFrame(frame, settings)
  return { settings, out, table, frame, outcome }
}

/**
 * The app keeps columns flagged as personal data out of a run until the user includes them; on the command line,
 * naming a column in --features is that choice. It is still said, on stderr, so the JSON contract stays as it is.
 */
function notePersonalData(table: WholeTable, features: readonly string[]): void {
  const flagged = table.typed.columns.filter((c) => c.pii !== null && features.includes(c.name))
  for (const c of flagged) {
    process.stderr.write(
      `Note: "${c.name}" looks like personal data (${c.pii!.reason.replace(/ Likely personal data:.*$/, '').replace(/\.$/, '')}); ` +
        'it is used because --features names it.\n',
    )
  }
}

function wholeNumber(text: string, flag: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number; got "${text}".`)
  return n
}

function rangeFlag(text: string, flag: string): [number, number] {
  const range = /^(\d+)-(\d+)$/.exec(text)
  if (!range || Number(range[1]) < 2 || Number(range[1]) > Number(range[2])) {
    throw new UsageError(`${flag} must look like 2-10 (smallest at least 2); got "${text}".`)
  }
  return [Number(range[1]), Number(range[2])]
}

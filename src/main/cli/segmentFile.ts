import { UsageError } from './command'
import { intFlag, parseFlags, requireFlag } from './args'
import { readTable, typedColumn, type WholeTable } from './readTable'
import type { Frame } from '../engine/frame'
import { prepareFeatures, type FittedSpace } from '../engine/segmentation/prepareFeatures'
import { fitSegmentation, type FitOutcome } from '../engine/segmentation/fitSegmentation'
import { sweepSegments } from '../engine/segmentation/sweep'
import {
  clusterMethods,
  scaleMethods,
  transformModes,
  type ClusterMethod,
  type ClusterSettings,
  type ScaleMethod,
  type TransformMode,
} from '../../shared/domain/cluster'

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
  readonly space: FittedSpace
  readonly sweep: Awaited<ReturnType<typeof sweepSegments>> | null
  readonly k: number
  readonly fit: FitOutcome
  readonly fitMs: number
}

/** Parses the shared flags, reads the file and segments its rows: one path for `cluster` and `profile`. */
export async function segmentFile(args: readonly string[]): Promise<SegmentedFile> {
  const { values, positionals } = parseFlags(args, segmentFlags)
  if (positionals.length !== 1) throw new UsageError('Give exactly one FILE.csv.')
  const out = requireFlag(values.json, '--json')
  const features = requireFlag(values.features, '--features')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  if (features.length === 0) throw new UsageError('--features needs at least one column name.')
  const method = oneOf(values.method ?? 'kmeans', clusterMethods, '--method') as ClusterMethod
  const scale = oneOf(values.scale ?? 'none', scaleMethods, '--scale') as ScaleMethod
  const kText = requireFlag(values.k, '--k')
  const k: number | 'auto' = kText === 'auto' ? 'auto' : intFlag(kText, '--k', 0, 1)
  const transform = oneOf(values.transform ?? 'none', transformModes, '--transform') as TransformMode
  const kRange = rangeFlag(values['k-range'] ?? '2-10', '--k-range')
  const preferK = values['prefer-k'] === undefined ? null : rangeFlag(values['prefer-k'], '--prefer-k')
  const settings: ClusterSettings = {
    datasetId: 0,
    features,
    method,
    k,
    kRange,
    scale,
    // By default the contract's numbers: the file's values as given, and the criteria alone choose k.
    transform,
    preferK,
    seed: intFlag(values.seed, '--seed', 0),
    nInit: intFlag(values['n-init'], '--n-init', 10, 1),
    maxIter: intFlag(values['max-iter'], '--max-iter', 300, 1),
    stability: true,
    sampleSize: null,
  }

  const table = await readTable(positionals[0])
  const frame: Frame = {
    rowCount: table.rows.length,
    columns: features.map((f) => typedColumn(table, f, '--features', 'number')),
  }
  const space = prepareFeatures(frame, features, scale, transform)
  const sweep = k === 'auto' ? await sweepSegments(space.x, settings, async () => {}) : null
  const chosenK = sweep ? sweep.recommendation.k : (k as number)
  const started = performance.now()
  const fit = await fitSegmentation(space.x, { ...settings, k: chosenK })
  const fitMs = performance.now() - started
  return { settings, out, table, frame, space, sweep, k: chosenK, fit, fitMs }
}

function rangeFlag(text: string, flag: string): [number, number] {
  const range = /^(\d+)-(\d+)$/.exec(text)
  if (!range || Number(range[1]) < 2 || Number(range[1]) > Number(range[2])) {
    throw new UsageError(`${flag} must look like 2-10 (smallest at least 2); got "${text}".`)
  }
  return [Number(range[1]), Number(range[2])]
}

function oneOf(value: string, allowed: readonly string[], flag: string): string {
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`)
  return value
}

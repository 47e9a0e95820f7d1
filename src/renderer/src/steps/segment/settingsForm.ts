/**
 * The "choose your segments" form as plain data, and how it becomes a `cluster.run` request. Automatic mode ignores
 * the advanced fields on purpose: a marketer who never opened "Advanced" gets the documented defaults, whatever was
 * typed there before.
 */
import type { RequestInput } from '../../../../shared/api'
import { formatCount } from '../../ui/format'
import type { ClusterMethod, ClusterSettings, MemoryEstimate, ScaleMethod } from '../../../../shared/domain/cluster'

export interface SegmentForm {
  readonly mode: 'automatic' | 'advanced'
  readonly method: ClusterMethod
  readonly kMode: 'auto' | 'fixed'
  readonly k: number
  readonly kMin: number
  readonly kMax: number
  readonly scale: ScaleMethod
  readonly seed: number
  readonly nInit: number
  readonly stability: boolean
  /** Cluster a sample then assign everyone (hierarchical methods on large tables). */
  readonly useSample: boolean
  readonly sampleSize: number
}

export const defaultForm: SegmentForm = {
  mode: 'automatic',
  method: 'kmeans',
  kMode: 'auto',
  k: 4,
  kMin: 2,
  kMax: 10,
  scale: 'standard',
  seed: 42,
  nInit: 10,
  stability: false,
  useSample: false,
  sampleSize: 10_000,
}

/** The smallest sample worth clustering; `formProblem` refuses fewer. */
export const minSampleSize = 100

/** The numbers of segments the form accepts, for a fixed number and for the range to try alike. */
export const segmentCounts = { min: 2, max: 50 } as const

/**
 * The largest sample to offer when the whole table of `rows` does not fit in memory: the estimate's `maxRows`, never
 * more than the table has. Null when everything fits (no sample needed) or when not even `minSampleSize` rows fit.
 */
export function largestSample(estimate: MemoryEstimate, rows: number): number | null {
  if (estimate.fits) return null
  const most = Math.min(estimate.maxRows, rows)
  return most >= minSampleSize ? most : null
}

/** Whether the run will cluster a sample: only hierarchical methods do, and only when asked. */
function samples(form: SegmentForm): boolean {
  return form.method !== 'kmeans' && form.useSample
}

/**
 * What is wrong with the form, in words, or null when it can run. `sampleMax` is the largest sample that fits in
 * memory (`largestSample`), when known.
 */
export function formProblem(form: SegmentForm, featureCount: number, sampleMax: number | null = null): string | null {
  if (featureCount === 0) return 'Choose at least one feature.'
  if (form.mode === 'automatic') return null
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max
  const { min, max } = segmentCounts
  if (form.kMode === 'fixed' && !whole(form.k, min, max))
    return `The number of segments must be a whole number from ${min} to ${max}.`
  if (form.kMode === 'auto') {
    if (!whole(form.kMin, min, max) || !whole(form.kMax, min, max))
      return `Segments to try must be whole numbers from ${min} to ${max}.`
    if (form.kMin > form.kMax) return 'The fewest segments to try must not be more than the most.'
  }
  if (!whole(form.seed, 0, 2 ** 31 - 1)) return 'The seed must be a whole number of zero or more.'
  if (!whole(form.nInit, 1, 100)) return 'Restarts must be a whole number from 1 to 100.'
  if (samples(form) && !whole(form.sampleSize, minSampleSize, Number.MAX_SAFE_INTEGER)) {
    return `The sample must have at least ${minSampleSize} customers.`
  }
  if (samples(form) && sampleMax !== null && form.sampleSize > sampleMax) {
    return `At most ${formatCount(sampleMax)} customers fit in memory: choose a smaller sample.`
  }
  return null
}

export function toRunInput(
  form: SegmentForm,
  datasetId: number,
  features: readonly string[],
): RequestInput<'cluster.run'> {
  if (form.mode === 'automatic') {
    return { datasetId, features: [...features], method: 'kmeans', k: 'auto', kRange: [2, 10], scale: 'standard' }
  }
  return {
    datasetId,
    features: [...features],
    method: form.method,
    // A fixed k leaves the range to try at the contract's default: its fields may hold anything, unchecked.
    ...(form.kMode === 'auto'
      ? { k: 'auto' as const, kRange: [form.kMin, form.kMax] as [number, number] }
      : { k: form.k }),
    scale: form.scale,
    seed: form.seed,
    nInit: form.nInit,
    stability: form.stability,
    sampleSize: samples(form) ? form.sampleSize : null,
  }
}

/** The same settings as an earlier run with another number of segments ("Use 5 segments" under a dendrogram). */
export function rerunWithK(settings: ClusterSettings, k: number): RequestInput<'cluster.run'> {
  return {
    ...settings,
    features: [...settings.features],
    kRange: [settings.kRange[0], settings.kRange[1]],
    // Runs made before the preference existed have none: the contract's default applies to them.
    preferK: settings.preferK ? [settings.preferK[0], settings.preferK[1]] : settings.preferK,
    k,
  }
}

/** What automatic mode asks for, as the contract's defaults fill it in (toRunInput sends only the first four). */
const automaticSettings = {
  method: 'kmeans',
  k: 'auto',
  kRange: [2, 10],
  scale: 'standard',
  seed: 42,
  nInit: 10,
  stability: false,
  sampleSize: null,
} as const

/** The form's settings with the contract's defaults where the request leaves them out. */
function formSettings(form: SegmentForm) {
  if (form.mode === 'automatic') return automaticSettings
  return {
    method: form.method,
    k: form.kMode === 'auto' ? ('auto' as const) : form.k,
    kRange: [form.kMin, form.kMax] as const,
    scale: form.scale,
    seed: form.seed,
    nInit: form.nInit,
    stability: form.stability,
    sampleSize: samples(form) ? form.sampleSize : null,
  }
}

/**
 * What differs between the form (with these features ticked) and the settings of a run, in words, in the form's order;
 * empty when "Find segments" would repeat that run. The order of the features does not count.
 */
export function settingsDiffer(form: SegmentForm, features: readonly string[], settings: ClusterSettings): string[] {
  const f = formSettings(form)
  const out: string[] = []
  const ticked = new Set(features)
  if (ticked.size !== new Set(settings.features).size || settings.features.some((name) => !ticked.has(name)))
    out.push('features')
  if (f.method !== settings.method) out.push('method')
  const sameK =
    f.k === settings.k && (f.k !== 'auto' || (f.kRange[0] === settings.kRange[0] && f.kRange[1] === settings.kRange[1]))
  if (!sameK) out.push('number of segments')
  if (f.scale !== settings.scale) out.push('scaling')
  if (f.method === 'kmeans' && settings.method === 'kmeans' && (f.seed !== settings.seed || f.nInit !== settings.nInit))
    out.push('seed or restarts')
  if (f.stability !== settings.stability) out.push('stability check')
  if (f.sampleSize !== settings.sampleSize) out.push('sample')
  return out
}

/**
 * The form that repeats a run's settings: automatic when they are what automatic mode asks for, advanced otherwise.
 * Fields a run does not speak to (the sample size of a run on every row) keep their value from `base`.
 */
export function formFromSettings(settings: ClusterSettings, base: SegmentForm = defaultForm): SegmentForm {
  const automatic = { ...base, mode: 'automatic' as const }
  if (settingsDiffer(automatic, settings.features, settings).length === 0) return automatic
  return {
    ...base,
    mode: 'advanced',
    method: settings.method,
    kMode: settings.k === 'auto' ? 'auto' : 'fixed',
    k: settings.k === 'auto' ? base.k : settings.k,
    kMin: settings.kRange[0],
    kMax: settings.kRange[1],
    scale: settings.scale,
    seed: settings.seed,
    nInit: settings.nInit,
    stability: settings.stability,
    useSample: settings.sampleSize !== null,
    sampleSize: settings.sampleSize ?? base.sampleSize,
  }
}

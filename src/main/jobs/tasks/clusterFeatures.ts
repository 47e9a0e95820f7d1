import type { Task } from './types'
import { preparedFrame } from './preparedFrame'
import { profileColumn } from '../../engine/profile'
import type { FrameColumn } from '../../engine/frame'
import { ONE_HOT_MAX_VALUES } from '../../engine/prep/suggestSteps'
import { getDataset } from '../../store/repos/datasets'
import type { FeatureChoice, FeatureFix } from '../../../shared/domain/cluster'
import type { DatasetColumn } from '../../../shared/domain/dataset'
import { prepStepSchema, type PrepStepInput } from '../../../shared/domain/prep'
import { formatCount, formatValue } from '../../engine/profile/wording'

/**
 * Every column of the prepared table, as the Segment step offers it: the numeric ones a run can use, with a
 * recommendation and its reason; then the ones it cannot use as they stand — categories and yes/no (one click encodes
 * them), numbers with gaps (one click fills them or drops those rows), identifiers, dates, free text, and the columns
 * kept out on Import — each with the reason, so that no column vanishes without a word.
 */
export const clusterFeatures: Task<'clusterFeatures'> = async (spec, ctx) => {
  const { frame, raw } = await preparedFrame(ctx.db, spec.datasetId, spec.steps, ctx.progress)
  await ctx.progress({ fraction: 0.8, title: 'Looking for good segmentation features' })
  const imported = new Map(getDataset(ctx.db, spec.datasetId).columns.map((c) => [c.name, c]))
  const features: FeatureChoice[] = frame.columns.map((column) => choice(column, imported.get(column.name)))
  for (const { name } of raw.excluded) {
    const column = imported.get(name)
    const why = column?.pii
      ? 'Personal data: kept out of segments. Untick “Keep out of segments” on Import to use it.'
      : 'Its role is “Ignore”: change the role on Import to use it.'
    features.push(unavailable(name, why))
  }
  return { features, rowCount: frame.rowCount }
}

function choice(column: FrameColumn, imported: DatasetColumn | undefined): FeatureChoice {
  switch (column.kind) {
    case 'number':
      return numberChoice(column)
    case 'category':
      return categoryChoice(column, imported)
    case 'date':
      return unavailable(
        column.name,
        'A date: segments compare numbers. Build recency (days since) from dates with RFM in Prepare.',
      )
    case 'text':
      return unavailable(column.name, 'Free text: segments cannot compare it.')
  }
}

function numberChoice(column: Extract<FrameColumn, { kind: 'number' }>): FeatureChoice {
  const p = profileColumn(column, {})
  const spread = p.numeric ? p.numeric.max - p.numeric.min : 0
  const name = column.name
  if (p.missing > 0 && p.count > 0) {
    const gaps = p.missing === 1 ? 'the 1 gap' : `the ${formatCount(p.missing)} gaps`
    return unavailable(
      name,
      `${p.missing === 1 ? '1 value is' : `${formatCount(p.missing)} values are`} missing, and segments need a value for every customer.`,
      [
        fix(`Fill ${gaps} with the median (${formatValue(p.numeric?.median ?? NaN)})`, {
          id: `fill-${name}`,
          kind: 'impute',
          columns: [name],
          strategy: 'median',
        }),
        fix(`Leave out the ${p.missing === 1 ? 'row' : `${formatCount(p.missing)} rows`} without a value`, {
          id: `drop-missing-${name}`,
          kind: 'impute',
          columns: [name],
          strategy: 'dropRows',
        }),
      ],
    )
  }
  if (p.count === 0) return unavailable(name, 'Has no values.')
  if (p.idLike) return option(name, false, 'Looks like an identifier, not a characteristic.')
  if (spread === 0) return option(name, false, 'Has the same value for everyone.')
  if (/^(R|F|M)$/.test(name)) return option(name, false, 'An RFM score (1–5); the underlying values say more.')
  return option(name, true, 'A numeric characteristic with no gaps.')
}

function categoryChoice(column: Extract<FrameColumn, { kind: 'category' }>, imported: DatasetColumn | undefined) {
  const name = column.name
  if (imported?.role === 'customerId')
    return unavailable(name, 'The customer key: it names customers, it does not describe them.')
  if (imported?.type === 'id') return unavailable(name, 'An identifier: it labels rows, it does not describe them.')
  const p = profileColumn(column, { topK: 3 })
  if (p.distinct < 2) return unavailable(name, 'Has the same value for everyone.')
  const examples = p.top.map((t) => `“${t.value}”`).join(', ')
  if (imported?.type === 'boolean' && p.distinct === 2) {
    return unavailable(name, 'A yes/no column: segments compare numbers.', [
      fix('Use it as a 0/1 column', {
        id: `encode-${name}`,
        kind: 'encode',
        columns: [name],
        method: 'oneHot',
        dropFirst: true,
      }),
    ])
  }
  if (p.distinct > ONE_HOT_MAX_VALUES) {
    return unavailable(
      name,
      `A category with ${formatCount(p.distinct)} different values (${examples}…): too many to turn into 0/1 columns. Group the rare values in Prepare first.`,
    )
  }
  return unavailable(name, `A category (${examples}${p.distinct > 3 ? '…' : ''}): segments compare numbers.`, [
    fix(`Use it as ${formatCount(p.distinct)} 0/1 columns, one per value`, {
      id: `encode-${name}`,
      kind: 'encode',
      columns: [name],
      method: 'oneHot',
    }),
  ])
}

function option(name: string, recommended: boolean, why: string): FeatureChoice {
  return { name, recommended, why, available: true, fixes: [] }
}

function unavailable(name: string, why: string, fixes: FeatureFix[] = []): FeatureChoice {
  return { name, recommended: false, why, available: false, fixes }
}

function fix(label: string, step: PrepStepInput): FeatureFix {
  return { label, step: prepStepSchema.parse(step) }
}

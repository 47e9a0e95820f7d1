import { useMemo, useState } from 'react'
import type { ColumnEffect, PrepStep, StepEffect } from '../../../../shared/domain/prep'
import { describeHistogram, histogramOption } from '../../../../shared/charts/histogram'
import { EChart } from '../../charts/EChart'
import { useChartPalette } from '../../charts/useChartPalette'
import { countOf, formatCount, listItems, valueFormatFor } from '../../ui/format'
import { Options } from '../../ui/Options'
import { describeStep, kindInfo } from './stepCatalog'

/**
 * What one step did: its sentence, rows before and after, columns added and removed, and for a changed column its
 * distribution before and after (one column at a time, chosen from a list when the step touched several).
 */
export function StepEffectCard({
  index,
  step,
  effect,
  scaledBefore = true,
}: {
  index: number
  step: PrepStep | undefined
  effect: StepEffect
  /** PCA only: whether an earlier enabled step scales every one of its columns. */
  scaledBefore?: boolean
}) {
  const charted = effect.columns.filter((c) => c.before && c.after)
  const [column, setColumn] = useState<string | null>(null)
  const shown = charted.find((c) => c.column === column) ?? charted[0]
  const rowsChanged = effect.rowsAfter !== effect.rowsBefore
  return (
    <li className={`effect${effect.skipped ? ' effect--skipped' : ''}`}>
      <div className="effect__head">
        <span className="step-item__number" aria-hidden="true">
          {index + 1}
        </span>
        <div>
          <strong>{step ? describeStep(step) : kindInfo(effect.kind).label}</strong>
          <p className="effect__summary">{effect.summary}</p>
        </div>
      </div>
      {!effect.skipped && (
        <ul className="effect__facts">
          <li>
            Rows: {formatCount(effect.rowsBefore)}
            {rowsChanged
              ? ` → ${formatCount(effect.rowsAfter)} (${formatCount(effect.rowsAfter - effect.rowsBefore)})`
              : ' (unchanged)'}
          </li>
          {effect.columnsAdded.length > 0 && (
            <li>
              Added {countOf(effect.columnsAdded.length, 'column')}: {listItems(effect.columnsAdded, 6)}
            </li>
          )}
          {effect.columnsRemoved.length > 0 && (
            <li>
              Removed {countOf(effect.columnsRemoved.length, 'column')}: {listItems(effect.columnsRemoved, 6)}
            </li>
          )}
        </ul>
      )}
      {step?.kind === 'pca' && !effect.skipped && (
        <PcaExplanation step={step} added={effect.columnsAdded} scaled={scaledBefore} />
      )}
      {shown && !effect.skipped && (
        <div className="effect__charts">
          {charted.length > 1 && (
            <label className="effect__column">
              <span>Column</span>
              <select className="inline-select" value={shown.column} onChange={(e) => setColumn(e.target.value)}>
                <Options choices={charted.map((c) => c.column)} />
              </select>
            </label>
          )}
          <BeforeAfter effect={shown} />
        </div>
      )}
    </li>
  )
}

function BeforeAfter({ effect }: { effect: ColumnEffect }) {
  const palette = useChartPalette()
  // Years as calendars write them ("1940"), by the name each side's column has: an age step's before is Year_Birth.
  const formatBefore = valueFormatFor(effect.formerName ?? effect.column)
  const formatAfter = valueFormatFor(effect.column)
  const before = useMemo(
    () => histogramOption(effect.before!, palette, { color: palette.muted, format: formatBefore }),
    [effect, palette, formatBefore],
  )
  const after = useMemo(
    () => histogramOption(effect.after!, palette, { color: palette.accent, format: formatAfter }),
    [effect, palette, formatAfter],
  )
  return (
    <div className="before-after">
      <figure>
        <figcaption>Before</figcaption>
        <EChart
          option={before}
          height={120}
          label={describeHistogram(effect.before!, `${effect.formerName ?? effect.column} before`, formatBefore)}
        />
      </figure>
      <figure>
        <figcaption>
          After{effect.changed > 0 && <span className="muted"> · {countOf(effect.changed, 'value')} changed</span>}
        </figcaption>
        <EChart
          option={after}
          height={120}
          label={describeHistogram(effect.after!, `${effect.column} after`, formatAfter)}
        />
      </figure>
    </div>
  )
}

/** Principal components in words: what they are, and what the kept share of variation means for segments. */
function PcaExplanation({
  step,
  added,
  scaled,
}: {
  step: Extract<PrepStep, { kind: 'pca' }>
  added: readonly string[]
  scaled: boolean
}) {
  const first = added[0] ?? `${step.prefix}1`
  return (
    <p className="effect__explain">
      {added.length === 1
        ? `The new column ${first} is a weighted mix of ${listItems(step.columns, 4)}, along the direction in which rows differ most. `
        : `Each new column (${listItems(added, 4)}) is a weighted mix of ${listItems(step.columns, 4)}. ${first} follows the direction in which rows differ most, the next one the largest remaining difference, and so on. `}
      The share of variation kept says how much of the differences between rows the components still describe: the rest
      is treated as noise and left out of the segments.
      {!scaled &&
        ' These columns are not scaled before this step, so the one with the largest numbers dominates: add a “Put numbers on one scale” step before it.'}
    </p>
  )
}

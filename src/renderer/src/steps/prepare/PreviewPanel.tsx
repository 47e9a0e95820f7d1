import type { PrepStep } from '../../../../shared/domain/prep'
import { scaledBefore } from './stepCatalog'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf, formatNumber } from '../../ui/format'
import { StepEffectCard } from './StepEffectCard'
import type { PipelineState } from './usePipeline'

/** The right half of Prepare: what each step did, then the first rows of the prepared table. */
export function PreviewPanel({ state, steps }: { state: PipelineState; steps: readonly PrepStep[] }) {
  const { preview, previewing, previewError } = state
  return (
    <div className="preview-panel" aria-busy={previewing}>
      <div className="pipeline__head">
        <h2 id="preview-title">Result</h2>
        {previewing && (
          <span className="muted small" role="status">
            Updating the preview…
          </span>
        )}
      </div>
      <ErrorNote message={previewError} />
      {!preview ? (
        !previewError && <p className="muted">Preparing the preview…</p>
      ) : (
        <>
          <p className="muted small">
            The prepared table has {countOf(preview.rowCount, 'row')} and {countOf(preview.columns.length, 'column')}.
          </p>
          {preview.effects.length > 0 && (
            <section aria-labelledby="effects-title">
              <h3 id="effects-title" className="preview-panel__heading">
                What each step did
              </h3>
              <ol className="effects">
                {preview.effects.map((effect, i) => (
                  <StepEffectCard
                    key={`${effect.stepId}-${i}`}
                    index={i}
                    step={steps.find((s) => s.id === effect.stepId)}
                    effect={effect}
                    scaledBefore={scaledBefore(steps, effect.stepId)}
                  />
                ))}
              </ol>
            </section>
          )}
          <h3 className="preview-panel__heading">First rows</h3>
          <div className="table-frame table-frame--short" role="region" aria-label="Prepared rows" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col" className="table__rownum">
                    #
                  </th>
                  {preview.columns.map((c) => (
                    <th scope="col" key={c.name}>
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sampleRows.map((row, i) => (
                  <tr key={i}>
                    <td className="table__rownum">{i + 1}</td>
                    {row.map((cell, j) => (
                      <td
                        key={j}
                        className={cell === null ? 'table__missing' : typeof cell === 'number' ? 'num' : undefined}
                      >
                        {cell === null ? '—' : typeof cell === 'number' ? formatNumber(cell) : cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}

import type { StepId } from '../workspace/steps'

const plans: Partial<Record<StepId, string>> = {
  prepare: 'Cleaning steps (missing values, duplicates, outliers, scaling) and RFM features are being built next.',
  segment: 'K-Means and hierarchical clustering with help choosing the number of segments are on the way.',
  understand: 'Segment profiles and suggested names come after segmentation.',
  personalise: 'Recommendations per customer and per segment come after segmentation.',
  report: 'Charts, exports and the PDF report come last.',
}

/** Honest about what is not there yet: no mock screens. */
export function NotBuiltYet({ step }: { step: StepId }) {
  return (
    <div className="empty" role="status">
      <h2>Not available in this version yet</h2>
      <p>{plans[step]}</p>
    </div>
  )
}

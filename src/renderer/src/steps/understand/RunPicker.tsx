import type { ClusterRun } from '../../../../shared/domain/cluster'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { SelectField } from '../../ui/SelectField'

/** Which run the screen describes: the chosen one first and marked, then the others, newest first. */
export function RunPicker({
  runs,
  datasets,
  value,
  onChange,
}: {
  runs: readonly ClusterRun[]
  datasets: readonly DatasetSummary[]
  value: number
  onChange: (runId: number) => void
}) {
  const ordered = [...runs].sort((a, b) => Number(b.chosen) - Number(a.chosen) || b.id - a.id)
  const tableOf = (run: ClusterRun) => datasets.find((d) => d.id === run.datasetId)?.name
  return (
    <SelectField
      label="Segmentation"
      className="understand__picker"
      value={String(value)}
      onChange={(v) => onChange(Number(v))}
      choices={ordered.map((run) => ({
        value: String(run.id),
        label: [run.name, tableOf(run), run.chosen ? 'used by the next steps' : null].filter(Boolean).join(' — '),
      }))}
    />
  )
}

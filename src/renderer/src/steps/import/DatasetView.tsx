import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { DataPreview } from '../DataPreview'
import { ColumnsTable } from './ColumnsTable'
import { DatasetHeader } from './DatasetHeader'
import { ImportReportPanel } from './ImportReportPanel'
import { QualityPanel } from './QualityPanel'

/** One dataset after import: how the import went, its columns, its quality, and the rows themselves. */
export function DatasetView({
  dataset,
  onChanged,
  onDeleted,
}: {
  dataset: DatasetSummary
  onChanged: (d: DatasetSummary) => void
  onDeleted: () => void
}) {
  return (
    <div className="dataset-view">
      <DatasetHeader key={dataset.id} dataset={dataset} onRenamed={onChanged} onDeleted={onDeleted} />
      {dataset.importReport && <ImportReportPanel report={dataset.importReport} />}
      <ColumnsTable dataset={dataset} onChanged={onChanged} />
      <QualityPanel key={`quality-${dataset.id}`} dataset={dataset} />
      <section className="panel" aria-labelledby="rows-title">
        <div className="panel__head">
          <h2 id="rows-title">Rows</h2>
        </div>
        <DataPreview key={dataset.id} dataset={dataset} />
      </section>
    </div>
  )
}

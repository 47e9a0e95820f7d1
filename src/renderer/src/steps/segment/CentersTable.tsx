import type { ClusterRun } from '../../../../shared/domain/cluster'
import { formatCount, formatNumber, formatPercent } from '../../ui/format'
import { TableHead } from '../../ui/TableHead'
import { segmentLabels, SegmentSwatch, useSegmentColours } from './segmentLabels'

/**
 * What the typical customer of each segment looks like, in the units of the imported file (each segment's mean of the
 * imported values, whatever Prepare did to them), beside the overall size, so "Segment 2: spends 3× more on Fresh" can
 * be read straight off.
 */
export function CentersTable({ run }: { run: ClusterRun }) {
  const total = run.sizes.reduce((a, b) => a + b, 0)
  const labels = segmentLabels(run)
  const colours = useSegmentColours(run)
  return (
    <div className="table-frame table-frame--short">
      <table className="table">
        <caption className="visually-hidden">Average customer of each segment, in original units</caption>
        <TableHead
          columns={[
            'Segment',
            { label: 'Customers', numeric: true },
            // A feature made in Prepare (PC1, an encoded column) has no imported units: say so in its heading.
            ...run.features.map((f, j) => ({
              label: run.centerUnits?.[j] === 'prepared' ? `${f} (prepared)` : f,
              numeric: true,
            })),
          ]}
        />
        <tbody>
          {run.centersOriginal.map((centre, s) => (
            <tr key={s}>
              <th scope="row">
                <SegmentSwatch colour={colours[s]} />
                {labels[s].name}
              </th>
              <td className="num">
                {formatCount(run.sizes[s])} <span className="muted">({formatPercent(run.sizes[s] / total)})</span>
              </td>
              {centre.map((v, j) => (
                <td key={j} className="num">
                  {formatNumber(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

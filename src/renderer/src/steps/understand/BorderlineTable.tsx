import { useState } from 'react'
import type { BorderlineCustomer } from '../../../../shared/domain/understand'
import { countOf } from '../../ui/format'
import { formatSilhouette } from './silhouette'
import { TableHead } from '../../ui/TableHead'
import { SegmentName } from './SegmentName'

const FIRST = 12

/** The customers closest to another segment, most borderline first; the first dozen, the rest on request. */
export function BorderlineTable({
  customers,
  names,
  colours,
}: {
  customers: readonly BorderlineCustomer[]
  names: readonly string[]
  colours: readonly string[]
}) {
  const [all, setAll] = useState(false)
  if (customers.length === 0) return <p className="muted">No customer sits between two segments.</p>
  const shown = all ? customers : customers.slice(0, FIRST)
  return (
    <>
      <div className="table-frame table-frame--short">
        <table className="table">
          <caption className="visually-hidden">Customers closest to another segment</caption>
          <TableHead
            columns={['Customer', 'In segment', 'Closest other segment', { label: 'Silhouette', numeric: true }]}
          />
          <tbody>
            {shown.map((c) => (
              <tr key={`${c.customer}-${c.segment}`}>
                <th scope="row">{c.customer}</th>
                <td>
                  <SegmentName name={names[c.segment]} colour={colours[c.segment]} />
                </td>
                <td>
                  <SegmentName name={names[c.nearest]} colour={colours[c.nearest]} />
                </td>
                <td className="num" title={c.silhouette < 0 ? 'Closer to the other segment than to its own' : ''}>
                  {formatSilhouette(c.silhouette)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {customers.length > FIRST && (
        <button type="button" className="button button--small understand__more" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST}` : `Show all ${countOf(customers.length, 'customer')}`}
        </button>
      )}
    </>
  )
}

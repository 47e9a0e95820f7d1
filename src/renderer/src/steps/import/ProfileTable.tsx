import type { ColumnProfile, FrameProfile } from '../../../../shared/domain/prep'
import { MiniHistogram } from '../../ui/MiniHistogram'
import { countOf, formatCount, formatDate, formatPercent, listItems, valueFormatFor } from '../../ui/format'
import { TableHead, type HeadCell } from '../../ui/TableHead'

const kindLabel: Record<ColumnProfile['kind'], string> = {
  number: 'Number',
  date: 'Date',
  category: 'Category',
  text: 'Text',
}

const profileColumns: readonly (string | HeadCell)[] = [
  'Column',
  'Kind',
  { label: 'Missing', numeric: true },
  { label: 'Distinct', numeric: true },
  { label: 'Min', numeric: true },
  { label: 'Median', numeric: true },
  { label: 'Max', numeric: true },
  'Distribution',
  { label: 'Unusual values', numeric: true },
]

/** One line per column: gaps, variety, range, shape and unusual values; then duplicates across rows. */
export function ProfileTable({ profile }: { profile: FrameProfile }) {
  const dup = profile.duplicates
  const ids = profile.duplicateIds
  return (
    <>
      <div className="table-frame" role="region" aria-label="Column summary" tabIndex={0}>
        <table className="table profile-table">
          <TableHead columns={profileColumns} />
          <tbody>
            {profile.columns.map((c) => (
              <ProfileRow key={c.name} column={c} />
            ))}
          </tbody>
        </table>
      </div>
      <ul className="quality__extra">
        <li>
          {dup.count === 0
            ? 'No row is an exact copy of another.'
            : `${countOf(dup.count, 'row')} ${dup.count === 1 ? 'is an exact copy' : 'are exact copies'} of earlier rows (rows ${listItems(
                dup.rows.map((r) => r + 1),
                5,
                dup.count,
              )}).`}
        </li>
        {ids && ids.ids > 0 && (
          <li>
            {countOf(ids.ids, 'id')} in {ids.column} appear more than once, on {countOf(ids.rows, 'row')}
            {ids.examples.length > 0 && ` (for example ${listItems(ids.examples, 3)})`}.
          </li>
        )}
      </ul>
    </>
  )
}

function ProfileRow({ column: c }: { column: ColumnProfile }) {
  const n = c.numeric
  const format = c.kind === 'date' ? formatDate : valueFormatFor(c.name)
  const missingShare = c.count + c.missing > 0 ? c.missing / (c.count + c.missing) : 0
  const outliers = n?.outliers.iqr
  return (
    <tr>
      <th scope="row">{c.name}</th>
      <td>
        {kindLabel[c.kind]}
        {c.idLike && <span className="badge">looks like an id</span>}
      </td>
      <td className={`num${c.missing > 0 ? ' cell--warn' : ''}`}>
        {c.missing === 0 ? '—' : `${formatCount(c.missing)} (${formatPercent(missingShare)})`}
      </td>
      <td className="num">{formatCount(c.distinct)}</td>
      <td className="num">{n ? format(n.min) : '—'}</td>
      <td className="num">{n ? format(n.median) : '—'}</td>
      <td className="num">{n ? format(n.max) : '—'}</td>
      <td>
        {n ? (
          <MiniHistogram histogram={n.histogram} what={`Distribution of ${c.name}`} format={format} />
        ) : (
          <span className="muted truncate top-values" title={c.top.map((t) => `${t.value} (${t.count})`).join(', ')}>
            {c.top
              .slice(0, 3)
              .map((t) => `${t.value} (${formatCount(t.count)})`)
              .join(', ')}
          </span>
        )}
      </td>
      <td
        className="num"
        title={outliers ? `Outside ${format(outliers.lower)} – ${format(outliers.upper)}` : undefined}
      >
        {outliers && outliers.count > 0 ? formatCount(outliers.count) : '—'}
      </td>
    </tr>
  )
}

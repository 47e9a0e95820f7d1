import type { ReactNode } from 'react'

export interface HeadCell {
  readonly label: ReactNode
  /** Right-aligned with tabular figures, like the numbers under it. */
  readonly numeric?: boolean
  /** For screen readers only (a column of buttons needs a name, not a visible title). */
  readonly hidden?: boolean
}

/** The header row of a table of figures: one column header each, a plain string for a left-aligned text column. */
export function TableHead({ columns }: { columns: readonly (string | HeadCell)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => {
          const { label, numeric = false, hidden = false } = typeof column === 'string' ? { label: column } : column
          return (
            <th key={i} scope="col" className={numeric ? 'num' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}

/** One choice of a select or a radio group: the value sent, the words shown, and optionally a line on what it does. */
export interface Choice<T extends string = string> {
  readonly value: T
  readonly label: string
  readonly help?: string
}

/** The `<option>`s of a select, in order. A plain string is both the value and the words (column names, say). */
export function Options({ choices }: { choices: readonly (string | Choice)[] }) {
  return choices.map((c) =>
    typeof c === 'string' ? (
      <option key={c} value={c}>
        {c}
      </option>
    ) : (
      <option key={c.value} value={c.value}>
        {c.label}
      </option>
    ),
  )
}

/**
 * Why two customer-id columns share no id, in words: the ids are usually the same customers written differently (an
 * export that pads with zeros, a spreadsheet that turned 12346 into 12346.0, a prefix), or the wrong column was
 * marked as the customer id. Pure, over samples of each side's distinct ids.
 */

interface Spelling {
  readonly what: string
  readonly normalise: (id: string) => string
}

/** From the mildest difference to the broadest, so the first that matches is the one named. */
const spellings: readonly Spelling[] = [
  { what: 'upper and lower case differ', normalise: (id) => id.toLowerCase() },
  { what: 'one side writes them as decimals', normalise: (id) => id.replace(/^([+-]?\d+)\.0+$/, '$1') },
  { what: 'one side pads them with leading zeros', normalise: (id) => id.replace(/^0+(?=\d)/, '') },
  {
    what: 'they differ in letters, spaces or punctuation around the number',
    normalise: (id) => {
      const digits = id.match(/\d+/g)
      return digits && digits.length === 1 ? digits[0].replace(/^0+(?=\d)/, '') : `\u0000${id}`
    },
  },
]

export interface KeySide {
  readonly table: string
  readonly column: string
  /** Distinct non-empty ids, in table order. */
  readonly ids: readonly string[]
}

export function noMatchReason(left: KeySide, right: KeySide): string {
  if (left.ids.length === 0) return `"${left.column}" in "${left.table}" is empty.`
  if (right.ids.length === 0) return `"${right.column}" in "${right.table}" is empty.`
  for (const { what, normalise } of spellings) {
    const rightBy = new Map<string, string>()
    for (const id of right.ids) if (!rightBy.has(normalise(id))) rightBy.set(normalise(id), id)
    for (const id of left.ids) {
      const other = rightBy.get(normalise(id))
      if (other !== undefined) {
        return (
          `The ids seem to be the same customers written differently (${what}): "${id}" in "${left.table}" and ` +
          `"${other}" in "${right.table}". Make them match in the files and import again.`
        )
      }
    }
  }
  return (
    `None of the ids are the same: "${left.table}" has ${examples(left.ids)} in "${left.column}", "${right.table}" ` +
    `has ${examples(right.ids)} in "${right.column}". Check that both tables describe the same customers and that ` +
    'the right column of each is marked as the customer id on Import.'
  )
}

function examples(ids: readonly string[]): string {
  return ids
    .slice(0, 3)
    .map((id) => `"${id.length > 24 ? `${id.slice(0, 23)}…` : id}"`)
    .join(', ')
}

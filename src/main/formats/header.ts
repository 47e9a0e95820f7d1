import { missingMarker } from './typing/missing'
import { createNumberScan, scanNumber } from './typing/numberFormat'
import { createDateScan, scanDate } from './typing/dateFormat'

/**
 * Does the first row name the columns? Each column votes by comparing its first cell with the cells below, as
 * Python's csv.Sniffer does: a word above numbers or dates says "header" (+1), a number above numbers says "data"
 * (−1), a word that also occurs below says "data" (−1). Without a verdict, a first row of distinct, non-empty,
 * non-numeric cells is taken as a header — that is how most business files start. Repeated or blank names do not
 * count against a header (exports have them); `headerNames` makes them unique.
 */
export interface HeaderGuess {
  readonly hasHeader: boolean
  readonly reason: string
}

type CellClass = 'empty' | 'number' | 'date' | 'text'

const numberScan = createNumberScan()
const dateScan = createDateScan()

function classify(value: string | undefined): CellClass {
  if (value === undefined || missingMarker(value) !== null) return 'empty'
  if (scanNumber(value, numberScan)) return 'number'
  if (scanDate(value, dateScan)) return 'date'
  return 'text'
}

export function detectHeader(rows: readonly (readonly string[])[]): HeaderGuess {
  if (rows.length === 0) return { hasHeader: false, reason: 'The file has no rows.' }
  const first = rows[0]
  const rest = rows.slice(1)
  const names = first.filter((v) => v.trim() !== '')
  const distinctNames = new Set(names.map((v) => v.trim())).size === names.length
  const allWords = first.length > 0 && first.every((v) => classify(v) === 'text')

  if (rest.length === 0) {
    return allWords && distinctNames
      ? { hasHeader: true, reason: 'The only row holds distinct words, read as column names.' }
      : { hasHeader: false, reason: 'The only row holds values, not names.' }
  }

  let score = 0
  let wordOverValues = 0
  let valueOverValues = 0
  for (let j = 0; j < first.length; j++) {
    const head = classify(first[j])
    const below = majorityClass(rest, j)
    if (head === 'text' && (below === 'number' || below === 'date')) {
      score++
      wordOverValues++
    } else if ((head === 'number' || head === 'date') && below === head) {
      score--
      valueOverValues++
    } else if (head === 'text' && below === 'text') {
      const name = first[j].trim()
      if (rest.some((r) => (r[j] ?? '').trim() === name)) score--
    }
  }

  if (score > 0) {
    return {
      hasHeader: true,
      reason: `The first row holds names above values: ${wordOverValues} column${wordOverValues === 1 ? ' has' : 's have'} a word on top of numbers or dates.`,
    }
  }
  if (score < 0) {
    return {
      hasHeader: false,
      reason:
        valueOverValues > 0
          ? `The first row looks like data: ${valueOverValues} column${valueOverValues === 1 ? ' has' : 's have'} a number or date on top, like the rows below. Columns are named "Column 1", "Column 2"…`
          : 'The first row repeats values found below it, so it is data. Columns are named "Column 1", "Column 2"…',
    }
  }
  return allWords && distinctNames
    ? { hasHeader: true, reason: 'The first row holds distinct words, read as column names.' }
    : {
        hasHeader: false,
        reason: 'The first row does not look like column names. Columns are named "Column 1", "Column 2"…',
      }
}

function majorityClass(rows: readonly (readonly string[])[], j: number): CellClass {
  const counts: Record<CellClass, number> = { empty: 0, number: 0, date: 0, text: 0 }
  for (const r of rows) counts[classify(r[j])]++
  let best: CellClass = 'empty'
  for (const c of ['number', 'date', 'text'] as const)
    if (counts[c] > counts[best] || (best === 'empty' && counts[c] > 0)) best = c
  return best
}

/**
 * Column names as shown: trimmed, line breaks flattened, blanks named "Column N" and duplicates made unique with
 * " (2)", " (3)"… so every column can be addressed by name. Columns beyond the first row get "Column N" too.
 */
export function headerNames(first: readonly string[] | null, width: number): string[] {
  const names: string[] = []
  const seen = new Map<string, number>()
  for (let j = 0; j < width; j++) {
    let name = (first?.[j] ?? '').replace(/\s+/g, ' ').trim()
    if (name === '') name = `Column ${j + 1}`
    const key = name.toLowerCase()
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    if (n > 1) name = `${name} (${n})`
    names.push(name)
  }
  return names
}

/**
 * Years of birth: how a column's name says it holds them, and what an age step calls the ages it makes. Shared
 * because three layers must agree — the column typing (a birth year is a feature, not personal data), the Prepare
 * suggestions (offer it as an age) and the renderer (a later step must name the age column as the engine will).
 */
import { nameWords } from './nameWords'

/**
 * Year_Birth, birth_year, BirthYear, YOB: a name that says years of birth. "Birthday" and "Year" alone do not (a
 * birthday is a date; a year may be an order's). Words are split as the column typing splits them.
 */
export function isBirthYearName(name: string): boolean {
  const words = nameWords(name)
  return words.includes('yob') || (words.some((w) => w.startsWith('birth')) && words.includes('year'))
}

/**
 * The name each converted column takes: "Age" when there is one and the table has no age column yet (however
 * spelt: "age" beside "Age" would read as the same column), otherwise "<name> as age", numbered when even that is
 * taken. `existing` are the table's columns before the step, the converted ones included.
 */
export function ageColumnNames(columns: readonly string[], existing: readonly string[]): Map<string, string> {
  const converting = new Set(columns)
  const taken = new Set(existing.filter((n) => !converting.has(n)).map((n) => n.toLowerCase()))
  const out = new Map<string, string>()
  const claim = (source: string, name: string) => {
    taken.add(name.toLowerCase())
    out.set(source, name)
  }
  if (columns.length === 1 && !taken.has('age')) {
    claim(columns[0], 'Age')
    return out
  }
  for (const source of columns) {
    let name = `${source} as age`
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${source} as age (${n})`
    claim(source, name)
  }
  return out
}

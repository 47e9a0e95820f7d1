/**
 * The words for every choice the import screens offer: file settings, dataset kinds, column types and roles. Kept in
 * one place so a label reads the same in the wizard, the columns table and the tests.
 */
import type { ColumnRole, ColumnType, DatasetKind } from '../../../../shared/domain/dataset'
import type { Choice } from '../../ui/Options'

export const delimiterChoices: readonly Choice<string>[] = [
  { value: ',', label: 'Comma  ( , )' },
  { value: ';', label: 'Semicolon  ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar  ( | )' },
  { value: 'whitespace', label: 'Spaces' },
]

/** Encodings people meet in exports; the detected one is added when it is not among them. */
export const encodingChoices: readonly Choice<string>[] = [
  { value: 'utf-8', label: 'UTF-8 (most files)' },
  { value: 'windows-1252', label: 'Windows-1252 (older Windows and Excel exports)' },
  { value: 'utf-8+windows-1252', label: 'UTF-8 mixed with Windows-1252 (joined exports)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 (Western European)' },
  { value: 'utf-16le', label: 'UTF-16 little-endian (Excel "Unicode text")' },
  { value: 'utf-16be', label: 'UTF-16 big-endian' },
  { value: 'Shift_JIS', label: 'Shift_JIS (Japanese)' },
  { value: 'GB18030', label: 'GB18030 (Chinese)' },
]

/** The choices with `current` guaranteed present, so a detected value the list lacks is still shown as selected. */
export function withCurrent(choices: readonly Choice<string>[], current: string | null): readonly Choice<string>[] {
  if (current === null) return choices
  const found = choices.some((c) => c.value.toLowerCase() === current.toLowerCase())
  return found ? choices : [{ value: current, label: current }, ...choices]
}

/** The option value matching `current` case-insensitively (detection may say "UTF-8" where the list has "utf-8"). */
export function matchChoice(choices: readonly Choice<string>[], current: string | null): string {
  if (current === null) return ''
  return choices.find((c) => c.value.toLowerCase() === current.toLowerCase())?.value ?? current
}

export function delimiterName(delimiter: string | null): string {
  if (delimiter === null) return 'none'
  return (
    delimiterChoices
      .find((c) => c.value === delimiter)
      ?.label.replace(/\s+\(.*$/, '')
      .toLowerCase() ?? delimiter
  )
}

export const kindChoices: readonly Choice<DatasetKind>[] = [
  { value: 'customers', label: 'Customers', help: 'One row per customer, with what you know about each one.' },
  {
    value: 'transactions',
    label: 'Transactions',
    help: 'One row per purchase or order line, with a customer, a date and an amount.',
  },
  { value: 'items', label: 'Items', help: 'One row per product or service you sell (a catalogue).' },
  { value: 'interactions', label: 'Interactions', help: 'One row per customer and item they viewed, rated or bought.' },
]

export const typeChoices: readonly Choice<ColumnType>[] = [
  { value: 'number', label: 'Number' },
  { value: 'category', label: 'Category' },
  { value: 'date', label: 'Date' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'id', label: 'Identifier' },
  { value: 'text', label: 'Free text' },
]

export const roleChoices: readonly Choice<ColumnRole>[] = [
  { value: 'customerId', label: 'Customer id', help: 'Says which customer a row is about.' },
  { value: 'feature', label: 'Feature', help: 'Describes the customer; used to find segments.' },
  { value: 'date', label: 'Date', help: 'When something happened (used for recency).' },
  {
    value: 'amount',
    label: 'Amount',
    help: 'Money the customer spent with you (used for spend). Income or a salary is a feature.',
  },
  { value: 'ignore', label: 'Ignore', help: 'Kept in the data but not used for segments.' },
]

export function labelOf<T extends string>(choices: readonly Choice<T>[], value: T): string {
  return choices.find((c) => c.value === value)?.label ?? value
}

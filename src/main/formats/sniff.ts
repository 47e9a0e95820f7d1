import { UserError } from '../../shared/errors'
import { canDecode } from './encoding'
import { readSamples, notATable } from './fileAccess'
import { FileProblem, fileName } from './problems'
import { sniffText } from './sniffText'
import type { Sniff } from './types'
import { sniffXlsx } from './xlsx'

/** What the user may override in the import wizard; anything absent is detected. */
export interface SniffOptions {
  readonly sheet?: string
  readonly encoding?: string
  readonly delimiter?: string
  readonly quote?: '"' | "'" | null
  readonly hasHeader?: boolean
}

/**
 * Looks at a file and says how to read it: workbook or delimited text, encoding, delimiter, quoting, header, sheet,
 * and a preview. Decided from the first bytes (the format's signature), not the extension, so a workbook renamed
 * .csv still opens and a PDF renamed .csv gets a clear message. Throws FileProblem for anything unreadable.
 */
export async function sniff(path: string, options: SniffOptions = {}): Promise<Sniff> {
  validate(options)
  const file = await readSamples(path)
  switch (file.magic) {
    case 'zip':
      return sniffXlsx(path, file.size, { sheet: options.sheet, hasHeader: options.hasHeader })
    case 'ole':
    case 'pdf':
    case 'gzip':
    case 'image':
      throw notATable(path, file.magic)
    case null:
      if (/\.xlsx$|\.xlsm$/i.test(path)) {
        throw new FileProblem(
          'corruptWorkbook',
          path,
          `"${fileName(path)}" is named like an Excel workbook but is not one (it is not a ZIP package). It may be damaged.`,
        )
      }
      return sniffText(path, file, options)
  }
}

function validate(options: SniffOptions): void {
  if (options.encoding !== undefined && !canDecode(options.encoding)) {
    throw new UserError(
      `"${options.encoding}" is not a text encoding SegmentLab can read; try UTF-8 or Windows-1252.`,
      {
        code: 'bad-setting',
      },
    )
  }
  const d = options.delimiter
  if (d !== undefined && d !== 'whitespace' && (d.length !== 1 || /[\r\n"]/.test(d))) {
    throw new UserError(
      `"${d}" cannot separate fields: choose one character such as , ; | or a tab, or "whitespace".`,
      {
        code: 'bad-setting',
      },
    )
  }
}

import { basename, extname } from 'node:path'
import type { Task } from './types'
import { sniff } from '../../formats'
import type { DatasetKind } from '../../../shared/domain/dataset'

export const inspectFile: Task<'inspectFile'> = async (spec, ctx) => {
  await ctx.progress({ fraction: null, title: `Reading ${basename(spec.path)}` })
  const found = await sniff(spec.path, spec.settings)
  return {
    path: spec.path,
    fileName: basename(spec.path),
    format: found.format,
    byteLength: found.byteLength,
    encoding: found.encoding ? { name: found.encoding.name, reason: found.encoding.reason } : null,
    delimiter: found.dialect?.delimiter ?? null,
    dialectReason: found.dialectReason,
    hasHeader: found.hasHeader,
    headerReason: found.headerReason,
    header: found.header,
    sheets: found.sheets,
    sheet: found.sheet,
    previewRows: found.previewRows.slice(0, 20),
    suggestedName: suggestName(spec.path),
    suggestedKind: suggestKind(found.header),
  }
}

function suggestName(path: string): string {
  const stem = basename(path, extname(path)).replace(/[_-]+/g, ' ').trim()
  return stem.charAt(0).toUpperCase() + stem.slice(1)
}

/** A table with a date and a money or quantity column per row reads as a transaction log; otherwise customers. */
export function suggestKind(header: readonly string[]): DatasetKind {
  const names = header.map((h) => h.toLowerCase())
  const has = (re: RegExp) => names.some((n) => re.test(n))
  if (has(/rating|score|stars/) && has(/user|customer/) && has(/item|movie|product|book/)) return 'interactions'
  if (has(/date|time/) && has(/amount|price|value|quantity|qty|total|revenue|sales/)) return 'transactions'
  if (has(/description|title|genre/) && !has(/customer|client/)) return 'items'
  return 'customers'
}

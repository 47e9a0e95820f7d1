import type { Command } from '../command'
import { parseFlags, requireFlag } from '../args'
import { writeJson } from '../output'
import { readTable } from '../readTable'
import { UsageError } from '../command'

const SAMPLE_ROWS = 20

export const importCommand: Command = {
  name: 'import',
  summary: 'Read a CSV/TSV/TXT or Excel file and describe it: dialect, encoding, column types, personal data',
  usage: 'segmentlab import FILE --json OUT',
  async run(args) {
    const { values, positionals } = parseFlags(args, { json: { type: 'string' } })
    if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.')
    const out = requireFlag(values.json, '--json')
    const table = await readTable(positionals[0])
    writeJson(out, {
      rows: table.rows.length,
      delimiter: table.sniff.dialect?.delimiter ?? null,
      encoding: table.sniff.encoding?.name ?? null,
      columns: table.typed.columns.map((c) => ({
        name: c.name,
        type: c.type,
        missing: c.missing.count,
        distinct: c.evidence.distinct,
        piiLikely: c.pii !== null,
      })),
      sample: table.rows
        .slice(0, SAMPLE_ROWS)
        .map((row) => Object.fromEntries(table.header.map((h, j) => [h, row[j] ?? '']))),
    })
    return 0
  },
}

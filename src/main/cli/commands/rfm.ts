import type { Command } from '../command'
import { UsageError } from '../command'
import { parseFlags, requireFlag } from '../args'
import { writeJson } from '../output'
import { readTable, typedColumn } from '../readTable'
import { computeRfm } from '../../engine/prep'
import { labelsOf } from '../../engine/frame'
import { elementwiseProduct } from '../../engine/vectors'

export const rfmCommand: Command = {
  name: 'rfm',
  summary: 'Recency, frequency, monetary value, 1–5 scores and RFM segment per customer from a transactions file',
  usage:
    'segmentlab rfm TRANSACTIONS --customer COL --date COL --amount COL [--invoice COL] [--as-of YYYY-MM-DD] [--cancellations net|exclude] --json OUT\n' +
    '       (instead of --amount: --quantity COL --price COL, amount = quantity × price)',
  async run(args) {
    const { values, positionals } = parseFlags(args, {
      customer: { type: 'string' },
      date: { type: 'string' },
      amount: { type: 'string' },
      quantity: { type: 'string' },
      price: { type: 'string' },
      invoice: { type: 'string' },
      'as-of': { type: 'string' },
      cancellations: { type: 'string' },
      json: { type: 'string' },
    })
    if (positionals.length !== 1) throw new UsageError('Give exactly one TRANSACTIONS file.')
    const out = requireFlag(values.json, '--json')
    const customerCol = requireFlag(values.customer, '--customer')
    const dateCol = requireFlag(values.date, '--date')
    if (!values.amount && !(values.quantity && values.price))
      throw new UsageError('--amount is required (or both --quantity and --price).')
    const asOfText = values['as-of']
    if (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText))
      throw new UsageError(`--as-of must be YYYY-MM-DD; got "${asOfText}".`)
    const cancellations = values.cancellations ?? 'net'
    if (cancellations !== 'net' && cancellations !== 'exclude')
      throw new UsageError('--cancellations must be net or exclude.')

    const table = await readTable(positionals[0])
    const customer = labelsOf(typedColumn(table, customerCol, '--customer', 'category'))
    const date = typedColumn(table, dateCol, '--date', 'date').values as Float64Array
    const amount = values.amount
      ? (typedColumn(table, values.amount, '--amount', 'number').values as Float64Array)
      : elementwiseProduct(
          typedColumn(table, values.quantity!, '--quantity', 'number').values as Float64Array,
          typedColumn(table, values.price!, '--price', 'number').values as Float64Array,
        )
    const invoice = values.invoice ? labelsOf(typedColumn(table, values.invoice, '--invoice', 'category')) : undefined
    const result = computeRfm(
      { customer, date, amount, invoice },
      { cancellations, asOf: asOfText ? Date.parse(`${asOfText}T00:00:00Z`) : undefined },
    )
    writeJson(out, {
      asOf: new Date(result.report.asOf).toISOString().slice(0, 10),
      customers: result.customers.map((id, i) => ({
        customer: id,
        recency: result.recency[i],
        frequency: result.frequency[i],
        monetary: result.monetary[i],
        r: result.recencyScore[i],
        f: result.frequencyScore[i],
        m: result.monetaryScore[i],
        segment: result.segment[i],
      })),
    })
    return 0
  },
}

import type { Task } from './types'
import { loadFrame, plainNumbers } from './loadFrame'
import { computeRfm, describeRfmReport, rfmToFrame, summariseSegments } from '../../engine/prep'
import { labelsOf, type Frame, type FrameColumn } from '../../engine/frame'
import { elementwiseProduct } from '../../engine/vectors'
import type { ColumnRole, ColumnType } from '../../../shared/domain/dataset'
import type { DerivedTable, ImportedColumn } from '../../../shared/domain/jobs'
import { UserError } from '../../../shared/errors'

export const rfm: Task<'rfm'> = async (spec, ctx) => {
  const o = spec.options
  const wanted = [o.customer, o.date, o.amount, o.quantity, o.price, o.invoice].filter((c): c is string => Boolean(c))
  const { frame } = await loadFrame(ctx.db, spec.datasetId, ctx.progress, [...new Set(wanted)])
  await ctx.progress({ fraction: 0.6, title: 'Computing recency, frequency and monetary value' })

  const col = (name: string) => frame.columns.find((c) => c.name === name)!
  const customer = labelsOf(col(o.customer))
  const date = col(o.date)
  if (date.kind !== 'date') {
    throw new UserError(`"${o.date}" is not a date column. Set its type to date in the Import step first.`, {
      code: 'rfm.notDate',
    })
  }
  const amount = o.amount
    ? numbers(col(o.amount))
    : elementwiseProduct(numbers(col(o.quantity!)), numbers(col(o.price!)))
  const asOf = o.asOf ? Date.parse(`${o.asOf}T00:00:00Z`) : undefined
  const result = computeRfm(
    { customer, date: date.values, amount, invoice: o.invoice ? labelsOf(col(o.invoice)) : undefined },
    { cancellations: o.cancellations, asOf },
  )
  await ctx.progress({ fraction: 0.9, title: 'Naming RFM segments' })
  return {
    table: toTable(rfmToFrame(result)),
    parseContext: { decimal: '.', dayFirst: false },
    asOf: new Date(result.report.asOf).toISOString().slice(0, 10),
    segments: summariseSegments(result).map((s) => ({
      name: s.segment,
      customers: s.customers,
      description: s.description,
    })),
    notes: describeRfmReport(result.report),
  }
}

function numbers(column: FrameColumn): Float64Array {
  if (column.kind !== 'number') {
    throw new UserError(`"${column.name}" is not a number column. Set its type to number in the Import step first.`, {
      code: 'rfm.notNumber',
    })
  }
  return column.values
}

/** The RFM frame as a stored table: raw text like an import, with the types and roles SegmentLab knows. */
function toTable(frame: Frame): DerivedTable {
  const columns: ImportedColumn[] = frame.columns.map((c) => {
    const [type, role]: [ColumnType, ColumnRole] =
      c.name === 'customer'
        ? ['id', 'customerId']
        : c.kind === 'date'
          ? ['date', 'date']
          : c.kind === 'number'
            ? ['number', 'feature']
            : ['category', 'feature']
    return {
      name: c.name,
      type,
      role,
      pii: false,
      typeReason: 'Computed by SegmentLab from the transactions.',
      piiReason: null,
      inference: { numberFormat: plainNumbers, dateFormat: 'iso' },
    }
  })
  const rows = Array.from({ length: frame.rowCount }, (_, i) =>
    frame.columns.map((c): string | null => {
      if (c.kind === 'number') return Number.isNaN(c.values[i]) ? null : String(Math.round(c.values[i] * 1e6) / 1e6)
      if (c.kind === 'date') return Number.isNaN(c.values[i]) ? null : new Date(c.values[i]).toISOString().slice(0, 10)
      return c.values[i]
    }),
  )
  return { header: frame.columns.map((c) => c.name), columns, rows }
}

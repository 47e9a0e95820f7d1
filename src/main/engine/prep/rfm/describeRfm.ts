import { rfmSegmentDescriptions, rfmSegmentNames, type RfmSegmentName } from '../../../../shared/domain/prep'
import { countOf, formatPercent, formatValue, noun } from '../../profile/wording'
import type { RfmReport, RfmResult } from './computeRfm'

export interface SegmentSummary {
  readonly segment: RfmSegmentName
  readonly description: string
  readonly customers: number
  readonly share: number
  readonly meanRecency: number
  readonly meanFrequency: number
  readonly meanMonetary: number
  readonly totalMonetary: number
}

/** Every segment (empty ones included, in the standard order) with its size and average behaviour. O(c). */
export function summariseSegments(result: RfmResult): SegmentSummary[] {
  const acc = new Map<RfmSegmentName, { n: number; r: number; f: number; m: number }>(
    rfmSegmentNames.map((s) => [s, { n: 0, r: 0, f: 0, m: 0 }]),
  )
  result.segment.forEach((s, k) => {
    const a = acc.get(s)!
    a.n++
    a.r += result.recency[k]
    a.f += result.frequency[k]
    a.m += result.monetary[k]
  })
  const total = result.customers.length
  return rfmSegmentNames.map((segment) => {
    const a = acc.get(segment)!
    return {
      segment,
      description: rfmSegmentDescriptions[segment],
      customers: a.n,
      share: total > 0 ? a.n / total : 0,
      meanRecency: a.n ? a.r / a.n : NaN,
      meanFrequency: a.n ? a.f / a.n : NaN,
      meanMonetary: a.n ? a.m / a.n : NaN,
      totalMonetary: a.m,
    }
  })
}

/** What the RFM computation left out or assumed, one plain sentence each, for the screen that shows the result. */
export function describeRfmReport(report: RfmReport): string[] {
  const customers = noun('customers')
  const rows = noun('rows')
  const lines: string[] = []
  const day = new Date(report.asOf).toISOString().slice(0, 10)
  lines.push(
    `${countOf(report.customers, customers)} scored from ${countOf(report.purchaseRows, noun('purchase rows'))}, with recency counted up to ${day}${report.asOfDefaulted ? ' (the day after the last transaction)' : ''}.`,
  )
  if (report.rowsWithoutCustomer > 0) {
    lines.push(
      `${countOf(report.rowsWithoutCustomer, rows)} (${formatPercent(report.rowsWithoutCustomer / report.rows)}) had no customer id and were left out.`,
    )
  }
  if (report.rowsWithoutDateOrAmount > 0)
    lines.push(`${countOf(report.rowsWithoutDateOrAmount, rows)} had no date or amount and were left out.`)
  if (report.cancellationRows > 0) {
    const what = `${countOf(report.cancellationRows, noun('cancellation or return rows'))} (worth ${formatValue(report.cancellationAmount)})`
    lines.push(
      report.cancellations === 'exclude'
        ? `${what} ${report.cancellationRows === 1 ? 'was' : 'were'} left out.`
        : `${what} ${report.cancellationRows === 1 ? 'was' : 'were'} subtracted from the customers' spend but not counted as purchases.`,
    )
  }
  if (report.customersWithOnlyReturns > 0) {
    const n = report.customersWithOnlyReturns
    lines.push(`${countOf(n, customers)} only returned goods in this period and ${n === 1 ? 'gets' : 'get'} no score.`)
  }
  if (report.customersWithNegativeMonetary > 0) {
    lines.push(
      `${countOf(report.customersWithNegativeMonetary, customers)} returned more than they bought in this period, so their spend is negative.`,
    )
  }
  if (report.recencyScoredByRank)
    lines.push('Many customers share the same recency, so recency scores were split by rank to keep five equal groups.')
  if (report.monetaryScoredByRank)
    lines.push('Many customers share the same spend, so spend scores were split by rank to keep five equal groups.')
  return lines
}

import type { Frame, FrameColumn } from '../../frame'
import type { RfmResult } from './computeRfm'

/**
 * One row per customer, ready for profiling, preparation and clustering: the id (text, so it is never modelled by
 * accident), the RFM values and extra features as numbers, the scores as numbers and the segment as a category.
 */
export function rfmToFrame(result: RfmResult): Frame {
  const number = (name: string, values: Float64Array | Uint8Array): FrameColumn => ({
    name,
    kind: 'number',
    values: Float64Array.from(values),
  })
  const columns: FrameColumn[] = [
    { name: 'customer', kind: 'text', values: result.customers },
    number('recency_days', result.recency),
    number('frequency', result.frequency),
    number('monetary', result.monetary),
    number('tenure_days', result.tenure),
    number('average_order_value', result.averageOrderValue),
    number('mean_days_between_purchases', result.meanDaysBetweenPurchases),
    ...(result.distinctItems ? [number('distinct_items', result.distinctItems)] : []),
    { name: 'first_purchase', kind: 'date', values: result.firstPurchase },
    { name: 'last_purchase', kind: 'date', values: result.lastPurchase },
    number('R', result.recencyScore),
    number('F', result.frequencyScore),
    number('M', result.monetaryScore),
    { name: 'segment', kind: 'category', values: result.segment },
  ]
  return { rowCount: result.customers.length, columns }
}

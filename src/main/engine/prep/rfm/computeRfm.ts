/**
 * Recency, frequency and monetary value per customer from a transaction log, with quintile scores and the standard
 * segment names, plus a few more behaviour features for clustering. Conventions (each one a choice a marketer could
 * ask about, so each is stated):
 * - Rows with no customer id, or no date or amount, are left out and counted.
 * - A row is a cancellation or return when its invoice starts with "C" (Online Retail's convention) or its amount is
 *   negative. `cancellations: 'exclude'` drops those rows; `'net'` subtracts their absolute amount from the
 *   customer's monetary value. Either way they are not purchases: they count as no invoice and set no purchase date,
 *   and a customer with only returns has no RFM.
 * - `asOf` (the date recency is measured from) defaults to 00:00 UTC of the day after the last dated row.
 * - Recency = whole days from the last purchase to `asOf`; tenure the same from the first purchase; frequency =
 *   distinct invoice numbers (purchase rows when there is no invoice column; a row without a number counts as its own
 *   invoice); monetary = sum of amounts, in row order.
 * - Customers are listed in ascending id order (as pandas' groupby sorts them), which is also the order that breaks
 *   ties when scores come from ranks.
 * - Scores: see `quintileScores`. Recency is reversed (most recent = 5); frequency is always scored by rank (few
 *   distinct values); recency and monetary by value, falling back to rank when tied quantiles make qcut impossible.
 */
import type { CancellationPolicy, RfmSegmentName } from '../../../../shared/domain/prep'
import { UserError } from '../../../../shared/errors'
import { quintileScores } from './quintiles'
import { segmentOf } from './segments'

export const DAY_MS = 86_400_000

export interface Transactions {
  readonly customer: readonly (string | null)[]
  /** Epoch milliseconds (UTC), NaN when missing. */
  readonly date: Float64Array
  readonly amount: Float64Array
  readonly invoice?: readonly (string | null)[]
  /** Product or item id, for the number of distinct items each customer bought. */
  readonly item?: readonly (string | null)[]
}

export interface RfmOptions {
  readonly cancellations: CancellationPolicy
  /** Epoch ms; default 00:00 UTC of the day after the last dated row. */
  readonly asOf?: number
}

export interface RfmReport {
  readonly rows: number
  readonly rowsWithoutCustomer: number
  readonly rowsWithoutDateOrAmount: number
  /** Cancellation or return rows among rows with a customer, date and amount. */
  readonly cancellationRows: number
  /** Sum of their absolute amounts. */
  readonly cancellationAmount: number
  readonly cancellations: CancellationPolicy
  readonly purchaseRows: number
  readonly customers: number
  /** Customers with returns but no purchase, who get no RFM. */
  readonly customersWithOnlyReturns: number
  /** 'net' only: customers whose returns exceed their purchases in the period. */
  readonly customersWithNegativeMonetary: number
  readonly asOf: number
  readonly asOfDefaulted: boolean
  readonly recencyScoredByRank: boolean
  readonly monetaryScoredByRank: boolean
}

export interface RfmResult {
  readonly customers: readonly string[]
  readonly recency: Float64Array
  readonly frequency: Float64Array
  readonly monetary: Float64Array
  readonly firstPurchase: Float64Array
  readonly lastPurchase: Float64Array
  /** Whole days since the first purchase. */
  readonly tenure: Float64Array
  /** Monetary value per invoice. */
  readonly averageOrderValue: Float64Array
  /** Mean days between purchases, (last − first) / (frequency − 1); NaN with a single purchase. */
  readonly meanDaysBetweenPurchases: Float64Array
  /** Distinct items bought, when an item column was given. */
  readonly distinctItems: Float64Array | null
  readonly recencyScore: Uint8Array
  readonly frequencyScore: Uint8Array
  readonly monetaryScore: Uint8Array
  readonly segment: readonly RfmSegmentName[]
  readonly report: RfmReport
}

interface Account {
  first: number
  last: number
  monetary: number
  purchases: number
  invoices: Set<string> | null
  items: Set<string> | null
}

/** O(n + c log c) for n rows and c customers. */
export function computeRfm(tx: Transactions, options: RfmOptions): RfmResult {
  const n = validate(tx, options)
  const accounts = new Map<string, Account>()
  let rowsWithoutCustomer = 0
  let rowsWithoutDateOrAmount = 0
  let cancellationRows = 0
  let cancellationAmount = 0
  let purchaseRows = 0
  let lastDated = -Infinity
  for (let i = 0; i < n; i++) {
    const date = tx.date[i]
    const amount = tx.amount[i]
    if (!Number.isNaN(date) && date > lastDated) lastDated = date
    const id = tx.customer[i]?.trim()
    if (!id) {
      rowsWithoutCustomer++
      continue
    }
    if (Number.isNaN(date) || Number.isNaN(amount)) {
      rowsWithoutDateOrAmount++
      continue
    }
    const invoice = tx.invoice?.[i]?.trim() ?? null
    const cancelled = amount < 0 || (invoice !== null && (invoice[0] === 'C' || invoice[0] === 'c'))
    if (cancelled) {
      cancellationRows++
      cancellationAmount += Math.abs(amount)
      if (options.cancellations === 'exclude') continue
    }
    let account = accounts.get(id)
    if (!account) {
      account = {
        first: Infinity,
        last: -Infinity,
        monetary: 0,
        purchases: 0,
        invoices: tx.invoice ? new Set() : null,
        items: tx.item ? new Set() : null,
      }
      accounts.set(id, account)
    }
    if (cancelled) {
      account.monetary -= Math.abs(amount)
      continue
    }
    purchaseRows++
    account.monetary += amount
    if (date < account.first) account.first = date
    if (date > account.last) account.last = date
    if (account.invoices && invoice) account.invoices.add(invoice)
    else account.purchases++
    const item = tx.item?.[i]
    if (account.items && item !== null && item !== undefined && item !== '') account.items.add(item)
  }

  const buyers = [...accounts.entries()]
    .filter(([, a]) => a.last > -Infinity)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const customersWithOnlyReturns = accounts.size - buyers.length
  if (buyers.length === 0) {
    throw new UserError('No customer has a purchase with a date and an amount, so there is nothing to score.', {
      code: 'rfm.noPurchases',
    })
  }
  const asOfDefaulted = options.asOf === undefined
  const asOf = options.asOf ?? (Math.floor(lastDated / DAY_MS) + 1) * DAY_MS
  const c = buyers.length
  const columns = {
    recency: new Float64Array(c),
    frequency: new Float64Array(c),
    monetary: new Float64Array(c),
    firstPurchase: new Float64Array(c),
    lastPurchase: new Float64Array(c),
    tenure: new Float64Array(c),
    averageOrderValue: new Float64Array(c),
    meanDaysBetweenPurchases: new Float64Array(c),
  }
  const distinctItems = tx.item ? new Float64Array(c) : null
  let latest = -Infinity
  let negative = 0
  buyers.forEach(([, a], k) => {
    const frequency = (a.invoices?.size ?? 0) + a.purchases
    columns.recency[k] = Math.floor((asOf - a.last) / DAY_MS)
    columns.frequency[k] = frequency
    columns.monetary[k] = a.monetary
    columns.firstPurchase[k] = a.first
    columns.lastPurchase[k] = a.last
    columns.tenure[k] = Math.floor((asOf - a.first) / DAY_MS)
    columns.averageOrderValue[k] = a.monetary / frequency
    columns.meanDaysBetweenPurchases[k] = frequency > 1 ? (a.last - a.first) / DAY_MS / (frequency - 1) : NaN
    if (distinctItems) distinctItems[k] = a.items!.size
    if (a.last > latest) latest = a.last
    if (a.monetary < 0) negative++
  })
  if (asOf < latest) {
    throw new UserError(
      `The reference date ${isoDay(asOf)} is before the last purchase (${isoDay(latest)}); choose a later date.`,
      { code: 'rfm.asOfTooEarly' },
    )
  }
  const r = quintileScores(columns.recency, 'value')
  const recencyScore = r.scores.map((s) => 6 - s)
  const frequencyScore = quintileScores(columns.frequency, 'rank').scores
  const m = quintileScores(columns.monetary, 'value')
  const segment = Array.from(recencyScore, (rs, k) => segmentOf(rs, frequencyScore[k]))
  return {
    customers: buyers.map(([id]) => id),
    ...columns,
    distinctItems,
    recencyScore,
    frequencyScore,
    monetaryScore: m.scores,
    segment,
    report: {
      rows: n,
      rowsWithoutCustomer,
      rowsWithoutDateOrAmount,
      cancellationRows,
      cancellationAmount,
      cancellations: options.cancellations,
      purchaseRows,
      customers: c,
      customersWithOnlyReturns,
      customersWithNegativeMonetary: negative,
      asOf,
      asOfDefaulted,
      recencyScoredByRank: r.byRank,
      monetaryScoredByRank: m.byRank,
    },
  }
}

function validate(tx: Transactions, options: RfmOptions): number {
  const n = tx.customer.length
  const lengths: [string, number | undefined][] = [
    ['date', tx.date.length],
    ['amount', tx.amount.length],
    ['invoice', tx.invoice?.length],
    ['item', tx.item?.length],
  ]
  for (const [name, length] of lengths) {
    if (length !== undefined && length !== n) {
      throw new RangeError(`The ${name} column has ${length} values but the customer column has ${n}.`)
    }
  }
  if (options.cancellations !== 'exclude' && options.cancellations !== 'net') {
    throw new RangeError(`cancellations must be 'exclude' or 'net'; got ${JSON.stringify(options.cancellations)}.`)
  }
  if (options.asOf !== undefined && !Number.isFinite(options.asOf)) {
    throw new RangeError(`asOf must be a date in epoch milliseconds; got ${options.asOf}.`)
  }
  return n
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

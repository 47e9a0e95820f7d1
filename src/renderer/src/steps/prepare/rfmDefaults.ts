import type { DatasetColumn } from '../../../../shared/domain/dataset'

export interface RfmChoice {
  readonly customer: string
  readonly date: string
  /** How spend is recorded: one amount column, or quantity × unit price. */
  readonly spend: 'amount' | 'quantityPrice'
  readonly amount: string
  readonly quantity: string
  readonly price: string
  /** Empty: no invoice column (each line counts as its own purchase). */
  readonly invoice: string
  readonly cancellations: 'net' | 'exclude'
  /** Empty: the day after the last transaction. */
  readonly asOf: string
}

const patterns = {
  customer: /^(customer|client|cust|member|user|buyer|account|shopper)[\s._-]*(id|no|number|key|code)?$|customer/i,
  date: /date|time|day|when|timestamp/i,
  amount: /amount|total|revenue|sales|spend|spent|value|sum|paid|payment|monetary/i,
  quantity: /^(qty|units?|count|number[\s._-]*of.*|n[\s._-]*items)$|quantity|qty/i,
  price: /price|unit[\s._-]*cost|rate/i,
  invoice: /invoice|order|receipt|basket|transaction[\s._-]*(id|no)|^tx[\s._-]*id$/i,
}

function pick(
  columns: readonly DatasetColumn[],
  test: (c: DatasetColumn) => boolean,
  exclude: readonly string[] = [],
): string {
  return columns.find((c) => test(c) && !exclude.includes(c.name))?.name ?? ''
}

/**
 * First guesses for the RFM form from the column roles the import assigned, then from names and types: a customer id
 * column, a date, and either an amount or a quantity and a price. Anything not found stays empty for the user to
 * choose; the guesses are only a starting point shown in select boxes.
 */
export function rfmDefaults(columns: readonly DatasetColumn[]): RfmChoice {
  const numbers = (c: DatasetColumn) => c.type === 'number'
  const customer = pick(columns, (c) => c.role === 'customerId') || pick(columns, (c) => patterns.customer.test(c.name))
  const date =
    pick(columns, (c) => c.role === 'date' && c.type === 'date') ||
    pick(columns, (c) => c.type === 'date') ||
    pick(columns, (c) => patterns.date.test(c.name))
  const taken = [customer, date]
  const quantity = pick(columns, (c) => numbers(c) && patterns.quantity.test(c.name), taken)
  const price = pick(columns, (c) => numbers(c) && patterns.price.test(c.name), [...taken, quantity])
  // A unit price is not an amount even when the import gave it the amount role: spend is then quantity × price.
  const amount =
    pick(columns, (c) => c.role === 'amount' && numbers(c) && !patterns.price.test(c.name), [...taken, quantity]) ||
    pick(columns, (c) => numbers(c) && patterns.amount.test(c.name) && !patterns.price.test(c.name), [
      ...taken,
      quantity,
    ])
  const invoice = pick(columns, (c) => patterns.invoice.test(c.name), [...taken, amount, quantity, price])
  return {
    customer,
    date,
    spend: amount || !(quantity && price) ? 'amount' : 'quantityPrice',
    amount,
    quantity,
    price,
    invoice,
    cancellations: 'net',
    asOf: '',
  }
}

export type RfmRequest = {
  customer: string
  date: string
  amount?: string
  quantity?: string
  price?: string
  invoice?: string
  asOf?: string
  cancellations: 'net' | 'exclude'
}

/** The form as an `rfm.build` request, or the sentence saying what is still missing. */
export function rfmRequest(choice: RfmChoice): { ok: true; request: RfmRequest } | { ok: false; message: string } {
  if (!choice.customer) return { ok: false, message: 'Choose the column that says which customer bought.' }
  if (!choice.date) return { ok: false, message: 'Choose the column with the date of each purchase.' }
  if (choice.spend === 'amount' && !choice.amount)
    return { ok: false, message: 'Choose the column with the amount spent.' }
  if (choice.spend === 'quantityPrice' && (!choice.quantity || !choice.price)) {
    return { ok: false, message: 'Choose both the quantity column and the unit price column.' }
  }
  if (choice.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(choice.asOf)) {
    return { ok: false, message: `Write the analysis date as YYYY-MM-DD (got “${choice.asOf}”), or leave it empty.` }
  }
  const request: RfmRequest = { customer: choice.customer, date: choice.date, cancellations: choice.cancellations }
  if (choice.spend === 'amount') request.amount = choice.amount
  else {
    request.quantity = choice.quantity
    request.price = choice.price
  }
  if (choice.invoice) request.invoice = choice.invoice
  if (choice.asOf) request.asOf = choice.asOf
  return { ok: true, request }
}

import { describe, it, expect } from 'vitest'
import type { ColumnRole, ColumnType, DatasetColumn } from '../../../src/shared/domain/dataset'
import { rfmDefaults, rfmRequest } from '../../../src/renderer/src/steps/prepare/rfmDefaults'

function cols(spec: [string, ColumnType, ColumnRole][]): DatasetColumn[] {
  return spec.map(([name, type, role], position) => ({
    position,
    name,
    type,
    role,
    pii: false,
    typeReason: '',
    piiReason: null,
  }))
}

describe('rfmDefaults', () => {
  it('Online Retail: quantity × unit price, even though the import gave the price the amount role', () => {
    const choice = rfmDefaults(
      cols([
        ['InvoiceNo', 'category', 'feature'],
        ['StockCode', 'category', 'feature'],
        ['Description', 'text', 'feature'],
        ['Quantity', 'number', 'feature'],
        ['InvoiceDate', 'date', 'date'],
        ['UnitPrice', 'number', 'amount'],
        ['CustomerID', 'id', 'customerId'],
        ['Country', 'category', 'feature'],
      ]),
    )
    expect(choice).toEqual({
      customer: 'CustomerID',
      date: 'InvoiceDate',
      spend: 'quantityPrice',
      amount: '',
      quantity: 'Quantity',
      price: 'UnitPrice',
      invoice: 'InvoiceNo',
      cancellations: 'net',
      asOf: '',
    })
  })

  it('CDNOW: an amount column found by name, no invoice', () => {
    const choice = rfmDefaults(
      cols([
        ['customer_id', 'id', 'feature'],
        ['date', 'date', 'feature'],
        ['number_of_cds', 'number', 'feature'],
        ['dollar_value', 'number', 'feature'],
      ]),
    )
    expect(choice).toMatchObject({
      customer: 'customer_id',
      date: 'date',
      spend: 'amount',
      amount: 'dollar_value',
      quantity: 'number_of_cds',
      invoice: '',
    })
  })

  it('leaves empty what it cannot find, for the user to choose', () => {
    const choice = rfmDefaults(
      cols([
        ['when', 'text', 'feature'],
        ['who', 'category', 'feature'],
      ]),
    )
    expect(choice).toMatchObject({ customer: '', date: 'when', amount: '', spend: 'amount' })
  })

  it('prefers roles over names', () => {
    const choice = rfmDefaults(
      cols([
        ['client', 'id', 'feature'],
        ['account', 'id', 'customerId'],
        ['paid_on', 'date', 'date'],
        ['total', 'number', 'feature'],
        ['net', 'number', 'amount'],
      ]),
    )
    expect(choice).toMatchObject({ customer: 'account', date: 'paid_on', amount: 'net' })
  })
})

describe('rfmRequest', () => {
  const base = rfmDefaults(
    cols([
      ['customer', 'id', 'customerId'],
      ['date', 'date', 'date'],
      ['amount', 'number', 'amount'],
    ]),
  )

  it('sends only the spend columns of the chosen way, and no empty optional fields', () => {
    expect(rfmRequest(base)).toEqual({
      ok: true,
      request: { customer: 'customer', date: 'date', amount: 'amount', cancellations: 'net' },
    })
    expect(
      rfmRequest({
        ...base,
        spend: 'quantityPrice',
        quantity: 'q',
        price: 'p',
        invoice: 'inv',
        asOf: '2011-12-10',
        cancellations: 'exclude',
      }),
    ).toEqual({
      ok: true,
      request: {
        customer: 'customer',
        date: 'date',
        quantity: 'q',
        price: 'p',
        invoice: 'inv',
        asOf: '2011-12-10',
        cancellations: 'exclude',
      },
    })
  })

  it('says what is missing in a sentence', () => {
    expect(rfmRequest({ ...base, customer: '' })).toEqual({
      ok: false,
      message: 'Choose the column that says which customer bought.',
    })
    expect(rfmRequest({ ...base, date: '' }).ok).toBe(false)
    expect(rfmRequest({ ...base, amount: '' }).ok).toBe(false)
    expect(rfmRequest({ ...base, spend: 'quantityPrice', quantity: 'q', price: '' }).ok).toBe(false)
    expect(rfmRequest({ ...base, asOf: '10/12/2011' })).toEqual({
      ok: false,
      message: 'Write the analysis date as YYYY-MM-DD (got “10/12/2011”), or leave it empty.',
    })
  })
})

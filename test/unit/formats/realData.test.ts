import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import {
  createTypeAccumulator,
  readRows,
  sniff,
  type InferredTable,
  type ReadSummary,
  type Sniff,
} from '../../../src/main/formats'

/**
 * The real files in /work/shared/data, read end to end as an import does. Row counts and quirks are the ones
 * documented in that folder's README.md.
 */
const data = '/work/shared/data'

interface Imported {
  readonly sniff: Sniff
  readonly summary: ReadSummary
  readonly table: InferredTable
  readonly rows: string[][]
}

async function importFile(path: string, keepRows = false): Promise<Imported> {
  const found = await sniff(join(data, path))
  const types = createTypeAccumulator(found.header, {
    decimalHint: found.decimalHint,
    generatedNames: !found.hasHeader,
  })
  const rows: string[][] = []
  const summary = await readRows(found, {}, (batch) => {
    types.addRows(batch)
    if (keepRows) rows.push(...batch)
  })
  return { sniff: found, summary, table: types.finish(), rows }
}

/** Reads a file once, on first use, for all the tests of its block. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined
  return () => (promise ??= load())
}

const typesOf = (t: InferredTable) => Object.fromEntries(t.columns.map((c) => [c.name, c.type]))
const rolesOf = (t: InferredTable) =>
  Object.fromEntries(t.columns.filter((c) => c.role !== 'feature').map((c) => [c.name, c.role]))
const column = (t: InferredTable, name: string) => t.columns.find((c) => c.name === name)!

const clean = (s: ReadSummary) => ({ ragged: s.raggedRowCount, blank: s.blankRowCount, problems: s.problems.length })

describe('Telco customer churn (comma, blank TotalCharges)', () => {
  const load = lazy(() => importFile('customers/Telco-Customer-Churn.csv'))

  it('reads 7,043 rows × 21 columns with a header', async () => {
    const { sniff: s, summary } = await load()
    expect(s.dialect).toEqual({ delimiter: ',', quote: '"', newline: '\n' })
    expect(s.encoding?.name).toBe('utf-8')
    expect(s.hasHeader).toBe(true)
    expect(summary.rowCount).toBe(7043)
    expect(s.header).toHaveLength(21)
    expect(clean(summary)).toEqual({ ragged: 0, blank: 0, problems: 0 })
  })

  it('types the columns, reading the 11 single-space TotalCharges as missing', async () => {
    const { table } = await load()
    expect(typesOf(table)).toMatchObject({
      customerID: 'id',
      gender: 'category',
      SeniorCitizen: 'boolean',
      Partner: 'boolean',
      tenure: 'number',
      MultipleLines: 'category',
      PaymentMethod: 'category',
      MonthlyCharges: 'number',
      TotalCharges: 'number',
      Churn: 'boolean',
    })
    const total = column(table, 'TotalCharges')
    expect(total.missing).toEqual({ count: 11, markers: [{ marker: '(spaces only)', count: 11 }] })
    expect(total.invalid.count).toBe(0)
    expect(column(table, 'SeniorCitizen').typeReason).toMatch(/1 and 0.*SeniorCitizen.*yes\/no flag/)
  })

  it('suggests the customer key and the money columns', async () => {
    const { table } = await load()
    expect(rolesOf(table)).toEqual({ customerID: 'customerId', MonthlyCharges: 'amount', TotalCharges: 'amount' })
    expect(table.columns.filter((c) => c.pii)).toEqual([])
  })
})

describe('Wholesale customers (CRLF)', () => {
  const load = lazy(() => importFile('customers/Wholesale customers data.csv'))

  it('reads 440 rows × 8 columns', async () => {
    const { sniff: s, summary } = await load()
    expect(s.dialect).toEqual({ delimiter: ',', quote: '"', newline: '\r\n' })
    expect(summary.rowCount).toBe(440)
    expect(s.header).toEqual([
      'Channel',
      'Region',
      'Fresh',
      'Milk',
      'Grocery',
      'Frozen',
      'Detergents_Paper',
      'Delicassen',
    ])
    expect(clean(summary)).toEqual({ ragged: 0, blank: 0, problems: 0 })
  })

  it('reads the 1/2/3 codes of Channel and Region as categories and spend as numbers', async () => {
    const { table } = await load()
    expect(typesOf(table)).toEqual({
      Channel: 'category',
      Region: 'category',
      Fresh: 'number',
      Milk: 'number',
      Grocery: 'number',
      Frozen: 'number',
      Detergents_Paper: 'number',
      Delicassen: 'number',
    })
    expect(column(table, 'Channel').alternatives).toContain('number')
  })
})

describe('Bank Marketing (semicolons, quoted strings, "unknown")', () => {
  const loadAdditional = lazy(() => importFile('customers/bank-additional.csv'))
  const loadOlder = lazy(() => importFile('customers/bank.csv'))

  it('reads 4,119 and 4,521 rows of 21 and 17 semicolon-separated quoted columns', async () => {
    const [additional, older] = await Promise.all([loadAdditional(), loadOlder()])
    expect(additional.sniff.dialect).toEqual({ delimiter: ';', quote: '"', newline: '\r\n' })
    expect(older.sniff.dialect).toEqual({ delimiter: ';', quote: '"', newline: '\n' })
    expect([additional.summary.rowCount, additional.sniff.header.length]).toEqual([4119, 21])
    expect([older.summary.rowCount, older.sniff.header.length]).toEqual([4521, 17])
    expect(additional.sniff.header.slice(0, 3)).toEqual(['age', 'job', 'marital'])
  })

  it('treats "unknown" as missing and reports it', async () => {
    const [additional, older] = await Promise.all([loadAdditional(), loadOlder()])
    const job = column(additional.table, 'job')
    expect(job.type).toBe('category')
    expect(job.missing.markers).toEqual([{ marker: 'unknown', count: 39 }])
    expect(column(additional.table, 'default').type).toBe('boolean')
    expect(column(older.table, 'poutcome').missing.count).toBe(3705)
  })

  it('types numbers with decimal points despite the semicolons', async () => {
    const [additional, older] = await Promise.all([loadAdditional(), loadOlder()])
    expect(typesOf(additional.table)).toMatchObject({
      age: 'number',
      duration: 'number',
      'emp.var.rate': 'number',
      'cons.price.idx': 'number',
      euribor3m: 'number',
      y: 'boolean',
      month: 'category',
    })
    expect(column(additional.table, 'cons.price.idx').numberFormat?.decimal).toBe('.')
    expect(column(additional.table, 'cons.price.idx').role).toBe('feature') // a price index is not money
    expect(column(older.table, 'balance').role).toBe('amount')
  })
})

describe('Online Retail sample (quoted, NA customers, cancellations)', () => {
  const load = lazy(() => importFile('transactions/online_retail_sample_20000.csv', true))

  it('reads 20,000 rows × 8 columns', async () => {
    const { sniff: s, summary } = await load()
    expect(s.dialect).toEqual({ delimiter: ',', quote: '"', newline: '\r\n' })
    expect(summary.rowCount).toBe(20000)
    expect(clean(summary)).toEqual({ ragged: 0, blank: 0, problems: 0 })
  })

  it('delivers the raw text the README counts', async () => {
    const { sniff: s, rows } = await load()
    const at = (name: string) => s.header.indexOf(name)
    expect(rows.filter((r) => r[at('InvoiceNo')].startsWith('C'))).toHaveLength(350)
    expect(rows.filter((r) => r[at('CustomerID')] === 'NA')).toHaveLength(5078)
    expect(rows.filter((r) => Number(r[at('UnitPrice')]) === 0)).toHaveLength(90)
    expect(rows.filter((r) => r[at('Description')] === '')).toHaveLength(53)
  })

  it('types keys, text, dates and amounts', async () => {
    const { table } = await load()
    expect(typesOf(table)).toEqual({
      InvoiceNo: 'id',
      StockCode: 'id',
      Description: 'text',
      Quantity: 'number',
      InvoiceDate: 'date',
      UnitPrice: 'number',
      CustomerID: 'id',
      Country: 'category',
    })
    expect(column(table, 'InvoiceDate').dateFormat).toBe('iso')
    expect(column(table, 'CustomerID').missing.markers).toEqual([{ marker: 'NA', count: 5078 }])
    expect(column(table, 'CustomerID').evidence.distinct).toBe(3049)
    expect(column(table, 'Country').evidence.distinct).toBe(35)
  })

  it('suggests CustomerID as the customer, InvoiceDate as the date, UnitPrice as money, other keys ignored', async () => {
    const { table } = await load()
    expect(rolesOf(table)).toEqual({
      InvoiceNo: 'ignore',
      StockCode: 'ignore',
      Description: 'ignore',
      InvoiceDate: 'date',
      UnitPrice: 'amount',
      CustomerID: 'customerId',
    })
  })
})

describe('CDNOW (whitespace-separated, with and without header)', () => {
  const loadMaster = lazy(() => importFile('transactions/CDNOW_master.txt'))
  const loadSample = lazy(() => importFile('transactions/CDNOW_sample.txt'))

  it('splits runs of spaces and finds the header of the master file only', async () => {
    const [master, sample] = await Promise.all([loadMaster(), loadSample()])
    expect(master.sniff.dialect).toEqual({ delimiter: 'whitespace', quote: null, newline: '\r\n' })
    expect(master.sniff.hasHeader).toBe(true)
    expect(master.sniff.header).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value'])
    expect(master.summary.rowCount).toBe(69659)
    expect(sample.sniff.hasHeader).toBe(false)
    expect(sample.sniff.header).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4', 'Column 5'])
    expect(sample.summary.rowCount).toBe(6919)
    expect(clean(master.summary)).toEqual({ ragged: 0, blank: 0, problems: 0 })
  })

  it('reads 8-digit dates as dates and zero-padded ids as keys, and explains why', async () => {
    const [master, sample] = await Promise.all([loadMaster(), loadSample()])
    expect(typesOf(master.table)).toEqual({
      customer_id: 'id',
      date: 'date',
      number_of_cds: 'number',
      dollar_value: 'number',
    })
    expect(column(master.table, 'date').dateFormat).toBe('yyyymmdd')
    expect(column(master.table, 'date').typeReason).toMatch(/8-digit numbers .* from 1997-01-01 to 1998-06-30/)
    expect(typesOf(sample.table)).toEqual({
      'Column 1': 'id',
      'Column 2': 'id',
      'Column 3': 'date',
      'Column 4': 'number',
      'Column 5': 'number',
    })
    expect(rolesOf(master.table)).toEqual({ customer_id: 'customerId', date: 'date', dollar_value: 'amount' })
    expect(column(sample.table, 'Column 1').role).toBe('customerId')
    expect(column(sample.table, 'Column 2').role).toBe('ignore')
  })
})

describe('lifetimes example transactions', () => {
  const load = lazy(() => importFile('transactions/example_transactions.csv'))
  it('reads 15,273 rows; "id" is the customer', async () => {
    const { summary, table } = await load()
    expect(summary.rowCount).toBe(15273)
    expect(typesOf(table)).toEqual({ date: 'date', id: 'id' })
    expect(rolesOf(table)).toEqual({ date: 'date', id: 'customerId' })
    expect(column(table, 'id').evidence.distinct).toBe(5000)
  })
})

describe('goodbooks-10k (quoted titles with commas, empty isbn)', () => {
  const load = lazy(() => importFile('catalogue/goodbooks_books.csv'))
  it('reads 10,000 rows × 23 columns', async () => {
    const { sniff: s, summary } = await load()
    expect(s.dialect?.delimiter).toBe(',')
    expect(summary.rowCount).toBe(10000)
    expect(s.header).toHaveLength(23)
    expect(clean(summary)).toEqual({ ragged: 0, blank: 0, problems: 0 })
  })
  it('types ids, isbns, text and counts', async () => {
    const { table } = await load()
    expect(typesOf(table)).toMatchObject({
      book_id: 'id',
      goodreads_book_id: 'id',
      isbn: 'id',
      isbn13: 'id',
      authors: 'text',
      original_publication_year: 'number',
      original_title: 'text',
      title: 'text',
      language_code: 'category',
      average_rating: 'number',
      ratings_count: 'number',
      image_url: 'text',
    })
    expect(column(table, 'isbn').missing.count).toBe(700)
    expect(column(table, 'language_code').missing.count).toBe(1084)
  })
})

describe('MovieLens ml-latest-small', () => {
  const loadRatings = lazy(() => importFile('ratings/ml-latest-small/ratings.csv'))
  const loadMovies = lazy(() => importFile('ratings/ml-latest-small/movies.csv'))
  it('reads 100,836 ratings and 9,742 movies', async () => {
    const [ratings, movies] = await Promise.all([loadRatings(), loadMovies()])
    expect(ratings.summary.rowCount).toBe(100836)
    expect(movies.summary.rowCount).toBe(9742)
    expect(column(ratings.table, 'userId').evidence.distinct).toBe(610)
    expect(column(movies.table, 'movieId').evidence.distinct).toBe(9742)
  })
  it('reads Unix timestamps as dates and the user as the customer', async () => {
    const [ratings, movies] = await Promise.all([loadRatings(), loadMovies()])
    expect(typesOf(ratings.table)).toEqual({ userId: 'id', movieId: 'id', rating: 'number', timestamp: 'date' })
    expect(column(ratings.table, 'timestamp').dateFormat).toBe('unix-seconds')
    expect(rolesOf(ratings.table)).toEqual({ userId: 'customerId', movieId: 'ignore', timestamp: 'date' })
    expect(typesOf(movies.table)).toEqual({ movieId: 'id', title: 'text', genres: 'text' })
  })
})

describe('iris (count line as header)', () => {
  const load = lazy(() => importFile('reference/iris.csv'))
  it('takes the first line as the header, leaving 150 rows', async () => {
    const { sniff: s, summary } = await load()
    expect(s.hasHeader).toBe(true)
    expect(s.header).toEqual(['150', '4', 'setosa', 'versicolor', 'virginica'])
    expect(summary.rowCount).toBe(150)
  })
})

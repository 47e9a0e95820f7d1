export { nameWords } from '../../../shared/nameWords'

/** Lower-case name with separators removed: "E-mail Address" → "emailaddress". */
export function squashedName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9\u00c0-\u024f]+/g, '')
}

export function hasWord(words: readonly string[], list: ReadonlySet<string>): boolean {
  return words.some((w) => list.has(w))
}

/** Words that make a column a key when its values are codes or integers (InvoiceNo, StockCode, book_id, isbn). */
export const idWords = new Set([
  'id',
  'ids',
  'no',
  'nr',
  'num',
  'number',
  'code',
  'key',
  'ref',
  'reference',
  'sku',
  'isbn',
  'uuid',
  'guid',
  'ean',
  'upc',
])

/** Words naming the customer, for the customer-id role (CustomerID, userId, client_no, account). */
export const customerWords = new Set([
  'customer',
  'customers',
  'cust',
  'client',
  'user',
  'member',
  'account',
  'buyer',
  'shopper',
  'subscriber',
  'household',
  'guest',
  'patient',
  'donor',
  'kunde',
  'klant',
])

/** Words that mark money amounts spent (UnitPrice, dollar_value, TotalCharges, MntWines). */
export const amountWords = new Set([
  'mnt',
  'price',
  'prices',
  'amount',
  'amt',
  'value',
  'revenue',
  'sales',
  'spend',
  'spent',
  'spending',
  'charge',
  'charges',
  'cost',
  'costs',
  'paid',
  'payment',
  'payments',
  'dollar',
  'dollars',
  'euro',
  'euros',
  'eur',
  'usd',
  'gbp',
  'fee',
  'fees',
  'balance',
  'monetary',
  'turnover',
  'margin',
  'profit',
  'total',
  'subtotal',
  'net',
  'gross',
])

/** Words that make a number a measure rather than money even beside "price" or "value" (cons.price.idx, value_rank). */
export const notAmountWords = new Set([
  'idx',
  'index',
  'rate',
  'ratio',
  'rank',
  'score',
  'pct',
  'percent',
  'percentage',
  'share',
  'count',
  'qty',
  'quantity',
  'change',
  'growth',
])

/**
 * Words of money a customer has or earns rather than spends with the business (Income, salary): a characteristic to
 * segment on, never the spend behind RFM's monetary value.
 */
export const earningWords = new Set(['income', 'incomes', 'salary', 'salaries', 'wage', 'wages', 'earnings', 'pay'])

/**
 * Words of counts (NumStorePurchases, n_orders, visit_count): a count of store purchases is a number even though
 * "store" alone would suggest a code for a group.
 */
export const countWords = new Set([
  'num',
  'number',
  'nb',
  'n',
  'count',
  'counts',
  'qty',
  'quantity',
  'total',
  'purchases',
  'orders',
  'visits',
  'transactions',
  'items',
  'times',
  'days',
  'weeks',
  'months',
  'years',
])

/**
 * Words that make a 0/1 column a yes/no flag. SeniorCitizen is the motivating case: "senior" is a status a customer
 * has or has not, whereas 0/1 in a column called "count" is a number.
 */
export const flagWords = new Set([
  'is',
  'has',
  'was',
  'can',
  'did',
  'does',
  'flag',
  'flags',
  'bool',
  'senior',
  'churn',
  'churned',
  'active',
  'member',
  'subscribed',
  'subscriber',
  'opt',
  'optin',
  'consent',
  'vip',
  'paperless',
  'partner',
  'dependents',
  'married',
  'default',
  'returned',
  'cancelled',
  'canceled',
  'verified',
  'enabled',
  'deleted',
  'premium',
  'target',
  'converted',
  'responded',
  'response',
  'clicked',
  'opened',
  'bought',
  'purchased',
  'accepted',
  'accept',
  'complain',
  'complained',
  'complaint',
  'unsubscribed',
  'fraud',
  'yn',
])

/** Words of small integer codes that are categories, not quantities (Wholesale's Channel 1/2, Region 1/2/3). */
export const codeCategoryWords = new Set([
  'channel',
  'region',
  'type',
  'category',
  'class',
  'group',
  'segment',
  'status',
  'gender',
  'sex',
  'country',
  'state',
  'zone',
  'area',
  'tier',
  'level',
  'grade',
  'cluster',
  'department',
  'store',
  'branch',
  'brand',
])

/** Words of Unix timestamps (MovieLens `timestamp`). */
export const timeWords = new Set([
  'timestamp',
  'time',
  'epoch',
  'ts',
  'datetime',
  'date',
  'created',
  'updated',
  'modified',
  'at',
])

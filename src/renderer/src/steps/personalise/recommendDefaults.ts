import type { DatasetColumn, DatasetSummary } from '../../../../shared/domain/dataset'
import {
  DEFAULT_BLEND_WEIGHT,
  type RecMethodChoice,
  type RecSplit,
  type RecValueKind,
  type RecommendSettings,
} from '../../../../shared/domain/recommend'

/** The Personalise form as the user edits it: column names, '' where nothing is chosen. */
export interface RecommendForm {
  readonly datasetId: number | null
  readonly customer: string
  readonly item: string
  readonly value: string
  readonly valueKind: RecValueKind
  /** Text: a rating threshold, '' for none. */
  readonly threshold: string
  readonly date: string
  readonly split: RecSplit
  readonly useCatalogue: boolean
  readonly catalogueId: number | null
  readonly catalogueItem: string
  readonly catalogueText: string
  readonly catalogueCategory: string
  readonly method: RecMethodChoice
  /** Blend: share of the descriptions, 0–1. */
  readonly blendWeight: number
}

const patterns = {
  customer: /customer|client|cust|member|user|buyer|account|shopper/i,
  item: /stock|item|product|sku|article|movie|book|asin|isbn|code/i,
  quantity: /quantity|qty|units?$|count/i,
  rating: /rating|score|stars?/i,
  date: /date|time|day|timestamp/i,
  text: /description|desc|title|name|text|label/i,
  category: /category|genre|department|family|group|type/i,
}

const pick = (columns: readonly DatasetColumn[], test: (c: DatasetColumn) => boolean, not: readonly string[] = []) =>
  columns.find((c) => test(c) && !not.includes(c.name))?.name ?? ''

/** Transactions and interactions tables first: they are what recommendations are made from. */
export function interactionTables(datasets: readonly DatasetSummary[]): DatasetSummary[] {
  const rank = (d: DatasetSummary) => (d.kind === 'transactions' || d.kind === 'interactions' ? 0 : 1)
  return [...datasets].sort((a, b) => rank(a) - rank(b) || a.id - b.id)
}

/**
 * First guesses from roles, names and types — for the sample: the transactions, CustomerID, StockCode, Quantity
 * (returns left out), InvoiceDate, and the same table as the catalogue with its Description.
 */
export function recommendDefaults(dataset: DatasetSummary | null): RecommendForm {
  const columns = dataset?.columns ?? []
  const ids = (c: DatasetColumn) => c.type === 'id' || c.type === 'category' || c.type === 'number'
  const customer = pick(columns, (c) => c.role === 'customerId') || pick(columns, (c) => patterns.customer.test(c.name))
  const item = pick(columns, (c) => ids(c) && patterns.item.test(c.name), [customer])
  const numbers = (c: DatasetColumn) => c.type === 'number'
  const rating = pick(columns, (c) => numbers(c) && patterns.rating.test(c.name), [customer, item])
  const quantity = pick(columns, (c) => numbers(c) && patterns.quantity.test(c.name), [customer, item])
  const date = pick(columns, (c) => c.type === 'date') || ''
  const text = pick(columns, (c) => (c.type === 'text' || c.type === 'category') && patterns.text.test(c.name), [
    customer,
    item,
  ])
  const category = pick(columns, (c) => c.type === 'category' && patterns.category.test(c.name), [customer, item, text])
  return {
    datasetId: dataset?.id ?? null,
    customer,
    item,
    value: rating || quantity,
    valueKind: rating ? 'rating' : 'quantity',
    threshold: '',
    date,
    split: 'random',
    useCatalogue: text !== '',
    catalogueId: dataset?.id ?? null,
    catalogueItem: item,
    catalogueText: text,
    catalogueCategory: category,
    method: 'auto',
    blendWeight: DEFAULT_BLEND_WEIGHT,
  }
}

/** The form as the contract wants it, or the first thing missing in words. */
export function toSettings(form: RecommendForm): RecommendSettings | string {
  if (form.datasetId === null) return 'Choose the table of purchases.'
  if (!form.customer) return 'Choose the customer column.'
  if (!form.item) return 'Choose the item column.'
  if (form.customer === form.item) return 'The customer and item columns must differ.'
  if (form.split === 'time' && !form.date) return 'A split by time needs a date column.'
  const threshold = form.threshold.trim() === '' ? null : Number(form.threshold)
  if (threshold !== null && !Number.isFinite(threshold)) return 'The rating threshold must be a number.'
  const catalogue =
    form.useCatalogue && form.catalogueId !== null && form.catalogueItem && form.catalogueText
      ? {
          datasetId: form.catalogueId,
          item: form.catalogueItem,
          text: [form.catalogueText],
          category: form.catalogueCategory || null,
        }
      : null
  if (form.useCatalogue && !catalogue) return 'Choose the catalogue’s item column and text column, or untick it.'
  if ((form.method === 'content' || form.method === 'blend') && !catalogue)
    return 'This method compares item descriptions: tick “Describe the items” and choose the text column.'
  return {
    datasetId: form.datasetId,
    customer: form.customer,
    item: form.item,
    value: form.value
      ? { column: form.value, kind: form.valueKind, threshold: form.valueKind === 'rating' ? threshold : null }
      : null,
    date: form.date || null,
    split: form.split,
    catalogue,
    method: form.method,
    top: 10,
    seed: 0,
    blendWeight: form.blendWeight,
  }
}

/** The stored settings back in the form, so the screen opens on what made the recommendations shown. */
export function formOf(s: RecommendSettings): RecommendForm {
  return {
    datasetId: s.datasetId,
    customer: s.customer,
    item: s.item,
    value: s.value?.column ?? '',
    valueKind: s.value?.kind ?? 'quantity',
    threshold: s.value?.threshold === null || s.value?.threshold === undefined ? '' : String(s.value.threshold),
    date: s.date ?? '',
    split: s.split,
    useCatalogue: s.catalogue !== null,
    catalogueId: s.catalogue?.datasetId ?? s.datasetId,
    catalogueItem: s.catalogue?.item ?? s.item,
    catalogueText: s.catalogue?.text[0] ?? '',
    catalogueCategory: s.catalogue?.category ?? '',
    method: s.method,
    blendWeight: s.blendWeight,
  }
}

import type { Command } from '../command'
import { UsageError } from '../command'
import { intFlag, parseFlags, requireFlag } from '../args'
import { writeJson } from '../output'
import { readTable, typedColumn, type WholeTable } from '../readTable'
import { labelsOf } from '../../engine/frame'
import {
  REC_METHODS,
  buildInteractions,
  chooseMethod,
  describeReason,
  evaluate,
  fitScorer,
  recommendForUsers,
  trainingTieRank,
  type Evaluation,
  type FitOptions,
  type InteractionRows,
  type Interactions,
  type RecMethod,
} from '../../engine/recommend'
import { UserError } from '../../../shared/errors'

const METHODS = ['popular', 'item-knn', 'user-knn', 'content', 'ease', 'auto'] as const
type MethodFlag = (typeof METHODS)[number]

/**
 * `segmentlab recommend`: fit a recommender on a customer × item file and evaluate it on a test file beside the
 * popularity baseline (the protocol is engine/recommend/evaluate.ts), or, without --test, fit on everything and write
 * each customer's recommendations with reasons. The flags and JSON are a contract (issue 13).
 */
export const recommendCommand: Command = {
  name: 'recommend',
  summary: 'Recommend items per customer (popularity, item/user KNN, content, EASE) and evaluate against a test file',
  usage:
    'segmentlab recommend --train TRAIN.csv --test TEST.csv --user COL --item COL [--rating COL [--threshold X]]\n' +
    '       --method popular|item-knn|user-knn|content|ease|auto [--items CATALOG.csv --item-id COL --text COL]\n' +
    '       [--top 10] [--seed 0] --json OUT\n' +
    '       (without --test: --input FILE fits on everything and writes each customer’s recommendations)',
  async run(args) {
    const { values, positionals } = parseFlags(args, {
      train: { type: 'string' },
      test: { type: 'string' },
      input: { type: 'string' },
      user: { type: 'string' },
      item: { type: 'string' },
      rating: { type: 'string' },
      threshold: { type: 'string' },
      method: { type: 'string' },
      items: { type: 'string' },
      'item-id': { type: 'string' },
      text: { type: 'string', multiple: true },
      top: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
    })
    if (positionals.length > 0)
      throw new UsageError(`Unexpected argument "${positionals[0]}"; give files with --train.`)
    const out = requireFlag(values.json, '--json')
    const userCol = requireFlag(values.user, '--user')
    const itemCol = requireFlag(values.item, '--item')
    const method = (values.method ?? 'auto') as MethodFlag
    if (!METHODS.includes(method))
      throw new UsageError(`--method must be one of ${METHODS.join(', ')}; got "${method}".`)
    const top = intFlag(values.top, '--top', 10, 1)
    const seed = intFlag(values.seed, '--seed', 0, 0)
    const threshold = values.threshold === undefined ? null : Number(values.threshold)
    if (threshold !== null && (!Number.isFinite(threshold) || values.rating === undefined))
      throw new UsageError('--threshold needs --rating and a number.')
    const catalogFlags = [values.items, values['item-id'], values.text]
    if (catalogFlags.some((v) => v !== undefined) && !catalogFlags.every((v) => v !== undefined))
      throw new UsageError('--items, --item-id and --text go together.')
    if (method === 'content' && values.items === undefined)
      throw new UsageError('--method content needs the catalogue: --items, --item-id and --text.')
    const trainPath = values.train ?? values.input
    if (!trainPath) throw new UsageError('--train (or --input) is required.')
    if (values.train && values.input) throw new UsageError('Give --train with --test, or --input alone.')
    if (values.input && values.test)
      throw new UsageError('--input fits on everything; to evaluate give --train and --test.')

    const columns = { user: userCol, item: itemCol, rating: values.rating }
    const trainRows = readInteractions(await readTable(trainPath), columns)
    const train = buildInteractions(trainRows, { duplicates: values.rating ? 'last' : 'sum' })
    if (train.x.indices.length === 0) throw new UserError(`"${trainPath}" has no interactions with both ids.`)
    const catalog = values.items
      ? await readCatalog(values.items, values['item-id']!, values.text!, train)
      : { text: undefined, name: (i: number) => train.items.ids[i] }
    const options: FitOptions = { itemText: catalog.text, seed }
    const candidates: RecMethod[] = ['item-knn', 'user-knn', 'ease', ...(catalog.text ? (['content'] as const) : [])]

    if (!values.test) {
      const { scorer } = await fitChosen(method, train, candidates, options)
      const lists = await recommendForUsers(scorer, train.x, { top, tieRank: trainingTieRank(train.x) })
      writeJson(out, {
        method,
        users: lists.map((l) => ({
          user: train.users.ids[l.user],
          items: Array.from(l.items, (item, r) => ({
            item: train.items.ids[item],
            score: l.scores[r],
            reason: describeReason(l.reasons[r], catalog.name),
          })),
        })),
      })
      return 0
    }

    let testRows = readInteractions(await readTable(values.test), columns)
    if (threshold !== null) testRows = keepAtLeast(testRows, threshold)
    const test = buildInteractions(testRows, { users: train.users, items: train.items })
    const { scorer } = await fitChosen(method, train, candidates, options)
    const evaluation = await evaluate(scorer, train.x, test.x, { k: top })
    const baseline = await evaluate(await fitScorer('popular', train), train.x, test.x, { k: top })
    writeJson(out, {
      method,
      k: top,
      metrics: metricsOf(evaluation),
      baseline: metricsOf(baseline),
      users: evaluation.users,
    })
    return 0
  },
}

async function fitChosen(method: MethodFlag, train: Interactions, candidates: RecMethod[], options: FitOptions) {
  const chosen = method === 'auto' ? (await chooseMethod(train, candidates, options)).method : method
  if (!REC_METHODS.includes(chosen)) throw new UsageError(`Unknown method "${chosen}".`)
  return { chosen, scorer: await fitScorer(chosen, train, options) }
}

function metricsOf(e: Evaluation) {
  const m = e.metrics
  return {
    precision: m.precision,
    recall: m.recall,
    ndcg: m.ndcg,
    map: m.map,
    hitRate: m.hitRate,
    coverage: m.coverage,
  }
}

function readInteractions(
  table: WholeTable,
  columns: { user: string; item: string; rating?: string },
): InteractionRows {
  const user = labelsOf(typedColumn(table, columns.user, '--user', 'category'))
  const item = labelsOf(typedColumn(table, columns.item, '--item', 'category'))
  const value = columns.rating
    ? (typedColumn(table, columns.rating, '--rating', 'number').values as Float64Array)
    : undefined
  return { user, item, value }
}

function keepAtLeast(rows: InteractionRows, threshold: number): InteractionRows {
  const keep = rows.user.map((_, t) => rows.value![t] >= threshold)
  return {
    user: rows.user.filter((_, t) => keep[t]),
    item: rows.item.filter((_, t) => keep[t]),
    value: rows.value!.filter((_, t) => keep[t]),
  }
}

/** Item text aligned with the training items (several --text columns are joined); names for reasons. */
async function readCatalog(path: string, idCol: string, textCols: string[], train: Interactions) {
  const table = await readTable(path)
  const ids = labelsOf(typedColumn(table, idCol, '--item-id', 'category'))
  const texts = textCols.map((c) => labelsOf(typedColumn(table, c, '--text', 'category')))
  const text: (string | null)[] = new Array<string | null>(train.items.ids.length).fill(null)
  const name: string[] = [...train.items.ids]
  ids.forEach((id, row) => {
    const i = id === null ? -1 : train.items.indexOf(id)
    if (i < 0) return
    const parts = texts.map((t) => t[row]).filter((t): t is string => t !== null && t !== '')
    text[i] = parts.join(' ')
    if (parts.length > 0) name[i] = parts[0]
  })
  return { text, name: (i: number) => name[i] }
}

import type { Task } from './types'
import {
  buildIdIndex,
  buildInteractions,
  chooseMethod,
  evaluate,
  filterEntries,
  fitScorer,
  fitTfidf,
  itemNeighbourLists,
  hasEntry,
  itemPopularity,
  recommendForUsers,
  segmentFavourites,
  segmentPopularity,
  splitRowsByTime,
  splitRowsRandom,
  trainingTieRank,
  verdict,
  withoutSensitive,
  describeProtocol,
  type CustomerRecommendations as EngineLists,
  type Evaluation,
  type FitOptions,
  type IdIndex,
  type Interactions,
  type Progress as EngineProgress,
  type RecMethod,
} from '../../engine/recommend'
import {
  isSensitive,
  recReasonKinds,
  REC_MODEL_VERSION,
  SEGMENT_MIN_BUYERS,
  type FittedRecMethod,
  type RecMetrics,
  type RecModel,
  type RecommendJobResult,
  type RecommendSettings,
  type SensitiveMarks,
} from '../../../shared/domain/recommend'
import { UserError } from '../../../shared/errors'
import { countWords, readRecommendInputs, readRunSegments, type CatalogueEntry } from './recommendInputs'

/** Share of each customer's history held out for the evaluation (the protocol). */
const TEST_SHARE = 0.25
/** Items like each item kept per kind (descriptions, bought together). */
const NEIGHBOURS = 10

/**
 * Step 5, Personalise: fits the chosen recommender (or Automatic's pick) on a transactions dataset, evaluates it
 * honestly beside the best-sellers, then lists every customer's top items with reasons and each segment's top items.
 *
 * Protocol: a quarter of each customer's history is held out (at random, seeded, or the latest quarter by date); the
 * method is fitted on the rest and ranks every item the customer has not bought in it; Automatic picks its method on a
 * further split of the training part only. The lists shown are then fitted on all the data. Sensitive items are taken
 * out of the data before any fit, so they are never recommended, never explain a recommendation and never drive one.
 */
export const recommend: Task<'recommend'> = async (spec, ctx) => {
  const s = spec.settings
  const stage =
    (from: number, span: number, title: string): EngineProgress =>
    (f, detail) =>
      ctx.progress({ fraction: from + span * Math.min(1, Math.max(0, f)), title, detail })

  const inputs = await readRecommendInputs(ctx.db, s, ctx.progress)
  const { rows, catalogue } = inputs
  const duplicates = s.value?.kind === 'rating' ? 'last' : 'sum'
  const all = buildInteractions(rows, { duplicates })
  if (all.x.indices.length === 0) {
    throw new UserError(`No row has both a "${s.customer}" and a "${s.item}"; choose the customer and item columns.`, {
      code: 'recommend.empty',
    })
  }
  const text = (items: IdIndex) => (catalogue ? items.ids.map((id) => catalogue.get(id)?.text ?? null) : undefined)
  const needsText = s.method === 'content' || s.method === 'blend'
  if (needsText && !catalogue) {
    throw new UserError('Similar descriptions need the item texts: choose a catalogue and its text column.', {
      code: 'recommend.noText',
    })
  }

  // The honest evaluation: split, fit on the training part, rank, compare with the best-sellers.
  await ctx.progress({ fraction: 0.3, title: 'Holding out a quarter of each customer’s history' })
  const isTest = s.split === 'time' ? splitRowsByTime(rows, TEST_SHARE) : splitRowsRandom(rows, TEST_SHARE, s.seed)
  const trainRows = rowsWhere(isTest, 0)
  const train = buildInteractions(rows, { duplicates, subset: trainRows })
  const testAll = buildInteractions(rows, {
    duplicates,
    subset: rowsWhere(isTest, 1),
    users: train.users,
    items: train.items,
  })
  // By time, an item bought before and again later is a repeat, not a discovery: only new items count as relevant.
  const test = s.split === 'time' ? withoutRepeats(testAll.x, train.x) : testAll.x
  const trainMask = maskOf(train.items, catalogue, spec.sensitive)
  const trainFit = withoutSensitive(train, trainMask)
  const options = fitOptionsOf(s, text(train.items))
  const candidates: RecMethod[] = ['item-knn', 'user-knn', 'ease', ...(catalogue ? (['content'] as const) : [])]

  let method: FittedRecMethod
  let tried: { method: FittedRecMethod; ndcg: number }[] = []
  if (s.method === 'auto') {
    const choice = await chooseMethod(trainFit, candidates, options, stage(0.32, 0.25, 'Automatic: trying each method'))
    method = choice.method
    tried = choice.tried.map((t) => ({ method: t.method, ndcg: t.evaluation.metrics.ndcg }))
  } else method = s.method
  const scorer = await fitScorer(method, trainFit, options, stage(0.57, 0.08, `Fitting ${method} on the training part`))
  const k = s.top
  const evaluation = await evaluate(scorer, trainFit.x, test, {
    k,
    excluded: trainMask,
    progress: stage(0.65, 0.05, 'Evaluating on the held-out items'),
  })
  const baselineScorer = await fitScorer('popular', trainFit)
  const baseline = await evaluate(baselineScorer, trainFit.x, test, {
    k,
    excluded: trainMask,
    progress: stage(0.7, 0.03, 'Evaluating the best-sellers the same way'),
  })

  // The lists: fitted on everything, catalogue items never bought included when descriptions can reach them.
  const reachable = catalogue && (method === 'content' || method === 'blend')
  const items = reachable ? buildIdIndex([...all.items.ids, ...catalogue.keys()]) : all.items
  const data = reachable ? buildInteractions(rows, { duplicates, items }) : all
  const mask = maskOf(items, catalogue, spec.sensitive)
  const fitData = withoutSensitive(data, mask)
  const final = await fitScorer(
    method,
    fitData,
    { ...options, itemText: text(items) },
    stage(0.73, 0.1, `Fitting ${method} on all the data`),
  )
  const tieRank = trainingTieRank(fitData.x)
  const lists = await recommendForUsers(
    final,
    fitData.x,
    { top: k, tieRank, excluded: mask },
    stage(0.83, 0.09, 'Recommending'),
  )
  // "Items like this one" for the step's panel: stored with the fit, so a look-up is a read, not a refit.
  const itemText = text(items)
  const neighbours = await itemNeighbourLists(
    fitData,
    itemText ? fitTfidf(itemText, options.tfidf) : null,
    { k: NEIGHBOURS, excluded: mask },
    stage(0.92, 0.03, 'Finding the items most like each item'),
  )

  // Segments: matched by customer id; customers of the segmentation without purchases get their segment's favourites.
  const notes: string[] = dataNotes(inputs.skipped, rows.user.length)
  let segments: RecModel['segments'] = null
  const segmentOf = new Int32Array(data.users.ids.length).fill(-1)
  const coldIds: string[] = []
  const coldSegment: number[] = []
  let segmentItems = emptySegmentItems()
  let segmentCustomers: number[] = []
  if (spec.runId !== null) {
    await ctx.progress({ fraction: 0.95, title: 'Matching customers to the segments' })
    const read = await readRunSegments(ctx.db, spec.runId, async () => {})
    if (read.note) notes.push(read.note)
    const run = read.segments
    if (run) {
      let matched = 0
      data.users.ids.forEach((id, u) => {
        const seg = run.segmentOf.get(id)
        if (seg !== undefined) {
          segmentOf[u] = seg
          matched++
        }
      })
      for (const [id, seg] of run.segmentOf) {
        if (data.users.indexOf(id) < 0) {
          coldIds.push(id)
          coldSegment.push(seg)
        }
      }
      const pop = segmentPopularity(fitData.x, segmentOf, run.k, SEGMENT_MIN_BUYERS)
      segmentCustomers = Array.from(pop.customers)
      segmentItems = rankSegments(pop, run.k, k, tieRank, mask)
      const cold = Array.from({ length: run.k }, (_, seg) => segmentFavourites(pop, seg, k, tieRank, mask, 'buyers'))
      coldSegment.forEach((seg) => lists.push(cold[seg]))
      segments = {
        runId: run.runId,
        runName: run.runName,
        k: run.k,
        idColumn: run.idColumn,
        matched,
        runCustomers: run.runCustomers,
        coldStart: coldIds.length,
      }
      if (matched === 0) {
        notes.push(
          `No customer of “${run.runName}” (${run.idColumn}) is among the transactions' ${s.customer} values, so there are no per-segment items. Segment a table whose customer ids are the transactions' (an RFM table built from them, say).`,
        )
      }
    }
  }

  const hidden = mask.reduce((a, b) => a + b, 0)
  const model: Omit<RecModel, 'computedAt'> = {
    version: REC_MODEL_VERSION,
    settings: s,
    method,
    evaluation: {
      protocol: protocolText(s.split, s.seed, k, s.method === 'auto'),
      k,
      testShare: TEST_SHARE,
      users: evaluation.users,
      metrics: metricsOf(evaluation),
      baseline: metricsOf(baseline),
      verdict: verdict(evaluation, baseline),
      ratio: baseline.metrics.ndcg > 0 ? evaluation.metrics.ndcg / baseline.metrics.ndcg : null,
    },
    tried,
    data: {
      rows: rows.user.length,
      skippedRows: inputs.skipped.noId + inputs.skipped.returns + inputs.skipped.belowThreshold,
      customers: all.users.ids.length,
      items: all.items.ids.length,
      interactions: all.x.indices.length,
      described: catalogue ? all.items.ids.filter((id) => catalogue.get(id)?.text).length : null,
    },
    segments,
    sensitive: { marks: spec.sensitive, hiddenItems: hidden },
    notes,
  }
  if (evaluation.users === 0) {
    notes.push(
      'No customer had a held-out item seen in training, so the numbers say nothing yet: more history is needed.',
    )
  }
  await ctx.progress({ fraction: 0.98, title: 'Handing the recommendations over' })
  return {
    model,
    items: {
      ids: items.ids,
      names: items.ids.map((id) => catalogue?.get(id)?.name ?? null),
      categories: items.ids.map((id) => catalogue?.get(id)?.category ?? null),
      buyers: Int32Array.from(itemPopularity(data.xt)),
      sensitive: mask,
    },
    customers: {
      ids: [...data.users.ids, ...coldIds],
      segment: Int32Array.from([...segmentOf, ...coldSegment]),
      history: Int32Array.from({ length: data.users.ids.length + coldIds.length }, (_, u) =>
        u < data.x.rows ? data.x.indptr[u + 1] - data.x.indptr[u] : 0,
      ),
    },
    lists: columnsOf(lists, data.x.rows),
    segmentItems,
    segmentCustomers,
    neighbours,
  }
}

/** What the engine is given from the settings: the items' texts, the seed and the blend's share of descriptions. */
export function fitOptionsOf(s: RecommendSettings, itemText: readonly (string | null)[] | undefined): FitOptions {
  return { itemText, seed: s.seed, blendWeight: s.blendWeight }
}

function rowsWhere(flag: Uint8Array, value: 0 | 1): Int32Array {
  let n = 0
  for (let t = 0; t < flag.length; t++) if (flag[t] === value) n++
  const out = new Int32Array(n)
  let k = 0
  for (let t = 0; t < flag.length; t++) if (flag[t] === value) out[k++] = t
  return out
}

function withoutRepeats(test: Interactions['x'], train: Interactions['x']): Interactions['x'] {
  const repeat = new Uint8Array(test.indices.length)
  for (let u = 0; u < test.rows; u++)
    for (let p = test.indptr[u]; p < test.indptr[u + 1]; p++) repeat[p] = hasEntry(train, u, test.indices[p]) ? 1 : 0
  return filterEntries(test, repeat, 0)
}

function maskOf(items: IdIndex, catalogue: ReadonlyMap<string, CatalogueEntry> | null, marks: SensitiveMarks) {
  const marked = new Set(marks.items)
  return Uint8Array.from(items.ids, (id) => {
    const entry = catalogue?.get(id)
    return isSensitive({ id, category: entry?.category ?? null, text: entry?.text ?? null }, marks, marked) ? 1 : 0
  })
}

function metricsOf(e: Evaluation): RecMetrics {
  const { precision, recall, ndcg, map, hitRate, coverage } = e.metrics
  return { precision, recall, ndcg, map, hitRate, coverage }
}

function protocolText(split: 'random' | 'time', seed: number, k: number, auto: boolean): string {
  const base = describeProtocol({ split, testShare: TEST_SHARE, seed, k })
  const repeats = split === 'time' ? ' Repeat purchases of items bought in training do not count.' : ''
  const choice = auto
    ? ' Automatic chose its method by NDCG@10 on a further 75/25 split of the training part, never on the held-out items.'
    : ''
  return `${base}${repeats}${choice} The best-sellers are evaluated the same way.`
}

function dataNotes(skipped: { noId: number; returns: number; belowThreshold: number }, rows: number): string[] {
  const notes: string[] = []
  const share = (n: number) => `${Math.round((100 * n) / Math.max(rows, 1))}%`
  if (skipped.noId > 0)
    notes.push(
      `${countWords(skipped.noId, 'row has', 'rows have')} no customer or item id (${share(skipped.noId)}); left out.`,
    )
  if (skipped.returns > 0)
    notes.push(
      `${countWords(skipped.returns, 'row is a return', 'rows are returns')} (quantity 0 or less); not counted as purchases.`,
    )
  if (skipped.belowThreshold > 0)
    notes.push(
      `${countWords(skipped.belowThreshold, 'rating is', 'ratings are')} under the threshold or missing; left out.`,
    )
  return notes
}

function emptySegmentItems(): RecommendJobResult['segmentItems'] {
  return {
    segment: new Int32Array(0),
    by: new Uint8Array(0),
    rank: new Int32Array(0),
    item: new Int32Array(0),
    buyers: new Int32Array(0),
    share: new Float64Array(0),
    lift: new Float64Array(0),
  }
}

/** Each segment's top items, by lift (what sets it apart) and by buyers (what most of it buys). */
function rankSegments(
  pop: ReturnType<typeof segmentPopularity>,
  segments: number,
  top: number,
  tieRank: Int32Array,
  mask: Uint8Array,
): RecommendJobResult['segmentItems'] {
  const rows: { segment: number; by: number; rank: number; item: number }[] = []
  for (let seg = 0; seg < segments; seg++) {
    ;(['lift', 'buyers'] as const).forEach((by, code) => {
      const list = segmentFavourites(pop, seg, top, tieRank, mask, by)
      list.items.forEach((item, rank) => rows.push({ segment: seg, by: code, rank, item }))
    })
  }
  const at = (r: (typeof rows)[number]) => r.segment * pop.items + r.item
  return {
    segment: Int32Array.from(rows, (r) => r.segment),
    by: Uint8Array.from(rows, (r) => r.by),
    rank: Int32Array.from(rows, (r) => r.rank),
    item: Int32Array.from(rows, (r) => r.item),
    buyers: Int32Array.from(rows, (r) => pop.buyers[at(r)]),
    share: Float64Array.from(rows, (r) =>
      pop.customers[r.segment] > 0 ? pop.buyers[at(r)] / pop.customers[r.segment] : 0,
    ),
    lift: Float64Array.from(rows, (r) => pop.lift[at(r)]),
  }
}

/** The lists column-wise; cold-start lists (user −1) follow the customers with purchases, in the customers' order. */
function columnsOf(lists: readonly EngineLists[], withHistory: number): RecommendJobResult['lists'] {
  const n = lists.reduce((a, l) => a + l.items.length, 0)
  const out = {
    customer: new Int32Array(n),
    rank: new Int32Array(n),
    item: new Int32Array(n),
    score: new Float64Array(n),
    reasonKind: new Uint8Array(n),
    reasonItem: new Int32Array(n).fill(-1),
    reasonA: new Int32Array(n).fill(-1),
    reasonB: new Int32Array(n).fill(-1),
  }
  let p = 0
  let cold = 0
  for (const list of lists) {
    const customer = list.user >= 0 ? list.user : withHistory + cold++
    for (let r = 0; r < list.items.length; r++, p++) {
      out.customer[p] = customer
      out.rank[p] = r + 1
      out.item[p] = list.items[r]
      out.score[p] = list.scores[r]
      const reason = list.reasons[r]
      out.reasonKind[p] = recReasonKinds.indexOf(reason.kind)
      if (reason.kind === 'bought') out.reasonItem[p] = reason.item
      else if (reason.kind === 'segment') out.reasonA[p] = reason.segment
      else if (reason.kind === 'similar-customers') {
        out.reasonA[p] = reason.buyers
        out.reasonB[p] = reason.neighbours
      }
    }
  }
  return out
}

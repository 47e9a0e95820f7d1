import { describe, expect, it } from 'vitest'
import {
  buildInteractions,
  fitScorer,
  recommendForUsers,
  trainingTieRank,
  type FitOptions,
  type Interactions,
  type RecMethod,
} from '../../../src/main/engine/recommend'
import { fitOptionsOf } from '../../../src/main/jobs/tasks/recommend'
import { recommendSettingsSchema, type RecommendSettings } from '../../../src/shared/domain/recommend'

/** Six customers, six items; the texts pull toward other items than the baskets do, so the two methods disagree. */
const shop = buildInteractions({
  user: ['a', 'a', 'b', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e', 'f', 'f', 'f'],
  item: ['1', '2', '1', '2', '3', '2', '3', '4', '5', '5', '6', '1', '4', '6'],
})
const texts = ['red heart lantern', 'blue mug', 'green tea towel', 'red heart candle', 'blue tea cup', 'green mug']

const settings = (blendWeight: number): RecommendSettings =>
  recommendSettingsSchema.parse({
    datasetId: 1,
    customer: 'CustomerID',
    item: 'StockCode',
    value: null,
    date: null,
    split: 'random',
    catalogue: { datasetId: 1, item: 'StockCode', text: ['Description'], category: null },
    method: 'blend',
    top: 3,
    seed: 0,
    blendWeight,
  })

async function lists(method: RecMethod, data: Interactions, options: FitOptions) {
  const scorer = await fitScorer(method, data, options)
  const out = await recommendForUsers(scorer, data.x, { top: 3, tieRank: trainingTieRank(data.x) })
  return out.map((l) => ({ items: Array.from(l.items), reasons: l.reasons }))
}

describe('the blend weight, from the settings to the engine', () => {
  it('at 0% descriptions gives the bought-together lists, at 100% the similar-descriptions lists', async () => {
    const cf = await lists('item-knn', shop, { itemText: texts })
    const content = await lists('content', shop, { itemText: texts })
    expect(cf.map((l) => l.items)).not.toEqual(content.map((l) => l.items))
    expect(await lists('blend', shop, fitOptionsOf(settings(0), texts))).toEqual(cf)
    expect(await lists('blend', shop, fitOptionsOf(settings(1), texts))).toEqual(content)
  })

  it('in between, mixes the two (a weight that changes nothing would not be reaching the engine)', async () => {
    const half = await lists('blend', shop, fitOptionsOf(settings(0.5), texts))
    const ends = [await lists('blend', shop, fitOptionsOf(settings(0), texts))]
    ends.push(await lists('blend', shop, fitOptionsOf(settings(1), texts)))
    expect(half.map((l) => l.items)).not.toEqual(ends[0].map((l) => l.items))
    expect(half.map((l) => l.items)).not.toEqual(ends[1].map((l) => l.items))
  })

  it('is stored with the settings, 30% for settings saved before the slider, and refused outside 0–1', () => {
    expect(settings(0.8).blendWeight).toBe(0.8)
    const { blendWeight: _, ...old } = settings(0.8)
    expect(recommendSettingsSchema.parse(old).blendWeight).toBe(0.3)
    expect(recommendSettingsSchema.safeParse({ ...old, blendWeight: 1.5 }).success).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import {
  buildIdIndex,
  buildInteractions,
  common,
  fitTfidf,
  itemNeighbourLists,
  sharedWords,
  withoutSensitive,
} from '../../../src/main/engine/recommend'
import type { ItemNeighbourLists } from '../../../src/shared/domain/recommend'

/**
 * Four customers, items 1–4 bought, item 5 in the catalogue only (a new item). Worked by hand:
 * buyers 1 = {a, b, c}, 2 = {a, b}, 3 = {c, d}, 4 = {d}: items 1 and 2 share a and b; 1 and 3 share c; 3 and 4 share d.
 */
const items = buildIdIndex(['1', '2', '3', '4', '5'])
const shop = buildInteractions(
  { user: ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'], item: ['1', '2', '1', '2', '1', '3', '3', '4'] },
  { items },
)
const texts = [
  'white hanging heart t-light holder',
  'red retrospot mug',
  'white heart lantern of glass',
  'red mug',
  'hanging heart holder in white',
]
const tfidf = fitTfidf(texts)

function listOf(lists: ItemNeighbourLists, item: number, kind: 0 | 1) {
  const out: { other: string; together: number; words: string | null }[] = []
  for (let p = 0; p < lists.item.length; p++) {
    if (lists.item[p] !== item || lists.kind[p] !== kind) continue
    out.push({ other: items.ids[lists.other[p]], together: lists.together[p], words: lists.words[p] })
  }
  return out
}

describe('items like this one', () => {
  it('lists neighbours bought together with the number of customers who bought both', async () => {
    const lists = await itemNeighbourLists(shop, null, { k: 3 })
    expect(listOf(lists, 0, 1).map((n) => [n.other, n.together])).toEqual(
      expect.arrayContaining([
        ['2', 2],
        ['3', 1],
      ]),
    )
    expect(listOf(lists, 0, 1)[0]).toMatchObject({ other: '2', together: 2, words: null })
    expect(listOf(lists, 3, 1)).toEqual([{ other: '3', together: 1, words: null }])
    // Without descriptions there are no description neighbours; an item nobody bought has no bought-together ones.
    expect(Array.from(lists.kind).every((k) => k === 1)).toBe(true)
    expect(listOf(lists, 4, 1)).toEqual([])
  })

  it('reaches a new item through its description, naming the words the two share (stop words left out)', async () => {
    const lists = await itemNeighbourLists(shop, tfidf, { k: 2 })
    const first = listOf(lists, 0, 0)[0]
    expect(first.other).toBe('5')
    expect(first.words!.split(', ').sort()).toEqual(['hanging', 'heart', 'holder'])
    expect(listOf(lists, 4, 0)[0].other).toBe('1')
    expect(sharedWords(tfidf, 2, 4)).not.toMatch(/\bof\b|\bin\b/)
    expect(sharedWords(tfidf, 1, 0)).toBeNull()
    expect(common(shop.xt, 0, 1)).toBe(2)
  })

  it('never lists a sensitive item, nor gives it neighbours', async () => {
    const mask = Uint8Array.of(0, 0, 0, 0, 1)
    const lists = await itemNeighbourLists(withoutSensitive(shop, mask), tfidf, { k: 3, excluded: mask })
    expect(Array.from(lists.item)).not.toContain(4)
    expect(Array.from(lists.other)).not.toContain(4)
    expect(listOf(lists, 0, 0)[0].other).toBe('3')
  })

  it('ranks each list from 0, best first, and checks its inputs', async () => {
    const lists = await itemNeighbourLists(shop, tfidf, { k: 3 })
    for (let p = 1; p < lists.item.length; p++) {
      if (lists.item[p] === lists.item[p - 1] && lists.kind[p] === lists.kind[p - 1]) {
        expect(lists.rank[p]).toBe(lists.rank[p - 1] + 1)
        expect(lists.sim[p]).toBeLessThanOrEqual(lists.sim[p - 1])
      } else expect(lists.rank[p]).toBe(0)
    }
    await expect(itemNeighbourLists(shop, tfidf, { k: 0 })).rejects.toThrow(/got 0/)
    await expect(itemNeighbourLists(shop, fitTfidf(texts.slice(1)))).rejects.toThrow(/cover 4 items; .* have 5/)
  })
})

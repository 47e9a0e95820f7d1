/**
 * Automatic takes the quality check's advice on strongly skewed features (issue 12): which features are transformed
 * and how, that the run records it, and that centres stay in the features' own units.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Frame } from '../../../src/main/engine/frame'
import { methodFor, transformSkewed } from '../../../src/main/engine/segmentation/skewTransforms'
import { prepareFeatures } from '../../../src/main/engine/segmentation/prepareFeatures'
import { centresInOriginalUnits } from '../../../src/main/engine/segmentation/originalCentres'
import { transformNote } from '../../../src/main/engine/segmentation/transformNote'
import { fitSegmentation } from '../../../src/main/engine/segmentation/fitSegmentation'
import { unscaleCenters } from '../../../src/main/engine/cluster/unscale'
import { moments } from '../../../src/main/engine/profile/moments'
import { STRONG_SKEW } from '../../../src/main/engine/profile/describeQuality'
import { fitYeoJohnson, yeoJohnson } from '../../../src/main/engine/prep/powerTransform'

const num = (name: string, values: number[]) => ({ name, kind: 'number' as const, values: Float64Array.from(values) })
const frameOf = (...columns: ReturnType<typeof num>[]): Frame => ({ rowCount: columns[0].values.length, columns })

// Right-skewed amounts (skewness well above 1), the same with negatives, a long left tail, a mild column, a 0/1 flag.
const spend = [1, 2, 2, 3, 3, 3, 4, 5, 8, 13, 40, 120]
const balance = spend.map((v) => v - 10)
const leftTail = spend.map((v) => -v)
const mild = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]
const flag = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]

describe('which features Automatic transforms', () => {
  it('follows the quality check: strong skew only; log for non-negative amounts, Yeo-Johnson otherwise', () => {
    const frame = frameOf(num('spend', spend), num('balance', balance), num('left', leftTail), num('mild', mild))
    expect(moments(Float64Array.from(spend)).skewness).toBeGreaterThan(STRONG_SKEW)
    expect(Math.abs(moments(Float64Array.from(mild)).skewness)).toBeLessThan(STRONG_SKEW)
    expect(['spend', 'balance', 'left', 'mild'].map((f) => methodFor(frame, f))).toEqual([
      'log1p',
      'yeoJohnson',
      'yeoJohnson',
      null,
    ])
  })

  it('leaves a yes/no flag alone however skewed: a transform cannot change its shape', () => {
    expect(moments(Float64Array.from(flag)).skewness).toBeGreaterThan(STRONG_SKEW)
    expect(methodFor(frameOf(num('flag', flag)), 'flag')).toBeNull()
  })

  it('records what it did, with the skew before and after, and transforms with the prep engine', () => {
    const frame = frameOf(num('spend', spend), num('balance', balance), num('mild', mild))
    const { frame: out, transforms } = transformSkewed(frame, ['spend', 'balance', 'mild'])
    expect(transforms.map((t) => [t.feature, t.method])).toEqual([
      ['spend', 'log1p'],
      ['balance', 'yeoJohnson'],
    ])
    const lambda = fitYeoJohnson(Float64Array.from(balance))
    expect(transforms[0].lambda).toBeNull()
    expect(transforms[1].lambda).toBe(lambda)
    for (const t of transforms) expect(Math.abs(t.skewAfter)).toBeLessThan(Math.abs(t.skewBefore))
    expect(Array.from(out.columns[0].values as Float64Array)).toEqual(spend.map(Math.log1p))
    expect(Array.from(out.columns[1].values as Float64Array)).toEqual(balance.map((v) => yeoJohnson(v, lambda)))
    expect(out.columns[2]).toBe(frame.columns[2])
  })
})

describe('prepareFeatures with a transform', () => {
  it("with 'none' (the CLI's default) gives exactly the space it always gave", () => {
    const frame = frameOf(num('spend', spend), num('mild', mild))
    const plain = prepareFeatures(frame, ['spend', 'mild'], 'standard')
    expect(plain.transforms).toEqual([])
    expect(plain.original).toBeNull()
    expect(prepareFeatures(frame, ['spend', 'mild'], 'standard', 'none')).toEqual(plain)
  })

  it("with 'auto' transforms then scales, and keeps the original values for the centres", () => {
    const frame = frameOf(num('spend', spend), num('mild', mild))
    const space = prepareFeatures(frame, ['spend', 'mild'], 'standard', 'auto')
    expect(space.transforms.map((t) => t.feature)).toEqual(['spend'])
    const logs = Float64Array.from(spend.map(Math.log1p))
    const { mean, populationStd } = moments(logs)
    expect(space.x.data[0]).toBeCloseTo((logs[0] - mean) / populationStd, 12)
    expect(Array.from(space.original!.data.filter((_, i) => i % 2 === 0))).toEqual(spend)
  })

  it('centres in original units are the mean of each segment’s original values', async () => {
    const frame = frameOf(num('spend', spend), num('mild', mild))
    const space = prepareFeatures(frame, ['spend', 'mild'], 'standard', 'auto')
    const fit = await fitSegmentation(space.x, {
      method: 'kmeans',
      k: 2,
      nInit: 3,
      maxIter: 100,
      seed: 0,
      sampleSize: null,
    })
    const centres = centresInOriginalUnits(space, fit.centers, fit.labels)
    for (let c = 0; c < 2; c++) {
      const rows = spend.map((_, i) => i).filter((i) => fit.labels[i] === c)
      expect(centres.data[c * 2]).toBeCloseTo(rows.reduce((s, i) => s + spend[i], 0) / rows.length, 10)
      expect(centres.data[c * 2 + 1]).toBeCloseTo(rows.reduce((s, i) => s + mild[i], 0) / rows.length, 10)
    }
    // Without transforms the fitted centres are unscaled, as before.
    const plain = prepareFeatures(frame, ['spend', 'mild'], 'standard')
    const plainFit = await fitSegmentation(plain.x, {
      method: 'kmeans',
      k: 2,
      nInit: 3,
      maxIter: 100,
      seed: 0,
      sampleSize: null,
    })
    expect(centresInOriginalUnits(plain, plainFit.centers, plainFit.labels)).toEqual(
      unscaleCenters(plainFit.centers, plain.centre, plain.scale),
    )
  })

  it('on the bundled wholesale sample evens out every spend column with a log', () => {
    const lines = readFileSync('resources/sample/wholesale-customers.csv', 'utf8').trim().split(/\r?\n/)
    const head = lines[0].split(',')
    const spendColumns = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']
    const frame: Frame = {
      rowCount: lines.length - 1,
      columns: spendColumns.map((name) =>
        num(
          name,
          lines.slice(1).map((l) => Number(l.split(',')[head.indexOf(name)])),
        ),
      ),
    }
    const space = prepareFeatures(frame, spendColumns, 'standard', 'auto')
    expect(space.transforms.map((t) => [t.feature, t.method])).toEqual(spendColumns.map((f) => [f, 'log1p']))
    for (const t of space.transforms) expect(Math.abs(t.skewAfter)).toBeLessThan(STRONG_SKEW * 1.6)
  })
})

describe('transformNote', () => {
  it('names the features and the transform, in the quality check’s words', () => {
    expect(
      transformNote([
        { feature: 'Fresh', method: 'log1p', lambda: null, skewBefore: 2.6, skewAfter: -1.6 },
        { feature: 'Milk', method: 'log1p', lambda: null, skewBefore: 4, skewAfter: -0.2 },
        { feature: 'balance', method: 'yeoJohnson', lambda: 0.4, skewBefore: 6.6, skewAfter: 1.6 },
      ]),
    ).toBe(
      'As the quality check advises, strongly skewed features (a few customers far above or below the rest) were ' +
        'evened out before finding segments: Fresh and Milk on a log scale; balance by a Yeo-Johnson transform. ' +
        'Segment averages are in the original units.',
    )
  })
})

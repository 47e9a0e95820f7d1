/** Seeded benchmark data: Gaussian blobs, optionally on shared memory, and a minimal .npy writer for NumPy. */
import { writeFileSync } from 'node:fs'
import type { Matrix } from '../../src/main/engine/matrix'
import { createRng } from '../../src/main/engine/random'

/**
 * n rows around k centres drawn uniformly in [-10, 10]^d, unit spread (scikit-learn's make_blobs defaults), labels
 * attached. `shared` puts the data on a SharedArrayBuffer so a worker pool reads it without a copy.
 */
export function benchBlobs(
  n: number,
  d: number,
  k: number,
  seed: number,
  shared = false,
): { x: Matrix; labels: Int32Array } {
  const rng = createRng(seed)
  const centers = new Float64Array(k * d)
  for (let i = 0; i < centers.length; i++) centers[i] = 20 * rng.nextFloat() - 10
  const data = shared ? new Float64Array(new SharedArrayBuffer(n * d * 8)) : new Float64Array(n * d)
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const j = rng.nextInt(k)
    labels[i] = j
    for (let t = 0; t < d; t++) data[i * d + t] = centers[j * d + t] + rng.nextNormal()
  }
  return { x: { data, rows: n, cols: d }, labels }
}

/** k distinct rows chosen by `seed`: the common starting centres for our fit and scikit-learn's. */
export function pickRows(x: Matrix, k: number, seed: number): Matrix {
  const rng = createRng(seed)
  const picked = new Set<number>()
  while (picked.size < k) picked.add(rng.nextInt(x.rows))
  const data = new Float64Array(k * x.cols)
  ;[...picked].forEach((r, j) => data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), j * x.cols))
  return { data, rows: k, cols: x.cols }
}

/** NumPy .npy v1.0, little-endian float64, C order. */
export function writeNpy(path: string, m: Matrix): void {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${m.rows}, ${m.cols}), }`
  // Magic (6) + version (2) + header length (2) + header + '\n' must be a multiple of 64.
  const pad = 64 - ((10 + header.length + 1) % 64)
  header += ' '.repeat(pad % 64) + '\n'
  const head = Buffer.alloc(10)
  head.write('\x93NUMPY', 0, 'latin1')
  head[6] = 1
  head[7] = 0
  head.writeUInt16LE(header.length, 8)
  const body = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength)
  writeFileSync(path, Buffer.concat([head, Buffer.from(header, 'latin1'), body]))
}

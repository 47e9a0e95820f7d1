/**
 * The WebAssembly k-means kernels (`wasm/kmeansKernels.wat`): the workspace they need, and the call into them.
 *
 * The kernels give the same bytes as the JavaScript ones in `kmeansKernels.ts` and run the full and Hamerly
 * assignment steps several times faster (measured by `npm run bench`). They read and write the workspace in their own
 * memory, so a fit copies its input there once. That memory is always shared: worker threads instantiate the same
 * module over it, and a fit on one thread is no different.
 *
 * When WebAssembly is unavailable, or the workspace would not fit in its 4 GiB of addresses, the caller falls back
 * to the JavaScript kernels.
 */
import { KMEANS_KERNELS_WASM_BASE64 } from './wasm/kmeansKernelsWasm'
import { createKMeansWorkspace, paddedK, workspaceArrays } from './kmeansWorkspace'
import type { ArrayAllocator, KMeansWorkspace, WorkspaceShape } from './kmeansWorkspace'

export interface KMeansWasmKernels {
  assignFull(header: number, c0: number, c1: number, bounds: number, trace: number): void
  assignHamerly(header: number, c0: number, c1: number, trace: number): void
  inertia(header: number, c0: number, c1: number): void
}

const PAGE = 65536
/** One page short of 4 GiB, so that no end-of-row address the kernels compute wraps around to 0. */
const MAX_PAGES = 65535
/** Header: 19 int32 fields (offsets and sizes, see the .wat), padded to keep the arrays after it 16-byte aligned. */
const HEADER_BYTES = 80
const ALIGN = 16

let compiled: WebAssembly.Module | null | undefined

/** The compiled module, once per thread; null when this runtime cannot compile it (no WebAssembly or no SIMD). */
function kernelsModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const text = atob(KMEANS_KERNELS_WASM_BASE64)
      const bytes = new Uint8Array(text.length)
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
      compiled = new WebAssembly.Module(bytes)
    } catch {
      compiled = null
    }
  }
  return compiled
}

const instances = new WeakMap<WebAssembly.Memory, KMeansWasmKernels>()

/** The kernels over `ws`'s memory, instantiated once per memory and thread. */
export function wasmKernelsFor(ws: KMeansWorkspace): KMeansWasmKernels {
  const memory = ws.memory
  if (!memory) throw new Error('This k-means workspace is not in WebAssembly memory.')
  let kernels = instances.get(memory)
  if (!kernels) {
    const module = kernelsModule()
    if (!module) throw new Error('The WebAssembly k-means kernels cannot run in this runtime.')
    kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KMeansWasmKernels
    instances.set(memory, kernels)
  }
  return kernels
}

/** Bump allocation of 16-byte-aligned typed arrays from `start` in `buffer` (or just counting, without one). */
function bumpAllocator(buffer: ArrayBufferLike | null, start: number): ArrayAllocator & { end(): number } {
  let offset = start
  const take = (bytes: number): number => {
    const at = offset
    offset += Math.ceil(bytes / ALIGN) * ALIGN
    return at
  }
  return {
    float64: (length) => {
      const at = take(length * 8)
      return buffer ? new Float64Array(buffer, at, length) : new Float64Array(0)
    },
    int32: (length) => {
      const at = take(length * 4)
      return buffer ? new Int32Array(buffer, at, length) : new Int32Array(0)
    },
    end: () => offset,
  }
}

/**
 * A workspace for the WebAssembly kernels, with a copy of `x` in its memory; null when they cannot be used here.
 * The layout is measured with a counting pass of the same allocation sequence, then allocated for real.
 */
export function createWasmKMeansWorkspace(x: Float64Array, shape: WorkspaceShape): KMeansWorkspace | null {
  const module = kernelsModule()
  if (!module) return null
  const counting = bumpAllocator(null, HEADER_BYTES)
  counting.float64(x.length)
  workspaceArrays(new Float64Array(0), shape, counting, true)
  const pages = Math.ceil(counting.end() / PAGE)
  if (pages > MAX_PAGES) return null

  const reused = spare !== null && spare.buffer.byteLength >= pages * PAGE ? spare : null
  // Taken, or too small: either way the spare is let go before anything new is allocated.
  spare = null
  let memory: WebAssembly.Memory
  if (reused) {
    memory = reused
  } else {
    // A little room to spare, so that the next fits of a k sweep (slightly larger per-cluster sums) can reuse it.
    const size = Math.min(MAX_PAGES, pages + Math.ceil(pages / 64))
    try {
      memory = new WebAssembly.Memory({ initial: size, maximum: size, shared: true })
    } catch {
      return null // the address space or the machine refused this much memory at once
    }
  }
  const arena = bumpAllocator(memory.buffer, HEADER_BYTES)
  const input = arena.float64(x.length)
  input.set(x)
  // A reused memory still holds the last fit's state: start from zeros, as in fresh memory.
  if (reused) new Uint8Array(memory.buffer, arena.end(), counting.end() - arena.end()).fill(0)
  const ws = createKMeansWorkspace(input, shape, arena, { memory, header: 0 })
  writeHeader(ws)
  return ws
}

/**
 * The memory of the last finished fit on this thread, kept for the next one: fresh memory costs a page fault per 4 kB
 * on first touch — for 100,000 × 8 inputs, more than the assignment step itself. One is kept, so a thread holds at
 * most one idle workspace.
 */
let spare: WebAssembly.Memory | null = null

/** `ws` is no longer used: its memory may serve the next workspace created on this thread. */
export function releaseWasmWorkspace(ws: KMeansWorkspace): void {
  if (ws.memory && (!spare || spare.buffer.byteLength <= ws.memory.buffer.byteLength)) spare = ws.memory
}

function writeHeader(ws: KMeansWorkspace): void {
  const h = new Int32Array(ws.memory!.buffer, ws.header, HEADER_BYTES / 4)
  const at = (a: Float64Array | Int32Array): number => a.byteOffset
  h.set([
    ws.n,
    ws.d,
    ws.k,
    paddedK(ws.k),
    ws.chunkRows,
    at(ws.x),
    at(ws.centers),
    at(ws.centersT),
    at(ws.shift),
    at(ws.half),
    at(ws.shiftStats),
    at(ws.labels),
    at(ws.upper),
    at(ws.lower),
    at(ws.chunkSums),
    at(ws.chunkCounts),
    at(ws.chunkChanged),
    at(ws.chunkInertia),
    at(ws.pending),
  ])
}

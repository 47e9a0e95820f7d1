/** Typed arrays on SharedArrayBuffers, so worker threads see the same memory without copying. */
import type { ArrayAllocator } from '../../engine/cluster/kmeansWorkspace'

export const sharedAllocator: ArrayAllocator = {
  float64: (length) => new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT)),
  int32: (length) => new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT)),
}

export function isShared(a: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer
}

/** `a` itself if it already lives in shared memory, else a shared copy (one O(n) copy per fit). */
export function toSharedFloat64(a: Float64Array): Float64Array {
  if (isShared(a)) return a
  const out = sharedAllocator.float64(a.length)
  out.set(a)
  return out
}

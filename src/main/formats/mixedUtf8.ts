import iconv from 'iconv-lite'

/**
 * Files that mix UTF-8 with Windows-1252 — two exports pasted together, a UTF-8 file edited by an old Windows tool.
 * Read wholly as either, half their accents are garbled ("José" → "JosÃ©", or "Jos�"). Here each byte sequence
 * that is valid UTF-8 is read as UTF-8 and every other byte as Windows-1252, which restores both halves: a run of
 * Windows-1252 accents is almost never valid UTF-8 by accident (an accented capital followed by a symbol such as
 * "É°"). The decoder says where it first fell back, so the reader can name the line.
 */

/** The encoding name the detector gives such files; `createDecoder` knows it, iconv-lite does not. */
export const mixedUtf8 = 'utf-8+windows-1252'

/** Windows-1252 characters for bytes 0x80–0xFF (the five bytes it leaves undefined map to C1 controls). */
const cp1252High = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i)), 'windows-1252')

export interface MixedDecoder {
  write(bytes: Uint8Array): string
  end(): string
  /** Offset in the text the last `write`/`end` returned of its first Windows-1252 character, or -1. */
  readonly firstFallback: number
  /** Bytes read as Windows-1252 so far. */
  readonly fallbacks: number
}

export function createMixedDecoder(): MixedDecoder {
  const strict = new TextDecoder('utf-8', { fatal: true })
  let carry: Uint8Array = new Uint8Array(0)
  let started = false
  let firstFallback = -1
  let fallbacks = 0

  const decode = (bytes: Uint8Array, last: boolean): string => {
    firstFallback = -1
    const all = carry.length === 0 ? bytes : concat(carry, bytes)
    // Keep an unfinished sequence at the end for the next chunk.
    const cut = last ? all.length : all.length - unfinishedTail(all)
    carry = all.slice(cut)
    let text: string
    try {
      text = strict.decode(all.subarray(0, cut))
    } catch {
      text = slowDecode(all.subarray(0, cut))
    }
    if (!started && text.length > 0) {
      started = true
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.substring(1)
        if (firstFallback > 0) firstFallback--
      }
    }
    return text
  }

  const slowDecode = (b: Uint8Array): string => {
    const parts: string[] = []
    let i = 0
    let runStart = 0
    let length = 0
    const flush = (to: number) => {
      if (to > runStart) {
        const s = new TextDecoder('utf-8').decode(b.subarray(runStart, to))
        parts.push(s)
        length += s.length
      }
    }
    while (i < b.length) {
      const n = sequenceLength(b, i)
      if (n > 0) {
        i += n
        continue
      }
      flush(i)
      if (firstFallback < 0) firstFallback = length
      fallbacks++
      parts.push(cp1252High[b[i] - 0x80])
      length++
      i++
      runStart = i
    }
    flush(i)
    return parts.join('')
  }

  return {
    write: (bytes) => decode(bytes, false),
    end: () => decode(new Uint8Array(0), true),
    get firstFallback() {
      return firstFallback
    },
    get fallbacks() {
      return fallbacks
    },
  }
}

/**
 * The length of the valid UTF-8 sequence starting at `i` (1 for ASCII), or 0 when the byte there does not start one
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
export function sequenceLength(b: Uint8Array, i: number): number {
  const x = b[i]
  if (x < 0x80) return 1
  let n: number
  let lo = 0x80
  let hi = 0xbf
  if (x >= 0xc2 && x <= 0xdf) n = 2
  else if (x >= 0xe0 && x <= 0xef) {
    n = 3
    if (x === 0xe0) lo = 0xa0
    if (x === 0xed) hi = 0x9f
  } else if (x >= 0xf0 && x <= 0xf4) {
    n = 4
    if (x === 0xf0) lo = 0x90
    if (x === 0xf4) hi = 0x8f
  } else return 0
  if (i + n > b.length) return 0
  if (b[i + 1] < lo || b[i + 1] > hi) return 0
  for (let k = 2; k < n; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return 0
  return n
}

/** How many bytes at the end start a UTF-8 sequence that the next chunk may complete. */
function unfinishedTail(b: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const x = b[b.length - back]
    if (x >= 0x80 && x < 0xc0) continue // continuation byte: look further back
    if (x < 0xc2 || x > 0xf4) return 0
    const n = x <= 0xdf ? 2 : x <= 0xef ? 3 : 4
    return n > back ? back : 0
  }
  return 0
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/**
 * Whether bytes that are not valid UTF-8 also hold UTF-8 accents — a mixed file rather than a Windows-1252 one. Only
 * sequences that decode to Latin letters with accents or to typographic punctuation count, the characters
 * Western text has; what Windows-1252 text forms by accident decodes to rarer characters.
 */
export function hasUtf8Accents(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    if (b[i] < 0x80) continue
    const n = sequenceLength(b, i)
    if (n < 2) continue
    const cp = new TextDecoder().decode(b.subarray(i, i + n)).codePointAt(0)!
    if ((cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x2013 && cp <= 0x201e) || cp === 0x20ac)
      return true
    i += n - 1
  }
  return false
}

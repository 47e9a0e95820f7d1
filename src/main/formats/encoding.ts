import chardet from 'chardet'
import iconv from 'iconv-lite'
import { createMixedDecoder, hasUtf8Accents, mixedUtf8 } from './mixedUtf8'
import type { EncodingGuess } from './types'

/**
 * Text encoding detection for files business users export: UTF-8 (with or without BOM), UTF-16 from Excel's
 * "Unicode text", and Windows-1252 from older Windows tools. Checks go from certain to probable: a byte-order mark is
 * proof; valid UTF-8 with non-ASCII bytes is near proof (random Latin-1 text is almost never valid UTF-8); only
 * then do we ask chardet, and among single-byte guesses we keep Western ones, because a wrong Central-European
 * guess silently garbles accents while Windows-1252 is right for almost every Western spreadsheet.
 */

export type ByteVerdict =
  { kind: 'text'; encoding: EncodingGuess } | { kind: 'binary'; reason: string } | { kind: 'empty' }

/** Western single-byte encodings chardet may name, mapped to the one we decode with. */
const westernSingleByte: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-15': 'windows-1252',
  'windows-1252': 'windows-1252',
}

/** Multi-byte encodings we trust chardet on when it is confident (they rarely happen by accident). */
const trustedMultiByte = new Set(['Shift_JIS', 'EUC-JP', 'GB18030', 'Big5', 'EUC-KR'])

/**
 * Judges the bytes of a file: `samples[0]` must be the start of the file; further samples (from the middle and the
 * end) help catch a Latin-1 character that first appears deep in the file.
 */
export function detectEncoding(samples: readonly Uint8Array[]): ByteVerdict {
  const head = samples[0]
  if (head.length === 0) return { kind: 'empty' }

  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return onlyBom(head, 3) ? { kind: 'empty' } : text('utf-8', true, 'The file starts with a UTF-8 byte-order mark.')
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) {
    return onlyBom(head, 2)
      ? { kind: 'empty' }
      : text('utf-16le', true, 'The file starts with a UTF-16 (little-endian) byte-order mark.')
  }
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) {
    return onlyBom(head, 2)
      ? { kind: 'empty' }
      : text('utf-16be', true, 'The file starts with a UTF-16 (big-endian) byte-order mark.')
  }

  const utf16 = utf16WithoutBom(head)
  if (utf16)
    return text(utf16, false, 'Every other byte is zero, the pattern of UTF-16 text without a byte-order mark.')

  for (const sample of samples) {
    const binary = binaryReason(sample)
    if (binary) return { kind: 'binary', reason: binary }
  }

  let nonAscii = false
  let validUtf8 = true
  for (let i = 0; i < samples.length; i++) {
    const sample = i === 0 ? samples[i] : skipContinuationBytes(samples[i])
    if (!nonAscii && hasNonAscii(sample)) nonAscii = true
    if (!isValidUtf8Prefix(sample)) validUtf8 = false
  }
  if (!nonAscii) return text('utf-8', false, 'The file contains only plain ASCII characters, read as UTF-8.')
  if (validUtf8) return text('utf-8', false, 'Accented or special characters are encoded as valid UTF-8.')

  const joined = concat(samples)
  if (hasUtf8Accents(joined))
    return text(
      mixedUtf8,
      false,
      'The file mixes two encodings: some accented characters are UTF-8 and others Windows-1252 (as when two exports are joined). Each is read in its own encoding, and the first line that is not UTF-8 is reported.',
    )
  const candidates = chardet.analyse(joined)
  for (const { name, confidence } of candidates) {
    const western = westernSingleByte[name]
    if (western)
      return text(
        western,
        false,
        `The text is not UTF-8; its accented characters fit Windows-1252 (Western European), as detected from the byte patterns.`,
      )
    if (trustedMultiByte.has(name) && confidence >= 80 && iconv.encodingExists(name)) {
      return text(name, false, `The text is not UTF-8; its byte patterns match ${name} (${confidence}% confidence).`)
    }
  }
  return text(
    'windows-1252',
    false,
    'The text is not UTF-8, so it is read as Windows-1252 (Western European), the usual encoding of older Windows exports.',
  )
}

function text(name: string, bom: boolean, reason: string): ByteVerdict {
  return { kind: 'text', encoding: { name, bom, reason } }
}

function onlyBom(bytes: Uint8Array, bomLength: number): boolean {
  return bytes.length === bomLength
}

/** UTF-16 without BOM shows as zero bytes at every odd (LE) or even (BE) position for Latin text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 8) return null
  let zeroEven = 0
  let zeroOdd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++
    if (bytes[i + 1] === 0) zeroOdd++
  }
  const pairs = n / 2
  if (zeroOdd > 0.7 * pairs && zeroEven < 0.05 * pairs) return 'utf-16le'
  if (zeroEven > 0.7 * pairs && zeroOdd < 0.05 * pairs) return 'utf-16be'
  return null
}

/**
 * Text never contains NUL bytes (outside UTF-16, handled before) and rarely C0 control characters other than tab,
 * CR, LF and form feed; more than 1 in 50 means an image, a PDF, a database or a compressed file.
 */
function binaryReason(bytes: Uint8Array): string | null {
  let controls = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0) return `it contains a zero byte at offset ${i}, which never occurs in text`
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++
  }
  if (controls > bytes.length / 50) return `${controls} of its first ${bytes.length} bytes are control characters`
  return null
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true
  return false
}

/** A sample cut from the middle of a file may start inside a multi-byte UTF-8 character. */
function skipContinuationBytes(bytes: Uint8Array): Uint8Array {
  let i = 0
  while (i < 3 && i < bytes.length && (bytes[i] & 0xc0) === 0x80) i++
  return bytes.subarray(i)
}

/** Valid UTF-8, allowing the sample to end in the middle of a character. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    decoder.decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

function concat(samples: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(samples.reduce((n, s) => n + s.length, 0))
  let at = 0
  for (const s of samples) {
    out.set(s, at)
    at += s.length
  }
  return out
}

/** A streaming decoder that drops the byte-order mark; `write` returns the text decoded so far. */
export interface TextDecoderStream {
  write(bytes: Uint8Array): string
  end(): string
}

/** Whether `createDecoder` can read text in `encoding`. */
export function canDecode(encoding: string): boolean {
  return encoding.toLowerCase() === mixedUtf8 || iconv.encodingExists(encoding)
}

export function createDecoder(encoding: string): TextDecoderStream {
  if (encoding.toLowerCase() === mixedUtf8) return createMixedDecoder()
  const decoder = iconv.getDecoder(encoding, { stripBOM: true })
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  }
}

export function decodeAll(bytes: Uint8Array, encoding: string): string {
  const d = createDecoder(encoding)
  return d.write(bytes) + d.end()
}

import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { createDecoder, decodeAll, detectEncoding } from '../../../src/main/formats/encoding'
import { createMixedDecoder, mixedUtf8, sequenceLength } from '../../../src/main/formats/mixedUtf8'

const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding))
const name = (samples: Uint8Array[]) => {
  const v = detectEncoding(samples)
  return v.kind === 'text' ? v.encoding.name : v.kind
}

describe('detectEncoding', () => {
  const accented = 'Kunde;Stadt\nMüller;München\nCafé;Zürich\nŒuvre;Besançon\n'

  it('trusts byte-order marks', () => {
    expect(name([bytes('\ufeffa,b\n', 'utf-8')])).toBe('utf-8')
    expect(name([bytes('\ufeffa,b\n', 'utf-16le')])).toBe('utf-16le')
    expect(name([bytes('\ufeffa,b\n', 'utf-16be')])).toBe('utf-16be')
  })

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(name([bytes('name,value\nana,1\n', 'utf-16le')])).toBe('utf-16le')
    expect(name([bytes('name,value\nana,1\n', 'utf-16be')])).toBe('utf-16be')
  })

  it('calls plain ASCII and valid UTF-8 UTF-8', () => {
    expect(name([bytes('a,b\n1,2\n', 'utf-8')])).toBe('utf-8')
    expect(name([bytes(accented, 'utf-8')])).toBe('utf-8')
  })

  it('reads accented text that is not UTF-8 as Windows-1252', () => {
    const v = detectEncoding([bytes(accented, 'windows-1252')])
    expect(v.kind === 'text' && v.encoding.name).toBe('windows-1252')
    expect(decodeAll(bytes(accented, 'windows-1252'), 'windows-1252')).toBe(accented)
  })

  it('catches a Latin-1 byte that appears only in a later sample', () => {
    const head = bytes('name\n' + 'plain ascii\n'.repeat(100), 'utf-8')
    const later = bytes('café\n', 'windows-1252')
    expect(name([head])).toBe('utf-8')
    expect(name([head, later])).toBe('windows-1252')
  })

  it('tolerates a sample cut inside a UTF-8 character', () => {
    const b = bytes('naïve ünïcödé', 'utf-8')
    expect(name([b.subarray(0, 3)])).toBe('utf-8')
    expect(name([b, b.subarray(3)])).toBe('utf-8') // a middle sample starting on a continuation byte
  })

  it('calls files with NUL or many control bytes binary, and empty ones empty', () => {
    expect(detectEncoding([Uint8Array.from([0x25, 0x50, 0x00, 0x41, 0x42])]).kind).toBe('binary')
    expect(detectEncoding([Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))]).kind).toBe(
      'binary',
    )
    expect(detectEncoding([new Uint8Array(0)]).kind).toBe('empty')
    expect(detectEncoding([Uint8Array.from([0xef, 0xbb, 0xbf])]).kind).toBe('empty')
  })
})

describe('createDecoder', () => {
  it('decodes across chunk boundaries and drops the BOM', () => {
    const b = bytes('\ufeffZoë;Ærø\n', 'utf-16le')
    for (let cut = 0; cut <= b.length; cut++) {
      const d = createDecoder('utf-16le')
      expect(d.write(b.subarray(0, cut)) + d.write(b.subarray(cut)) + d.end()).toBe('Zoë;Ærø\n')
    }
  })
})

describe('files that mix UTF-8 and Windows-1252', () => {
  const utf8 = bytes('name\nJosé\nZoë\n', 'utf-8')
  const cp1252 = bytes('François\nMüller\n', 'windows-1252')
  const joined = Buffer.concat([utf8, cp1252])

  it('are detected as mixed, not as Windows-1252', () => {
    expect(name([joined])).toBe(mixedUtf8)
    // …also when the two halves are only seen in different samples.
    expect(name([utf8, cp1252])).toBe(mixedUtf8)
    // Windows-1252 text alone stays Windows-1252, even with an accented capital before a symbol ("É°").
    expect(name([bytes('Café,Zoë,Ægir,É°,50°\n', 'windows-1252')])).toBe('windows-1252')
  })

  it('decode each character in its own encoding, wherever chunks are cut', () => {
    const whole = 'name\nJosé\nZoë\nFrançois\nMüller\n'
    for (let cut = 1; cut < joined.length; cut++) {
      const d = createMixedDecoder()
      const text = d.write(joined.subarray(0, cut)) + d.write(joined.subarray(cut)) + d.end()
      expect(text).toBe(whole)
    }
    expect(decodeAll(joined, mixedUtf8)).toBe(whole)
    // A lone lead byte at the very end, and a BOM, are handled.
    expect(decodeAll(Buffer.concat([bytes('\ufeffa,é', 'utf-8'), Buffer.from([0xe9])]), mixedUtf8)).toBe('a,éé')
  })

  it('say where they first fell back', () => {
    const d = createMixedDecoder()
    expect(d.write(utf8)).toBe('name\nJosé\nZoë\n')
    expect(d.firstFallback).toBe(-1)
    expect(d.write(cp1252)).toBe('François\nMüller\n')
    expect([d.firstFallback, d.fallbacks]).toEqual([4, 2])
  })

  it('validate UTF-8 sequences as RFC 3629 does', () => {
    const at = (...b: number[]) => sequenceLength(Uint8Array.from(b), 0)
    expect([at(0x41), at(0xc3, 0xa9), at(0xe2, 0x82, 0xac), at(0xf0, 0x9f, 0x98, 0x80)]).toEqual([1, 2, 3, 4])
    expect(at(0xc0, 0x80)).toBe(0) // overlong
    expect(at(0xed, 0xa0, 0x80)).toBe(0) // surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0) // above U+10FFFF
    expect(at(0xe9, 0x6c)).toBe(0) // Windows-1252 "é" then "l"
  })
})

import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { createDecoder, decodeAll, detectEncoding } from '../../../src/main/formats/encoding'

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

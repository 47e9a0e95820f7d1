/**
 * Value shapes of personal data. Checked on a bounded sample of each column (the first 1,000 filled values): enough
 * to see that a column is full of e-mail addresses, cheap enough for a million rows.
 */
export interface PiiValueCounts {
  checked: number
  email: number
  /** International or punctuated phone numbers: "+44 20 7946 0958", "(020) 7946 0958", "555-123-4567". */
  phone: number
  /** 7–15 bare digits: a phone number only if the column name says so. */
  bareDigits: number
  iban: number
  card: number
  postcode: number
  ip: number
  /** "Ana Lopez", "Mary-Jane O'Neil": capitalised words, a person's name only if the column name says so. */
  personName: number
}

export function emptyPiiCounts(): PiiValueCounts {
  return { checked: 0, email: 0, phone: 0, bareDigits: 0, iban: 0, card: 0, postcode: 0, ip: 0, personName: 0 }
}

const emailRe = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/
const phoneRe = /^(?:\+|00)?[\d\s()./-]{7,22}$/
const ibanRe = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/
const cardRe = /^\d[\d -]{11,22}\d$/
const ukPostcodeRe = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i
const nlPostcodeRe = /^\d{4} ?[A-Z]{2}$/
const caPostcodeRe = /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i
const ipRe = /^(?:\d{1,3}\.){3}\d{1,3}$/
const personNameRe =
  /^[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’-]+(?: (?:[a-z]{1,3} )?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’-]+){1,3}$/

export function countPiiShapes(raw: string, counts: PiiValueCounts): void {
  const value = raw.trim()
  counts.checked++
  if (value.includes('@')) {
    if (emailRe.test(value)) counts.email++
    return
  }
  const digits = countDigits(value)
  if (digits >= 7 && digits <= 15 && phoneRe.test(value)) {
    if (digits === value.length) counts.bareDigits++
    else if (value[0] === '+' || value.startsWith('00') || /[\s()./-]\d{2,}[\s./-]\d{2,}/.test(value)) counts.phone++
  }
  if (digits >= 13 && digits <= 19 && cardRe.test(value) && luhn(value)) counts.card++
  const compact = value.replace(/ /g, '')
  if (compact.length >= 15 && compact.length <= 34 && ibanRe.test(compact) && ibanChecksum(compact)) counts.iban++
  if (ukPostcodeRe.test(value) || nlPostcodeRe.test(value) || caPostcodeRe.test(value)) counts.postcode++
  if (ipRe.test(value) && value.split('.').every((p) => +p <= 255)) counts.ip++
  if (digits === 0 && personNameRe.test(value)) counts.personName++
}

function countDigits(value: string): number {
  let n = 0
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 48 && c <= 57) n++
  }
  return n
}

/** Luhn checksum of card numbers: catches random digit strings 9 times in 10. */
export function luhn(value: string): boolean {
  let sum = 0
  let double = false
  for (let i = value.length - 1; i >= 0; i--) {
    const c = value.charCodeAt(i)
    if (c < 48 || c > 57) continue
    let d = c - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, remainder mod 97 must be 1. */
export function ibanChecksum(compact: string): boolean {
  const rearranged = compact.substring(4) + compact.substring(0, 4)
  let remainder = 0
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0)
    const part = code >= 65 ? String(code - 55) : ch
    for (const d of part) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97
  }
  return remainder === 1
}

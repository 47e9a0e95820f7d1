import { describe, expect, it } from 'vitest'
import { createTypeAccumulator } from '../../../src/main/formats/typing/typeAccumulator'
import { ibanChecksum, luhn } from '../../../src/main/formats/typing/piiPatterns'

/** PII flag kind per column of a small table given as columns. */
function flags(columns: Record<string, readonly string[]>): Record<string, string | null> {
  const names = Object.keys(columns)
  const acc = createTypeAccumulator(names)
  for (let i = 0; i < columns[names[0]].length; i++) acc.add(names.map((k) => columns[k][i]))
  return Object.fromEntries(acc.finish().columns.map((c) => [c.name, c.pii?.kind ?? null]))
}

const repeat = <T>(xs: readonly T[], n: number) => Array.from({ length: n }, (_, i) => xs[i % xs.length])

describe('personal data flags', () => {
  it('flags by column name when the values agree', () => {
    expect(
      flags({
        'First Name': ['Ana', 'Bo', 'Cy', 'Di'],
        surname: ['López', 'Ek', 'Martin', 'Adams'],
        'E-mail address': ['a@x.com', 'b@y.org', 'c@z.net', 'd@w.io'],
        Telephone: ['0201234567', '0612345678', '0209876543', '0698765432'],
        Street: ['1 High St', '22 Rue Neuve', '5 Calle Mayor', '9 Main Rd'],
        zip: ['10115', '75001', '28013', '02134'],
        DateOfBirth: ['1980-01-02', '1975-05-06', '1990-12-31', '1988-07-07'],
        IBAN: ['x1', 'x2', 'x3', 'x4'],
        ssn: ['a1', 'a2', 'a3', 'a4'],
        ip_address: ['10.0.0.1', '192.168.1.20', '172.16.0.5', '8.8.8.8'],
      }),
    ).toEqual({
      'First Name': 'name',
      surname: 'name',
      'E-mail address': 'email',
      Telephone: 'phone',
      Street: 'address',
      zip: 'postcode',
      DateOfBirth: 'birthDate',
      IBAN: 'iban',
      ssn: 'nationalId',
      ip_address: 'ipAddress',
    })
  })

  it('flags by values alone when they are unmistakable', () => {
    expect(
      flags({
        contact: ['ana@example.com', 'bo@example.org', 'cy@example.net'],
        c2: ['+44 20 7946 0958', '+33 1 23 45 67 89', '+1 (555) 123-4567'],
        c3: ['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'NL91ABNA0417164300'],
        c4: ['4111 1111 1111 1111', '5500-0000-0000-0004', '340000000000009'],
      }),
    ).toEqual({ contact: 'email', c2: 'phone', c3: 'iban', c4: 'card' })
  })

  it('does not flag look-alikes', () => {
    expect(
      flags({
        PhoneService: repeat(['Yes', 'No'], 40), // Telco: a yes/no about the phone, not a number
        ProductName: repeat(['Red Mug', 'Blue Cup', 'Tea Pot'], 40),
        Kaufdatum: repeat(['25.03.2011', '01.04.2011', '13.12.2010'], 40), // dates match loose phone shapes
        Amount: repeat(['1234567', '2345678', '3456789'], 40),
        company_name: repeat(['Acme Ltd', 'Globex', 'Initech'], 40),
        Country: repeat(['United Kingdom', 'France'], 40),
        Campaign: repeat(['Spring Sale', 'Black Friday'], 40),
        cards: repeat(['4111 1111 1111 1112', '1234 5678 9012 3456'], 40), // fail the Luhn check
      }),
    ).toEqual({
      PhoneService: null,
      ProductName: null,
      Kaufdatum: null,
      Amount: null,
      company_name: null,
      Country: null,
      Campaign: null,
      cards: null,
    })
  })

  it('explains the flag in one sentence with the evidence', () => {
    const acc = createTypeAccumulator(['E-mail'])
    for (const v of ['ana@example.com', 'bo@example.org', 'cy@example.net']) acc.add([v])
    const c = acc.finish().columns[0]
    expect(c.pii?.reason).toMatch(/100% of the first 3 values look like e-mail addresses.*kept out of modelling/)
    expect(c.role).toBe('ignore')
  })
})

describe('checksums', () => {
  it('validates IBANs (ISO 13616) and card numbers (Luhn) from published examples', () => {
    expect(ibanChecksum('GB82WEST12345698765432')).toBe(true)
    expect(ibanChecksum('GB82WEST12345698765433')).toBe(false)
    expect(luhn('4111111111111111')).toBe(true)
    expect(luhn('79927398713')).toBe(true)
    expect(luhn('79927398710')).toBe(false)
  })
})

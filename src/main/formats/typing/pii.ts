import type { ColumnType } from '../../../shared/domain/dataset'
import type { ColumnEvidence } from './columnEvidence'
import { hasWord, nameWords, squashedName } from './columnNames'
import { percent } from './wording'
import { isBirthYear } from './inferType'

/**
 * Flags columns that likely hold personal data, from the column name and from the shape of its values, with the
 * reason. Flagged columns are kept out of modelling by default (the app enforces that); a flag is a prompt for the
 * user, so a name alone is enough when the values do not contradict it, and values alone only when they are
 * unmistakable (e-mail addresses, valid IBANs, Luhn-valid card numbers, punctuated phone numbers).
 */
export type PiiKind =
  'email' | 'phone' | 'name' | 'address' | 'postcode' | 'iban' | 'card' | 'birthDate' | 'nationalId' | 'ipAddress'

export interface PiiFlag {
  readonly kind: PiiKind
  readonly reason: string
}

const kindLabel: Record<PiiKind, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  name: "people's names",
  address: 'postal addresses',
  postcode: 'postcodes',
  iban: 'bank account numbers (IBAN)',
  card: 'payment card numbers',
  birthDate: 'birth dates',
  nationalId: 'national ID or passport numbers',
  ipAddress: 'IP addresses',
}

const emailNames = ['email', 'mail', 'courriel', 'correo']
const phoneWords = new Set([
  'phone',
  'telephone',
  'tel',
  'mobile',
  'cell',
  'cellphone',
  'fax',
  'telefon',
  'telefono',
  'téléphone',
  'gsm',
  'handy',
  'portable',
  'whatsapp',
])
const personNameWords = new Set([
  'name',
  'names',
  'firstname',
  'lastname',
  'surname',
  'forename',
  'fullname',
  'givenname',
  'familyname',
  'nom',
  'prenom',
  'prénom',
  'vorname',
  'nachname',
  'naam',
  'achternaam',
  'voornaam',
  'nombre',
  'apellido',
  'apellidos',
  'username',
  'contact',
])
/** "Product name", "company name" and the like are not about people. */
const notPersonWords = new Set([
  'product',
  'item',
  'company',
  'brand',
  'file',
  'category',
  'store',
  'shop',
  'country',
  'city',
  'movie',
  'film',
  'book',
  'title',
  'stock',
  'sku',
  'sheet',
  'campaign',
  'event',
  'article',
  'department',
  'team',
  'business',
  'firm',
  'organisation',
  'organization',
  'account',
  'bank',
  'street',
  'region',
  'state',
  'host',
  'domain',
  'group',
  'segment',
  'plan',
  'tag',
  'genre',
  'color',
  'colour',
  'variant',
  'model',
  'source',
  'channel',
  'column',
  'field',
  'type',
])
const addressWords = new Set([
  'address',
  'addr',
  'street',
  'straat',
  'strasse',
  'straße',
  'rue',
  'calle',
  'adresse',
  'adres',
  'direccion',
  'dirección',
  'housenumber',
  'house',
])
/** Per kind: whole words of the name, and longer spellings safe to find inside a squashed name ("DateOfBirth"). */
const postcodeWords = new Set(['zip', 'zipcode', 'postcode', 'postal', 'plz', 'postcodes'])
const postcodeParts = ['postcode', 'postalcode', 'zipcode', 'postleitzahl', 'codepostal']
const birthWords = new Set(['dob', 'birth', 'birthday', 'birthdate'])
const birthParts = ['dateofbirth', 'birthdate', 'birthday', 'geburtsdatum', 'geboortedatum', 'naissance', 'nacimiento']
const nationalIdWords = new Set(['ssn', 'bsn', 'nino', 'dni', 'nif', 'passport', 'personnummer'])
const nationalIdParts = ['socialsecurity', 'nationalid', 'nationalinsurance', 'passport', 'taxid']
const ibanParts = ['iban', 'bankaccount']
const cardParts = ['creditcardnumber', 'cardnumber', 'ccnumber', 'cardno']

export function detectPii(e: ColumnEvidence, type: ColumnType): PiiFlag | null {
  const words = nameWords(e.name)
  const squashed = squashedName(e.name)
  const p = e.pii
  const share = (n: number) => (p.checked === 0 ? 0 : n / p.checked)
  const byName = (kind: PiiKind) => `The name “${e.name}” suggests ${kindLabel[kind]}.`
  const byValues = (kind: PiiKind, n: number) =>
    `${percent(n, p.checked)} of the first ${p.checked.toLocaleString('en-US')} values look like ${kindLabel[kind]} (e.g. ${e.examples[0] ?? ''}).`
  const flag = (kind: PiiKind, reason: string): PiiFlag => ({
    kind,
    reason: reason + ' Likely personal data: kept out of modelling unless you include it.',
  })
  const textual = type === 'text' || type === 'category' || type === 'id'
  const nameHas = (list: readonly string[]) => list.some((k) => squashed.includes(k))
  // A few labels repeated over many rows ("PhoneService": Yes/No, "HasEmail") describe the data, they are not it.
  const few = e.distinct <= 3 && e.distinct < e.filled / 2
  // Dates and amounts match loose phone and postcode shapes ("25.03.2011"); their values are no evidence.
  const shapeable = type !== 'date' && type !== 'number' && type !== 'boolean'

  if (share(p.email) >= 0.5) return flag('email', byValues('email', p.email))
  if (words.some((w) => emailNames.includes(w)) || squashed.startsWith('email') || squashed.endsWith('email')) {
    if (!few) return flag('email', byName('email'))
  }
  if (share(p.iban) >= 0.5) return flag('iban', byValues('iban', p.iban))
  if (share(p.card) >= 0.5) return flag('card', byValues('card', p.card))
  if (nameHas(ibanParts) && !few) return flag('iban', byName('iban'))
  if ((nameHas(cardParts) && !few) || (words.includes('pan') && p.card > 0)) return flag('card', byName('card'))

  const phoneValues = p.phone + p.bareDigits
  if (words.some((w) => phoneWords.has(w)) && !few && share(phoneValues) >= 0.5)
    return flag('phone', byName('phone') + ' ' + byValues('phone', phoneValues))
  if (shapeable && share(p.phone) >= 0.8) return flag('phone', byValues('phone', p.phone))

  // A birth year (Year_Birth) is shared by many people: like an age, it identifies nobody on its own.
  if ((hasWord(words, birthWords) || nameHas(birthParts)) && !few && !(type === 'number' && isBirthYear(e)))
    return flag('birthDate', byName('birthDate'))
  if ((hasWord(words, nationalIdWords) || nameHas(nationalIdParts)) && !few)
    return flag('nationalId', byName('nationalId'))

  if (
    textual &&
    !few &&
    !words.some((w) => notPersonWords.has(w)) &&
    (words.some((w) => personNameWords.has(w)) || /(first|last|sur|full|given|family|fore)name/.test(squashed))
  ) {
    return flag('name', byName('name'))
  }
  if (words.includes('ip') || squashed.includes('ipaddress')) {
    if (share(p.ip) >= 0.5 || !few) return flag('ipAddress', byName('ipAddress'))
  }
  if (shapeable && share(p.ip) >= 0.8) return flag('ipAddress', byValues('ipAddress', p.ip))
  if (textual && !few && words.some((w) => addressWords.has(w))) return flag('address', byName('address'))
  if ((hasWord(words, postcodeWords) || nameHas(postcodeParts)) && !few) return flag('postcode', byName('postcode'))
  if (shapeable && share(p.postcode) >= 0.8 && e.distinct > 20)
    return flag('postcode', byValues('postcode', p.postcode))
  return null
}

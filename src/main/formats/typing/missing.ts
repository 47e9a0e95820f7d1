/**
 * Values that mean "no value" in the files people export. Recognised case-insensitively after trimming:
 * empty and whitespace-only cells (Telco's TotalCharges holds a single space), NA / N/A / null / NaN from R, pandas
 * and databases, "-" and "?" from hand-made sheets, "unknown" as coded in UCI Bank Marketing, and Excel's error
 * values (#N/A, #DIV/0! …), which are never data.
 */
const markers = new Set([
  'na',
  'n/a',
  'null',
  'nan',
  '-',
  '?',
  'unknown',
  '#n/a',
  '#value!',
  '#div/0!',
  '#ref!',
  '#name?',
  '#num!',
  '#null!',
])

/** Longest marker, so most values are rejected without lower-casing. */
const longestMarker = 7

/** Label used for cells that are empty or hold only spaces. */
export const emptyLabel = '(empty)'
export const blankLabel = '(spaces only)'

/**
 * Returns how the value marks a missing cell — `'(empty)'`, `'(spaces only)'` or the marker as written (e.g. "NA")
 * — or null when the value is real data.
 */
export function missingMarker(raw: string | null | undefined): string | null {
  if (raw == null || raw.length === 0) return emptyLabel
  let value = raw
  if (isSpace(raw.charCodeAt(0)) || isSpace(raw.charCodeAt(raw.length - 1))) {
    value = raw.trim()
    if (value.length === 0) return blankLabel
  }
  if (value.length > longestMarker || !markerStart(value.charCodeAt(0))) return null
  return markers.has(value.toLowerCase()) ? value : null
}

export function isMissing(raw: string | null | undefined): boolean {
  return missingMarker(raw) !== null
}

/** Whether a marker can start with this character: rejects digits and most words without building a lower-case copy. */
function markerStart(code: number): boolean {
  return (
    code === 110 /* n */ ||
    code === 78 /* N */ ||
    code === 117 /* u */ ||
    code === 85 /* U */ ||
    code === 45 /* - */ ||
    code === 63 /* ? */ ||
    code === 35 /* # */
  )
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 160 || code === 10 || code === 13 || code === 0x202f
}

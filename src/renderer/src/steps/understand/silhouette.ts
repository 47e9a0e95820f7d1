const twoDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** A silhouette (−1..1) as people compare them: two decimals, a true minus sign ("−0.26", "0.42"). */
export function formatSilhouette(value: number): string {
  return Number.isFinite(value) ? twoDecimals.format(value).replace('-', '−') : '—'
}

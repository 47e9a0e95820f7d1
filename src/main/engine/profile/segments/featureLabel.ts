/**
 * A column name as a person reads it in a sentence or a segment name: "Detergents_Paper" → "Detergents Paper",
 * "recency_days" → "Recency days". Only the first letter is raised so that codes and acronyms ("PC1", "avgBasket")
 * keep their spelling. Purely cosmetic: data keeps the original name everywhere.
 */
export function featureLabel(name: string): string {
  const spaced = name.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim()
  if (spaced === '') return name
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

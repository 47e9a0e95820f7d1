/**
 * Column names carry intent that values cannot: "SeniorCitizen" with 0/1 is a yes/no flag, "CustomerID" with
 * integers is a key, "UnitPrice" is money. Names are split into lower-case words at case changes, digits and
 * punctuation ("customerID" → customer id, "dollar_value" → dollar value, "emp.var.rate" → emp var rate). Shared:
 * the column typing and the Prepare suggestions must read a name the same way.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\u024f]+/)
    .filter((w) => w.length > 0)
}

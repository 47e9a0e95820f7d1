/**
 * What a report must not print. Personal-data columns (flagged at import) are removed from the profile wherever they
 * could appear — features, categories, traits, rules, separation — and customer ids can be replaced by codes derived
 * with a key made for this report alone, so two reports cannot be joined on them and nobody can reverse them.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { RunProfile } from '../../shared/domain/understand'

export function withoutPersonalData(profile: RunProfile, personal: ReadonlySet<string>): RunProfile {
  if (personal.size === 0) return profile
  const keep = (feature: string) => !personal.has(feature)
  return {
    ...profile,
    monetaryFeature: profile.monetaryFeature && keep(profile.monetaryFeature) ? profile.monetaryFeature : null,
    segments: profile.segments.map((s) => ({
      ...s,
      features: s.features.filter((f) => keep(f.feature)),
      categories: s.categories.filter((c) => keep(c.feature)),
      distinguishing: s.distinguishing.filter((t) => keep(t.feature)),
    })),
    features: profile.features.filter((f) => keep(f.feature)),
    rules: profile.rules
      ? { ...profile.rules, rules: profile.rules.rules.filter((r) => r.conditions.every((c) => keep(c.feature))) }
      : null,
  }
}

/** A function that turns a customer id into a code such as "C-4F1A9C2B", the same id always giving the same code. */
export function pseudonymiser(key: Buffer = randomBytes(32)): (id: string) => string {
  return (id) => `C-${createHmac('sha256', key).update(id).digest('hex').slice(0, 8).toUpperCase()}`
}

export function pseudonymiseProfile(profile: RunProfile, code: (id: string) => string): RunProfile {
  return {
    ...profile,
    borderline: profile.borderline.map((b) => ({ ...b, customer: code(b.customer) })),
    map: profile.map ? { ...profile.map, customer: profile.map.customer.map(code) } : null,
  }
}

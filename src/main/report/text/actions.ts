/**
 * What to do with a segment when the user has not written an action: the usual CRM playbook for the RFM vocabulary
 * the Understand step names segments with, and otherwise a rule of thumb from the segment's value against its size.
 * The report marks these as suggestions, so nobody mistakes them for the user's own plan.
 */
import type { SegmentProfile } from '../../../shared/domain/understand'

const playbook: readonly (readonly [RegExp, string])[] = [
  [/^champions/i, 'Reward and retain them: early access, loyalty perks and referral offers rather than discounts.'],
  [/^loyal/i, 'Keep them close: loyalty rewards, personal recommendations and offers to buy more often.'],
  [/^potential loyal/i, 'Invite them into a loyalty programme and recommend products that lead to a second habit.'],
  [/^new customers/i, 'Welcome them: an onboarding series and a reason to come back for a second order soon.'],
  [/^promising/i, 'Build the relationship: a time-limited offer on a second purchase.'],
  [/^need attention/i, 'Re-engage them before they drift: reminders and offers based on what they bought.'],
  [/^about to sleep/i, 'Wake them up with a personal reminder and a popular product at a good price.'],
  [/^at risk/i, 'Win them back now: a personal message, a strong offer and a look at why they stopped.'],
  [/^can.?t lose/i, 'Win them back personally: a call or tailored offer; find out what made them stop.'],
  [/^hibernating/i, 'Spend little: one low-cost win-back campaign, then keep them on the general newsletter.'],
]

/** A suggested action from the segment's suggested name (the RFM vocabulary) or its value against its size. */
export function suggestedAction(segment: Pick<SegmentProfile, 'suggestedName' | 'share' | 'valueShare'>): string {
  for (const [pattern, action] of playbook) if (pattern.test(segment.suggestedName)) return action
  if (segment.valueShare !== null && segment.share > 0) {
    const ratio = segment.valueShare / segment.share
    if (ratio >= 1.5)
      return 'Protect this valuable group: account care, loyalty rewards and early access to new ranges.'
    if (ratio <= 0.5) return 'Serve them efficiently: low-cost channels and offers that raise the order value.'
  }
  return 'Test a message tailored to what sets this segment apart, and measure the response against a control group.'
}

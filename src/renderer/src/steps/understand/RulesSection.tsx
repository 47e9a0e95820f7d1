import { memo } from 'react'
import type { SegmentRules } from '../../../../shared/domain/understand'
import { ruleText } from '../../../../shared/ruleText'
import { formatCount, formatPercent } from '../../ui/format'
import { TableHead } from '../../ui/TableHead'
import { Section } from './Section'
import { SegmentName } from './SegmentName'
import { SegmentSwatch } from '../segment/segmentLabels'

/**
 * The segments as if-then rules a manager can apply without the model: a shallow decision tree's leaves, each with
 * the customers it covers and how many of them are really in its segment, then how much of each segment they catch.
 */
export const RulesSection = memo(function RulesSection({
  rules,
  names,
  colours,
}: {
  rules: SegmentRules
  names: readonly string[]
  colours: readonly string[]
}) {
  const ordered = [...rules.rules].sort((a, b) => a.segment - b.segment || b.covers - a.covers)
  return (
    <Section
      id="understand-rules"
      title="Rules"
      intro={
        <>
          Simple if-then rules, at most {rules.depth} questions deep, that sort customers into segments. They put{' '}
          <strong>{formatPercent(rules.accuracy)}</strong> of customers in their own segment: the higher, the easier the
          segments are to explain.
        </>
      }
    >
      <div className="table-frame table-frame--open">
        <table className="table rules">
          <caption className="visually-hidden">Rules that sort customers into segments</caption>
          <TableHead
            columns={['Rule', { label: 'Customers', numeric: true }, { label: 'In that segment', numeric: true }]}
          />
          <tbody>
            {ordered.map((rule, i) => (
              <tr key={i}>
                <td className="rules__if">
                  <SegmentSwatch colour={colours[rule.segment]} />
                  {ruleText(rule, (s) => names[s])}
                </td>
                <td className="num">{formatCount(rule.covers)}</td>
                <td className="num">{formatPercent(rule.correct / Math.max(1, rule.covers))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="understand__subheading">How much of each segment the rules recognise</h3>
      <ul className="recall">
        {rules.recallBySegment.map((recall, s) => (
          <li key={s} className="recall__item">
            <SegmentName name={names[s]} colour={colours[s]} />
            <span className="strength__bar" aria-hidden="true">
              <span className="strength__fill" style={{ width: `${recall * 100}%` }} />
            </span>
            <span className="num">{formatPercent(recall)}</span>
          </li>
        ))}
      </ul>
    </Section>
  )
})

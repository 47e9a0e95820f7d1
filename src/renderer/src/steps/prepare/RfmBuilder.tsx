import { useCallback, useId, useMemo, useState, type FormEvent } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { JobInfo } from '../../../../shared/domain/jobs'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { Field } from '../../ui/Field'
import { InfoNote } from '../../ui/InfoNote'
import { JobProgress } from '../../ui/JobProgress'
import type { Choice } from '../../ui/Options'
import { SelectField } from '../../ui/SelectField'
import { useJob } from '../../ui/useJob'
import { rfmDefaults, rfmRequest, type RfmChoice } from './rfmDefaults'

const spendChoices: readonly Choice<RfmChoice['spend']>[] = [
  { value: 'amount', label: 'One column with the amount of each line' },
  { value: 'quantityPrice', label: 'A quantity and a unit price (spend = quantity × price)' },
]
const cancellationChoices: readonly Choice<RfmChoice['cancellations']>[] = [
  {
    value: 'net',
    label: 'Subtract returns from spend',
    help: "A return lowers the customer's total spend, as on their statement.",
  },
  {
    value: 'exclude',
    label: 'Ignore cancelled orders',
    help: 'Cancellation lines are left out entirely; spend counts only what was ordered.',
  },
]

/**
 * Turns a transaction history into one row per customer with Recency (days since the last purchase), Frequency
 * (number of purchases) and Monetary value (total spend), scored into the ten classic RFM segments. The columns are
 * guessed from the import and shown for confirmation; the result is a new customers dataset.
 */
export function RfmBuilder({ dataset }: { dataset: DatasetSummary }) {
  const api = useApi()
  const initial = useMemo(() => rfmDefaults(dataset.columns), [dataset.columns])
  const [choice, setChoice] = useState<RfmChoice>(initial)
  const [error, setError] = useState<string | null>(null)
  const [started, setStarted] = useState<JobInfo | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const set = (patch: Partial<RfmChoice>) => setChoice((c) => ({ ...c, ...patch }))

  const job = useJob(
    started,
    useCallback((j: JobInfo) => {
      setStarted(null)
      if (j.status === 'succeeded') setOutcome('Built. The new customer table opens in a moment.')
      else if (j.status === 'cancelled') setOutcome('Cancelled: no table was made.')
      else setError(j.error?.userMessage ?? 'Building the RFM table failed.')
    }, []),
  )

  const build = async (event: FormEvent) => {
    event.preventDefault()
    const checked = rfmRequest(choice)
    if (!checked.ok) return setError(checked.message)
    setError(null)
    setOutcome(null)
    try {
      setStarted(await api.invoke('rfm.build', { datasetId: dataset.id, ...checked.request }))
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const names = dataset.columns.map((c) => c.name)
  const numbers = dataset.columns.filter((c) => c.type === 'number').map((c) => c.name)
  const running = started !== null
  return (
    <section className="panel rfm" aria-labelledby="rfm-title">
      <h2 id="rfm-title">Build customer features from transactions (RFM)</h2>
      <p className="muted small rfm__intro">
        Segments are found among customers, so each customer gets one row with three numbers: <strong>Recency</strong>{' '}
        (days since their last purchase), <strong>Frequency</strong> (how many purchases) and <strong>Monetary</strong>{' '}
        (how much they spent), and one of ten classic segments such as Champions or At Risk.
      </p>
      <form onSubmit={(e) => void build(e)}>
        <fieldset className="rfm__grid" disabled={running}>
          <ColumnSelect
            label="Customer column"
            value={choice.customer}
            options={names}
            onChange={(v) => set({ customer: v })}
          />
          <ColumnSelect label="Date column" value={choice.date} options={names} onChange={(v) => set({ date: v })} />
          <ColumnSelect
            label="Invoice column (optional)"
            help="Lines with the same invoice count as one purchase. Without it, every line is a purchase."
            value={choice.invoice}
            options={names}
            none="None"
            onChange={(v) => set({ invoice: v })}
          />
        </fieldset>
        <RadioGroup
          legend="How is spend recorded?"
          name="spend"
          value={choice.spend}
          choices={spendChoices}
          disabled={running}
          onChange={(spend) => set({ spend })}
        />
        <fieldset className="rfm__grid" disabled={running}>
          {choice.spend === 'amount' ? (
            <ColumnSelect
              label="Amount column"
              value={choice.amount}
              options={numbers}
              onChange={(v) => set({ amount: v })}
            />
          ) : (
            <>
              <ColumnSelect
                label="Quantity column"
                value={choice.quantity}
                options={numbers}
                onChange={(v) => set({ quantity: v })}
              />
              <ColumnSelect
                label="Price column"
                value={choice.price}
                options={numbers}
                onChange={(v) => set({ price: v })}
              />
            </>
          )}
        </fieldset>
        <RadioGroup
          legend="Cancelled orders and returns"
          name="cancellations"
          value={choice.cancellations}
          choices={cancellationChoices}
          disabled={running}
          onChange={(cancellations) => set({ cancellations })}
        />
        <fieldset className="rfm__grid" disabled={running}>
          <Field
            label="Analysis date"
            help="Recency is counted back from this day. Leave empty to use the day after the last transaction."
          >
            {(id, helpId) => (
              <input
                id={id}
                type="date"
                aria-describedby={helpId}
                value={choice.asOf}
                onChange={(e) => set({ asOf: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
        <ErrorNote message={error} onDismiss={() => setError(null)} />
        <InfoNote message={outcome} />
        <JobProgress job={job} label="Building the RFM table" />
        <button type="submit" className="button button--primary" disabled={running}>
          {running ? 'Building…' : 'Build RFM table'}
        </button>
      </form>
    </section>
  )
}

function ColumnSelect({
  label,
  value,
  options,
  onChange,
  none,
  help,
}: {
  label: string
  value: string
  options: readonly string[]
  onChange: (v: string) => void
  none?: string
  help?: string
}) {
  return (
    <SelectField
      label={label}
      help={help}
      value={value}
      choices={options}
      blank={none ?? (value ? undefined : 'Choose a column…')}
      onChange={onChange}
    />
  )
}

function RadioGroup<T extends string>({
  legend,
  name,
  value,
  choices,
  disabled,
  onChange,
}: {
  legend: string
  name: string
  value: T
  choices: readonly Choice<T>[]
  disabled: boolean
  onChange: (value: T) => void
}) {
  return (
    <fieldset className="radio-group" disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <Radio
          key={c.value}
          name={name}
          checked={value === c.value}
          onChange={() => onChange(c.value)}
          label={c.label}
          help={c.help}
        />
      ))}
    </fieldset>
  )
}

function Radio({
  name,
  checked,
  onChange,
  label,
  help,
}: {
  name: string
  checked: boolean
  onChange: () => void
  label: string
  help?: string
}) {
  const id = useId()
  return (
    <label className="radio">
      <input type="radio" name={name} checked={checked} onChange={onChange} aria-describedby={help ? id : undefined} />
      <span>
        {label}
        {help && (
          <span className="help radio__help" id={id}>
            {help}
          </span>
        )}
      </span>
    </label>
  )
}

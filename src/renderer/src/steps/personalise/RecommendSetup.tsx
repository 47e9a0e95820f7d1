import { useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import {
  recMethodChoices,
  recMethodNames,
  type RecMethodChoice,
  type RecommendSettings,
} from '../../../../shared/domain/recommend'
import { ChoiceCard } from '../../ui/ChoiceCard'
import { ErrorNote } from '../../ui/ErrorNote'
import { SelectField } from '../../ui/SelectField'
import { BlendSlider } from './BlendSlider'
import { methodHelp } from './methodChoices'
import { formOf, interactionTables, recommendDefaults, toSettings, type RecommendForm } from './recommendDefaults'

/**
 * The data and the method: which table holds the purchases and which columns say who bought what, an optional
 * catalogue with descriptions, how the evaluation holds data back, and Automatic or a method by hand.
 */
export function RecommendSetup({
  datasets,
  stored,
  chosen,
  busy,
  onStart,
  onGoTo,
}: {
  datasets: readonly DatasetSummary[]
  stored: RecommendSettings | null
  chosen: ClusterRun | null
  busy: boolean
  onStart: (settings: RecommendSettings) => void
  onGoTo: (step: 'segment') => void
}) {
  const tables = interactionTables(datasets)
  const [form, setForm] = useState<RecommendForm>(() =>
    stored && datasets.some((d) => d.id === stored.datasetId) ? formOf(stored) : recommendDefaults(tables[0] ?? null),
  )
  const [problem, setProblem] = useState<string | null>(null)
  const set = (change: Partial<RecommendForm>) => {
    setProblem(null)
    setForm((f) => ({ ...f, ...change }))
  }
  const dataset = datasets.find((d) => d.id === form.datasetId) ?? null
  const catalogue = datasets.find((d) => d.id === form.catalogueId) ?? null
  const names = (d: DatasetSummary | null, test: (type: string) => boolean = () => true) =>
    (d?.columns ?? []).filter((c) => test(c.type)).map((c) => c.name)
  const numbers = names(dataset, (t) => t === 'number')
  const dates = names(dataset, (t) => t === 'date')
  const methods = recMethodChoices.filter((m) => m !== 'popular')

  const submit = () => {
    const settings = toSettings(form)
    if (typeof settings === 'string') setProblem(settings)
    else onStart(settings)
  }

  return (
    <section className="panel card personalise__setup" aria-labelledby="rec-setup">
      <h2 id="rec-setup">Data and method</h2>
      <div className="personalise__fields">
        <SelectField
          label="Purchases"
          value={form.datasetId === null ? '' : String(form.datasetId)}
          choices={tables.map((d) => ({ value: String(d.id), label: `${d.name} — ${d.kind}, ${d.rowCount} rows` }))}
          onChange={(v) => {
            const next = recommendDefaults(datasets.find((d) => d.id === Number(v)) ?? null)
            setProblem(null)
            setForm({ ...next, method: form.method, blendWeight: form.blendWeight })
          }}
          help="One row per purchase or rating."
        />
        <SelectField
          label="Customer column"
          value={form.customer}
          blank="Choose a column…"
          choices={names(dataset)}
          onChange={(customer) => set({ customer })}
        />
        <SelectField
          label="Item column"
          value={form.item}
          blank="Choose a column…"
          choices={names(dataset)}
          onChange={(item) =>
            set({ item, catalogueItem: form.catalogueId === form.datasetId ? item : form.catalogueItem })
          }
        />
        <SelectField
          label="Quantity or rating (optional)"
          value={form.value}
          blank="None: every row is a purchase"
          choices={numbers}
          onChange={(value) => set({ value })}
          help={
            form.value
              ? form.valueKind === 'quantity'
                ? 'Rows of 0 or less (returns) are left out; what counts is whether a customer bought an item.'
                : 'Ratings under the threshold are left out; the latest rating of an item counts.'
              : undefined
          }
        />
        {form.value && (
          <SelectField
            label="That column is"
            value={form.valueKind}
            choices={[
              { value: 'quantity', label: 'A quantity' },
              { value: 'rating', label: 'A rating' },
            ]}
            onChange={(valueKind) => set({ valueKind })}
          />
        )}
        {form.value && form.valueKind === 'rating' && (
          <div className="field">
            <label htmlFor="rec-threshold">Count as liked from (optional)</label>
            <input
              id="rec-threshold"
              inputMode="decimal"
              value={form.threshold}
              onChange={(e) => set({ threshold: e.target.value })}
            />
          </div>
        )}
        <SelectField
          label="Date (optional)"
          value={form.date}
          blank="None"
          choices={dates}
          onChange={(date) => set({ date, split: date ? form.split : 'random' })}
          help="Needed to test on each customer’s latest purchases."
        />
      </div>

      <fieldset className="kind-choices personalise__split">
        <legend>How the evaluation holds purchases back</legend>
        <ChoiceCard
          name="rec-split"
          checked={form.split === 'random'}
          onSelect={() => set({ split: 'random' })}
          title="A random quarter"
        >
          A seeded random 25% of each customer’s items; the method learns from the rest.
        </ChoiceCard>
        <ChoiceCard
          name="rec-split"
          checked={form.split === 'time'}
          onSelect={() => (form.date ? set({ split: 'time' }) : setProblem('Choose a date column to split by time.'))}
          title="The latest quarter"
        >
          The last 25% of each customer’s history by date: can it foresee what they bought next?
        </ChoiceCard>
      </fieldset>

      <div className="personalise__catalogue">
        <label className="personalise__check">
          <input
            type="checkbox"
            checked={form.useCatalogue}
            onChange={(e) => set({ useCatalogue: e.target.checked })}
          />
          Describe the items with text (for reasons by name, similar descriptions and new items)
        </label>
        {form.useCatalogue && (
          <div className="personalise__fields">
            <SelectField
              label="Catalogue"
              value={form.catalogueId === null ? '' : String(form.catalogueId)}
              choices={datasets.map((d) => ({
                value: String(d.id),
                label: d.id === form.datasetId ? `${d.name} (the purchases themselves)` : d.name,
              }))}
              onChange={(v) => {
                const d = datasets.find((x) => x.id === Number(v)) ?? null
                const guess = recommendDefaults(d)
                set({
                  catalogueId: Number(v),
                  catalogueItem: d?.id === form.datasetId ? form.item : guess.item,
                  catalogueText: guess.catalogueText,
                  catalogueCategory: guess.catalogueCategory,
                })
              }}
            />
            <SelectField
              label="Catalogue item id"
              value={form.catalogueItem}
              blank="Choose a column…"
              choices={names(catalogue)}
              onChange={(catalogueItem) => set({ catalogueItem })}
            />
            <SelectField
              label="Item text"
              value={form.catalogueText}
              blank="Choose a column…"
              choices={names(catalogue)}
              onChange={(catalogueText) => set({ catalogueText })}
              help="A title or description; it names the items in reasons."
            />
            <SelectField
              label="Category (optional)"
              value={form.catalogueCategory}
              blank="None"
              choices={names(catalogue)}
              onChange={(catalogueCategory) => set({ catalogueCategory })}
              help="Lets you mark whole categories as sensitive."
            />
          </div>
        )}
      </div>

      <fieldset className="kind-choices personalise__methods">
        <legend>Method</legend>
        {methods.map((m: RecMethodChoice) => (
          <ChoiceCard
            key={m}
            name="rec-method"
            value={m}
            checked={form.method === m}
            onSelect={() => set({ method: m })}
            title={recMethodNames[m]}
          >
            {methodHelp[m]}
          </ChoiceCard>
        ))}
      </fieldset>
      {form.method === 'blend' && (
        <BlendSlider weight={form.blendWeight} onChange={(blendWeight) => set({ blendWeight })} />
      )}

      <p className="muted personalise__segments-note">
        {chosen ? (
          <>Each segment’s top items use “{chosen.name}”, the segmentation chosen in Segment, matched by customer id.</>
        ) : (
          <>
            No segmentation is chosen, so there will be no per-segment items.{' '}
            <button type="button" className="personalise__link" onClick={() => onGoTo('segment')}>
              Go to Segment
            </button>
          </>
        )}
      </p>
      <ErrorNote message={problem} onDismiss={() => setProblem(null)} />
      <div className="toolbar">
        <button type="button" className="button button--primary" disabled={busy} onClick={submit}>
          {stored ? 'Make recommendations again' : 'Make recommendations'}
        </button>
      </div>
    </section>
  )
}

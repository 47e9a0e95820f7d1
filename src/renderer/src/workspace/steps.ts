export const steps = [
  { id: 'import', label: 'Import', summary: 'Bring in customer tables and transaction histories.' },
  {
    id: 'prepare',
    label: 'Prepare',
    summary: 'Fix gaps, duplicates and outliers; build customer features such as RFM.',
  },
  {
    id: 'segment',
    label: 'Segment',
    summary: 'Find groups of similar customers and choose how many segments to keep.',
  },
  {
    id: 'understand',
    label: 'Understand',
    summary: 'See what makes each segment different and give it a business name.',
  },
  {
    id: 'personalise',
    label: 'Personalise',
    summary: 'Recommend products per customer and per segment, checked against a simple baseline.',
  },
  { id: 'report', label: 'Report', summary: 'Charts, exports and a PDF report to share.' },
] as const

export type StepId = (typeof steps)[number]['id']

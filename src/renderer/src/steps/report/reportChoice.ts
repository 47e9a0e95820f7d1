import type { DatasetSummary } from '../../../../shared/domain/dataset'
import {
  allReportSections,
  type PaperSize,
  type ReportSectionKey,
  type ReportSections,
} from '../../../../shared/domain/report'

/** What the user chose for the report; the same for the preview, the PDF and the HTML. */
export interface ReportChoice {
  readonly sections: ReportSections
  readonly paper: PaperSize
  readonly pseudonymise: boolean
  /** Personal-data columns ticked to appear; none by default. */
  readonly includePersonal: readonly string[]
}

export const initialChoice: ReportChoice = {
  sections: allReportSections,
  paper: 'A4',
  pseudonymise: true,
  includePersonal: [],
}

export const sectionInfo: readonly { key: ReportSectionKey; label: string; help: string }[] = [
  { key: 'cover', label: 'Cover', help: 'Project, date, data period and contents.' },
  { key: 'summary', label: 'Executive summary', help: 'The results in plain words: sizes, value, what to do next.' },
  { key: 'method', label: 'Data and method', help: 'What was imported and prepared, and why this many segments.' },
  { key: 'overview', label: 'Segment overview', help: 'Sizes, value shares and the segment map.' },
  { key: 'segments', label: 'Segment cards', help: 'One page per segment: traits, rules, suggested action.' },
  {
    key: 'recommendations',
    label: 'Recommendations',
    help: 'When made on the Personalise step: their quality beside the best-sellers, and each segment’s top items.',
  },
  { key: 'appendix', label: 'Appendix', help: 'Quality measures, dendrogram and data-quality notes.' },
]

/** The personal-data columns of the run's table and the tables it was built from, each name once. */
export function personalColumns(datasets: readonly DatasetSummary[], datasetId: number): string[] {
  const names: string[] = []
  const seen = new Set<number>()
  for (let id: number | null = datasetId; id !== null && !seen.has(id);) {
    seen.add(id)
    const d = datasets.find((x) => x.id === id)
    if (!d) break
    for (const c of d.columns) if (c.pii && !names.includes(c.name)) names.push(c.name)
    id = d.derivedFrom
  }
  return names
}

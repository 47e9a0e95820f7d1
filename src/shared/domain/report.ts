/**
 * Step 6 of the journey, Report: what the user chooses for a report or an export, and how a made file reaches them.
 * Shared by the report builder in main, the contract and the renderer's Report step.
 */

export const reportSectionKeys = [
  'cover',
  'summary',
  'method',
  'overview',
  'segments',
  'recommendations',
  'appendix',
] as const
export type ReportSectionKey = (typeof reportSectionKeys)[number]
export type ReportSections = Readonly<Record<ReportSectionKey, boolean>>
/** A new report has every section; the user switches off what their reader does not need. */
export const allReportSections: ReportSections = Object.fromEntries(reportSectionKeys.map((k) => [k, true])) as Record<
  ReportSectionKey,
  boolean
>

export const paperSizes = ['A4', 'Letter'] as const
export type PaperSize = (typeof paperSizes)[number]

export const reportFormats = ['pdf', 'html'] as const
export type ReportFormat = (typeof reportFormats)[number]

/** The segment tables a user can take to a spreadsheet or a CRM. */
export const exportTables = ['membership', 'profiles'] as const
export type ExportTable = (typeof exportTables)[number]

export const exportFormats = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** The report's preview without anything the renderer's Content-Security-Policy refuses: markup, and its stylesheet. */
export interface ReportPreview {
  /** The report's HTML with its `<style>` element taken out and inline styles turned into `data-s` attributes. */
  readonly html: string
  /** The report's stylesheet plus one rule per former inline style, applied to the preview's document as CSSOM. */
  readonly css: string
}

/**
 * A file main made for the user. The desktop asks where to save it first and writes it there; the browser host keeps
 * the bytes for one download by the page that asked (a browser saves downloads itself).
 */
export type MadeFile =
  | { readonly kind: 'saved'; readonly path: string; readonly name: string }
  | { readonly kind: 'download'; readonly id: string; readonly name: string }

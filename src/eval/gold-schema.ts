/**
 * The gold annotation file: partial, hand-written truth about one report, checked by reading
 * the report, never copied from the tool's output. Two homes, one format:
 *
 *   fixtures/<name>/gold.json          beside report.{txt,pdf,docx}; items cite `line` (1-based
 *                                      line of report.txt) and/or `page` (PDF page)
 *   fixtures/real/<X>.gold.json        beside <X>.pdf; items cite `page`
 *
 * Only `gold` is read by the scorer; the top level may carry any provenance (source, checks,
 * notes, tables). Items are strict: a misspelt field ("colum") is an error, not a silent
 * extra, so annotation-only fields that real gold files use are listed here as optional.
 */
import { z } from 'zod';
import { ActivityStatus, Assessment, IndicatorValueKind } from '../model/records.js';

const Locator = {
  /** 1-based PDF page; checked (±1) only when the evaluated source is a PDF. */
  page: z.number().int().nullable().optional(),
  /** 1-based line of report.txt; used only when the evaluated source is text (scope + tie-break). */
  line: z.number().int().nullable().optional(),
  /** The table (caption or header) as the annotator names it: groups misses, never matched. */
  table: z.string().optional(),
  note: z.string().optional(),
};

export const GoldHeadingSchema = z.strictObject({
  ...Locator,
  level: z.number().int().min(1).optional(),
  number: z.string().nullable().optional(),
  title: z.string().min(1),
  toc_page: z.number().int().nullable().optional(),
});

export const GoldBudgetSchema = z.strictObject({
  ...Locator,
  /** Row label as printed (after any wrapping is undone). */
  row: z.string().min(1),
  row_text: z.string().optional(),
  /** Parent rows first, then the row ("Flyktingmottagande" > "varav temporära boenden"). */
  row_path: z.array(z.string()).optional(),
  row_group: z.string().optional(),
  /** Column header as printed; header levels joined with " / ". */
  column: z.string().nullable().optional(),
  measure: z.string().optional(),
  /** The cell as printed. */
  text: z.string(),
  /** The number as printed, sign kept, in `unit`; null for a word cell ("Ej aktuellt"). */
  value: z.number().nullable(),
  unit: z.string().nullable().optional(),
  footnote: z.string().optional(),
});

export const GoldIndicatorSchema = z.strictObject({
  ...Locator,
  indicator: z.string().min(1),
  group: z.string().optional(),
  column: z.string().nullable().optional(),
  period: z.string().nullable().optional(),
  kind: IndicatorValueKind.optional(),
  text: z.string(),
  value: z.number().nullable(),
  /** For "ung 116 000"-style cells: the number a reader would take. */
  value_approx: z.number().nullable().optional(),
  unit: z.string().nullable().optional(),
});

export const GoldActivitySchema = z.strictObject({
  ...Locator,
  activity: z.string().min(1),
  area: z.string().nullable().optional(),
  goal: z.string().nullable().optional(),
  /** ISO date(s) or year(s) as the report gives the deadline; checked when given. */
  due: z.union([z.string(), z.array(z.string())]).nullable().optional(),
  /** Checked (label match) when given. */
  responsible: z.string().nullable().optional(),
  /** Normalised status; checked when given. */
  status: ActivityStatus.nullable().optional(),
  /** Printed status; checked when given and `status` is not. */
  status_text: z.string().nullable().optional(),
  status_icon: z.string().optional(),
  progress_pct: z.number().nullable().optional(),
  progress_pct_note: z.string().optional(),
  progress_source: z.string().optional(),
});

export const GoldAssessmentSchema = z.strictObject({
  ...Locator,
  /** The goal text, or a prefix of it (at least 12 characters after normalisation). */
  goal: z.string().min(1),
  level: z.string().optional(),
  kind: z.string().optional(),
  area: z.string().optional(),
  organ: z.string().optional(),
  assessor: z.string().optional(),
  year: z.number().int().optional(),
  /** The assessment as printed, or null when the report shows none (icons only). */
  assessment: z.string().nullable(),
  /**
   * What is scored, when given: an Assessment (met, largely_met, partly_met, not_met,
   * not_assessed) the extracted goal must carry, or a word ("anmärkning") its printed
   * assessment or text must contain.
   */
  assessment_norm: z.union([Assessment, z.string().min(1)]).nullable().optional(),
  assessment_icon: z.string().optional(),
  assessment_if_icon_read: z.string().nullable().optional(),
  comment_start: z.string().optional(),
});

export const GOLD_KINDS = ['headings', 'budget', 'indicators', 'activities', 'goals', 'assessments'] as const;
export type GoldKind = (typeof GOLD_KINDS)[number];

export const GoldFileSchema = z.looseObject({
  /**
   * Record kinds whose gold lists everything in the document (every number cell of every
   * budget table, say). Precision of such a kind counts every extracted record; of the other
   * kinds only records in the tables, pages or sections the gold touches (see fixtures/README.md).
   */
  complete: z.array(z.enum(GOLD_KINDS)).optional(),
  headings_scope: z.string().optional(),
  gold: z.strictObject({
    headings: z.array(GoldHeadingSchema).default([]),
    budget_values: z.array(GoldBudgetSchema).default([]),
    indicator_values: z.array(GoldIndicatorSchema).default([]),
    activities: z.array(GoldActivitySchema).default([]),
    assessments: z.array(GoldAssessmentSchema).default([]),
  }),
});
export type GoldFileParsed = z.infer<typeof GoldFileSchema>;

export class GoldFileError extends Error {}

/** Parses a gold file's JSON text; a schema error names the path and the first problems. */
export function parseGold(text: string, path: string): GoldFileParsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new GoldFileError(`${path}: not JSON: ${(e as Error).message}`);
  }
  const r = GoldFileSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new GoldFileError(`${path}: not a gold file: ${issues}`);
  }
  return r.data;
}

/**
 * Typed records drawn from tables and text: activities, indicators, budget values, goals.
 * Each keeps where it came from (tableId + row, page, line) and its text as printed
 * beside the normalised value.
 */
import { z } from 'zod';

export const ActivityStatus = z.enum([
  'done', 'ongoing', 'delayed', 'not_started', 'not_done', 'stopped', 'unknown',
]);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

export const Assessment = z.enum([
  'met', 'largely_met', 'partly_met', 'not_met', 'not_assessed', 'unknown',
]);
export type Assessment = z.infer<typeof Assessment>;

export const BudgetMeasure = z.enum([
  'outcome', 'budget', 'forecast', 'deviation', 'revenue', 'cost', 'net', 'result', 'grant', 'other',
]);
export type BudgetMeasure = z.infer<typeof BudgetMeasure>;

export const Unit = z.enum(['tkr', 'mnkr', 'kr', '%']);
export type Unit = z.infer<typeof Unit>;

/**
 * How sure a value read from a flattened table is (text whose column gaps were lost, issue 9):
 * 'certain' when one split of the row fits every check, 'inferred' when several fit and the
 * best was chosen (the flat:inferred warning on its line gives the evidence). Absent on values
 * from printed grids (tabs, PDF positions, DOCX). Unresolved cells become no record at all.
 */
export const ValueCertainty = z.enum(['certain', 'inferred']);
export type ValueCertainty = z.infer<typeof ValueCertainty>;

const Where = {
  page: z.number().int().nullable(),
  line: z.number().int().nullable(),
};

export const Activity = z.strictObject({
  tableId: z.string(),
  row: z.number().int(),
  /** The goal the aktivitetsplan sits under (nearest goal heading), when there is one. */
  goal: z.string().nullable(),
  activity: z.string(),
  description: z.string().nullable(),
  /** ISO dates (YYYY-MM-DD) or years (YYYY), as many as printed. */
  due: z.array(z.string()),
  dueText: z.string().nullable(),
  responsible: z.string().nullable(),
  statusText: z.string().nullable(),
  status: ActivityStatus,
  ...Where,
});
export type Activity = z.infer<typeof Activity>;

export const IndicatorValueKind = z.enum(['outcome', 'target', 'forecast', 'reference']);
export type IndicatorValueKind = z.infer<typeof IndicatorValueKind>;

export const IndicatorValue = z.strictObject({
  /** Year ("2016"), range ("2010-2013"), or a period label ("T2 2016", "jan-aug 2016"). */
  period: z.string().nullable(),
  kind: IndicatorValueKind,
  /** The column header the value sits under, as printed. */
  column: z.string(),
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  note: z.string().nullable(),
  certainty: ValueCertainty.optional(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const Indicator = z.strictObject({
  tableId: z.string(),
  row: z.number().int(),
  name: z.string(),
  /** Group rows above it (bold rows without values, "varav" parents). */
  path: z.array(z.string()),
  source: z.string().nullable(),
  gender: z.enum(['all', 'women', 'men']).nullable(),
  values: z.array(IndicatorValue),
  ...Where,
});
export type Indicator = z.infer<typeof Indicator>;

export const BudgetValue = z.strictObject({
  tableId: z.string(),
  row: z.number().int(),
  label: z.string(),
  /** Parent rows first, then the label: ["Flyktingmottagande", "varav temporära boenden"]. */
  path: z.array(z.string()),
  /** The column header as printed (header rows joined with " / "). */
  column: z.string(),
  measure: BudgetMeasure,
  period: z.string().nullable(),
  text: z.string(),
  /** As printed, in the table's unit, sign kept. */
  value: z.number().nullable(),
  unit: Unit.nullable(),
  valueTkr: z.number().nullable(),
  certainty: ValueCertainty.optional(),
  ...Where,
});
export type BudgetValue = z.infer<typeof BudgetValue>;

/**
 * What a goal record is. Absent means an ordinary goal (or uppdrag) with its assessment.
 * 'revision_criticism' is the revisorer's verdict on an organ: anmärkning, erinran, or
 * tillstyrkt/avstyrkt ansvarsfrihet. Those grades are not goal fulfilment, so `assessment`
 * stays 'unknown' and the grade is read from `assessmentText`.
 */
export const GoalKind = z.enum(['goal', 'revision_criticism']);
export type GoalKind = z.infer<typeof GoalKind>;

export const Goal = z.strictObject({
  kind: GoalKind.optional(),
  /** The criticised nämnd, styrelse or bolag as printed (revision criticism only). */
  organ: z.string().nullable().optional(),
  sectionId: z.string().nullable(),
  /** Kind of goal as the report names it: "Kommunfullmäktiges prioriterade mål", "Nämndmål", "Uppdrag" … */
  level: z.string().nullable(),
  text: z.string(),
  assessmentText: z.string().nullable(),
  assessment: Assessment,
  tableId: z.string().nullable(),
  ...Where,
});
export type Goal = z.infer<typeof Goal>;

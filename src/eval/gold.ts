/**
 * Recall of a real report's hand-made gold (fixtures/real/*.gold.json) per record kind:
 * headings, budget cells, indicator cells, activities, goal assessments. Every gold item that
 * is not found becomes a Miss with a hint saying what the extraction has nearby, since the miss
 * list is what tells you what to fix. Pure functions: doc in, scores out.
 */
import type { CanonicalDocument } from '../model/document.js';
import { Assessment } from '../model/records.js';
import { columnsMatch, labelKey, labelsMatch, numbersEqual } from './text.js';

export interface GoldHeading { page?: number | null; line?: number | null; level?: number; number?: string | null; title: string; toc_page?: number | null; note?: string }
export interface GoldBudget {
  page?: number | null; line?: number | null; table?: string; row: string; row_text?: string; row_path?: string[]; row_group?: string;
  column?: string | null; measure?: string; text: string; value: number | null; unit?: string | null; note?: string;
}
export interface GoldIndicator {
  page?: number | null; line?: number | null; table?: string; indicator: string; group?: string; column?: string | null; period?: string | null;
  kind?: string; text: string; value: number | null; value_approx?: number | null; unit?: string | null; note?: string;
}
export interface GoldActivity {
  page?: number | null; line?: number | null; table?: string; activity: string; goal?: string | null; area?: string | null;
  due?: string | string[] | null; responsible?: string | null; status?: string | null; status_text?: string | null;
}
export interface GoldAssessment {
  page?: number | null; line?: number | null; goal: string; level?: string; kind?: string; organ?: string;
  assessment: string | null; assessment_norm?: string | null; assessment_if_icon_read?: string | null;
}
export interface GoldFile {
  complete?: string[];
  headings_scope?: string;
  gold: {
    headings: GoldHeading[]; budget_values: GoldBudget[]; indicator_values: GoldIndicator[];
    activities: GoldActivity[]; assessments: GoldAssessment[];
  };
}

export type RecordKind = 'headings' | 'budget' | 'indicators' | 'activities' | 'goals' | 'assessments';

export interface Miss {
  kind: RecordKind;
  page: number | null;
  /** The gold item's line in report.txt, when it gives one. */
  line?: number | null;
  /** The gold table (or goal area) the item belongs to, for grouping the listing. */
  group: string | null;
  gold: string;
  hint: string | null;
}

export interface KindScore {
  kind: RecordKind; total: number; recalled: number; recall: number | null; misses: Miss[];
  /** Index into the extracted records (cells of that kind, sections, activities, goals) of each recalled gold item. */
  hits?: number[];
}

export interface HeadingRecall extends KindScore { found: number; precision: number | null }

export interface RealScore {
  headings: HeadingRecall;
  budget: KindScore;
  indicators: KindScore;
  activities: KindScore;
  /** Goal text found in doc.goals. */
  goals: KindScore;
  /** Goal found and its assessment agrees; only gold items that state an assessment (assessment_norm). */
  assessments: KindScore;
}

const ratio = (n: number, d: number) => (d ? n / d : null);
const pageOk = (gold: number | null | undefined, got: number | null | undefined, slack = 1) =>
  gold == null || got == null || Math.abs(gold - got) <= slack;

/* ---------------------------------------------------------------- cells (budget, indicators) */

/** One extracted value cell, from doc.budget or from doc.indicators[].values. */
export interface Cell {
  from: 'budget' | 'indicator';
  tableId: string;
  line: number | null;
  label: string;
  path: string[];
  column: string;
  period: string | null;
  text: string;
  value: number | null;
  unit: string | null;
  valueTkr: number | null;
  page: number | null;
}

export function budgetCells(doc: Pick<CanonicalDocument, 'budget'>): Cell[] {
  return doc.budget.map((b) => ({
    from: 'budget', tableId: b.tableId, line: b.line, label: b.label, path: b.path, column: b.column, period: b.period, text: b.text,
    value: b.value, unit: b.unit, valueTkr: b.valueTkr, page: b.page,
  }));
}

export function indicatorCells(doc: Pick<CanonicalDocument, 'indicators'>): Cell[] {
  return doc.indicators.flatMap((i) => i.values.map((v): Cell => ({
    from: 'indicator', tableId: i.tableId, line: i.line, label: i.name, path: i.path, column: v.column, period: v.period, text: v.text,
    value: v.value, unit: v.unit, valueTkr: null, page: i.page,
  })));
}

/** What a gold cell asks for, budget and indicator gold alike. */
export interface CellSpec {
  labels: string[];
  column: string | null;
  period: string | null;
  text: string;
  value: number | null;
  valueApprox: number | null;
  unit: string | null;
  page: number | null;
  line: number | null;
}

export function budgetSpec(g: GoldBudget): CellSpec {
  const labels = [g.row, g.row_text, g.row_path?.[g.row_path.length - 1]].filter((s): s is string => !!s);
  return { labels, column: g.column ?? null, period: null, text: g.text, value: g.value, valueApprox: null, unit: g.unit ?? null, page: g.page ?? null, line: g.line ?? null };
}

export function indicatorSpec(g: GoldIndicator): CellSpec {
  return {
    labels: [g.indicator], column: g.column ?? null, period: g.period ?? null, text: g.text, value: g.value,
    valueApprox: g.value_approx ?? null, unit: g.unit ?? null, page: g.page ?? null, line: g.line ?? null,
  };
}

const MONEY_TO_TKR: Record<string, number> = { tkr: 1, mnkr: 1000, kr: 0.001 };

/** Number equality after the gold's normalisation; money compares in tkr when both sides know their unit. */
export function valueMatches(spec: CellSpec, c: Cell): boolean {
  if (spec.value == null) {
    if (spec.valueApprox != null && c.value != null && numbersEqual(spec.valueApprox, c.value)) return true;
    return c.value == null && labelKey(c.text) === labelKey(spec.text);
  }
  const factor = spec.unit ? MONEY_TO_TKR[spec.unit] : undefined;
  if (factor !== undefined && c.valueTkr != null && numbersEqual(c.valueTkr, spec.value * factor)) return true;
  if (c.value == null || !numbersEqual(c.value, spec.value)) return false;
  // Same number: fine unless both sides name different money units.
  return factor === undefined || c.unit == null || !(c.unit in MONEY_TO_TKR) || c.unit === spec.unit;
}

export const labelMatches = (spec: CellSpec, c: Cell) =>
  spec.labels.some((l) => labelsMatch(l, c.label) || (c.path.length > 0 && labelsMatch(l, c.path[c.path.length - 1])));

export function columnMatches(spec: CellSpec, c: Cell): boolean {
  if (spec.column && !columnsMatch(spec.column, c.column)) return false;
  if (spec.period && c.period && labelKey(spec.period) !== labelKey(c.period)) return false;
  return true;
}

export function cellMatches(spec: CellSpec, c: Cell): boolean {
  return pageOk(spec.page, c.page) && labelMatches(spec, c) && columnMatches(spec, c) && valueMatches(spec, c);
}

const showCell = (c: Cell) =>
  `"${c.label}" [${c.column}] ${c.value ?? JSON.stringify(c.text)}${c.unit ? ` ${c.unit}` : ''}${c.page != null ? ` p${c.page}` : ''}`;

/** What the extraction has near a missed gold cell. */
export function cellHint(spec: CellSpec, cells: Cell[], otherKind: Cell[], otherName: string, tables: TableLike[] = []): string {
  const other = otherKind.find((c) => cellMatches(spec, c));
  if (other) return `extracted as ${otherName}: ${showCell(other)}`;
  const onPage = cells.filter((c) => pageOk(spec.page, c.page));
  const sameLabel = onPage.filter((c) => labelMatches(spec, c));
  const sameLabelCol = sameLabel.filter((c) => columnMatches(spec, c));
  if (sameLabelCol.length) return `label+column found, other value: ${sameLabelCol.slice(0, 2).map(showCell).join('; ')}`;
  if (sameLabel.length) return `label found in columns: ${sameLabel.slice(0, 3).map(showCell).join('; ')}`;
  const sameValue = onPage.filter((c) => valueMatches(spec, c) && (spec.value != null || spec.valueApprox != null));
  if (sameValue.length) return `value found under: ${sameValue.slice(0, 3).map(showCell).join('; ')}`;
  const inTable = tableHint(spec, tables);
  const none = onPage.length ? `no such label/value near p${spec.page ?? '?'} (${onPage.length} cells there)` : `no record near p${spec.page ?? '?'}`;
  return inTable ? `${none}; ${inTable}` : none;
}

export interface TableLike { id: string; kind: string; page: number | null; pageEnd: number | null; rows: string[][] }

/** Where the gold cell's text sits in the raw extracted tables (on its row, when the label is there too). */
export function tableHint(spec: CellSpec, tables: TableLike[]): string | null {
  const want = labelKey(spec.text);
  if (!want) return null;
  const near = tables.filter((t) => pageOk(spec.page, t.page) || (spec.page != null && t.page != null && t.pageEnd != null && t.page <= spec.page && spec.page <= t.pageEnd));
  let loose: string | null = null;
  for (const t of near) {
    for (let r = 0; r < t.rows.length; r++) {
      const row = t.rows[r];
      const c = row.findIndex((x) => labelKey(x) === want || labelKey(x).includes(want) && want.length >= 3);
      if (c < 0) continue;
      const where = `text in ${t.id} (${t.kind}, p${t.page ?? '?'}) row ${r} col ${c}: ${JSON.stringify(row.join(' | ').slice(0, 100))}`;
      if (row.some((x) => spec.labels.some((l) => labelsMatch(l, x)))) return where;
      loose ??= where.replace('text in', 'text (other row) in');
    }
  }
  return loose ?? (near.length ? `not in the ${near.length} table(s) near p${spec.page}` : `no table near p${spec.page ?? '?'}`);
}

/** One-to-one greedy matching, preferring exact label and column equality among the candidates. */
export function recallCells(
  kind: 'budget' | 'indicators', specs: CellSpec[], describe: string[], groups: Array<string | null>,
  cells: Cell[], otherKind: Cell[], tables: TableLike[] = [],
): KindScore {
  const used = new Set<number>();
  const misses: Miss[] = [];
  const hits: number[] = [];
  let recalled = 0;
  specs.forEach((spec, i) => {
    let best = -1;
    let bestScore = -1;
    cells.forEach((c, k) => {
      if (used.has(k) || !cellMatches(spec, c)) return;
      const score = (spec.labels.some((l) => labelKey(l) === labelKey(c.label)) ? 2 : 0)
        + (spec.column && labelKey(spec.column) === labelKey(c.column) ? 1 : 0)
        + (spec.page != null && c.page === spec.page ? 1 : 0)
        // The gold's text line names the row exactly; strongest evidence among equal values.
        + (spec.line != null && c.line === spec.line ? 4 : 0);
      if (score > bestScore) { best = k; bestScore = score; }
    });
    if (best >= 0) { used.add(best); hits.push(best); recalled++; return; }
    misses.push({ kind, page: spec.page, line: spec.line, group: groups[i], gold: describe[i], hint: cellHint(spec, cells, otherKind, kind === 'budget' ? 'indicator' : 'budget', tables) });
  });
  return { kind, total: specs.length, recalled, recall: ratio(recalled, specs.length), misses, hits };
}

const describeBudget = (g: GoldBudget) =>
  `${g.row_path && g.row_path.length > 1 ? g.row_path.join(' > ') : g.row}${g.row_group ? ` (${g.row_group})` : ''} [${g.column ?? ''}] = ${JSON.stringify(g.text)}${g.unit ? ` ${g.unit}` : ''}`;
const describeIndicator = (g: GoldIndicator) =>
  `${g.group ? `${g.group} > ` : ''}${g.indicator} [${g.column ?? g.period ?? ''}] = ${JSON.stringify(g.text)}`;

type CellDoc = Pick<CanonicalDocument, 'budget' | 'indicators'> & { tables?: TableLike[] };

export function scoreBudget(gold: GoldBudget[], doc: CellDoc): KindScore {
  return recallCells('budget', gold.map(budgetSpec), gold.map(describeBudget), gold.map((g) => g.table ?? null),
    budgetCells(doc), indicatorCells(doc), doc.tables ?? []);
}

export function scoreIndicators(gold: GoldIndicator[], doc: CellDoc): KindScore {
  return recallCells('indicators', gold.map(indicatorSpec), gold.map(describeIndicator), gold.map((g) => g.table ?? null),
    indicatorCells(doc), budgetCells(doc), doc.tables ?? []);
}

/* ---------------------------------------------------------------- headings */

const where = (g: { page?: number | null; line?: number | null }) => ({ page: g.page ?? null, line: g.line ?? null });
const at = (g: { page?: number | null; line?: number | null }) => (g.line != null ? `l${g.line}` : `p${g.page ?? '?'}`);

export function scoreGoldHeadings(gold: GoldHeading[], doc: Pick<CanonicalDocument, 'sections'>): HeadingRecall {
  const used = new Set<number>();
  const misses: Miss[] = [];
  const hits: number[] = [];
  let recalled = 0;
  for (const h of gold) {
    const title = h.number ? `${h.number} ${h.title}` : h.title;
    let best = -1;
    let bestScore = -1;
    doc.sections.forEach((s, k) => {
      if (used.has(k)) return;
      const full = s.number ? `${s.number} ${s.title}` : s.title;
      if (!(labelsMatch(title, full, 8) || labelsMatch(h.title, s.title, 8))) return;
      const score = (labelKey(h.title) === labelKey(s.title) ? 2 : 0) + (h.page != null && s.page === h.page ? 1 : 0)
        + (h.line != null && s.line === h.line ? 2 : 0) + (h.level != null && s.level === h.level ? 1 : 0);
      if (score > bestScore) { best = k; bestScore = score; }
    });
    if (best >= 0) { used.add(best); hits.push(best); recalled++; continue; }
    const near = doc.sections.filter((s) => (h.line != null && s.line != null ? Math.abs(s.line - h.line) <= 3 : pageOk(h.page, s.page, 0)))
      .map((s) => JSON.stringify(s.title));
    misses.push({
      kind: 'headings', ...where(h), group: null, gold: `${h.level != null ? `L${h.level} ` : ''}${JSON.stringify(title)}`,
      hint: near.length ? `sections near ${at(h)}: ${near.slice(0, 4).join(', ')}` : `no section near ${at(h)}`,
    });
  }
  return {
    kind: 'headings', total: gold.length, recalled, recall: ratio(recalled, gold.length), misses, hits,
    found: doc.sections.length, precision: ratio(used.size, doc.sections.length),
  };
}

/* ---------------------------------------------------------------- activities and goals */

type ActivityRec = CanonicalDocument['activities'][number];

const asList = (d: string | string[] | null | undefined) => (d == null ? [] : Array.isArray(d) ? d : [d]);

/** The fields a gold activity states, compared with an extracted one: a list of disagreements. */
export function activityDisagreements(g: GoldActivity, a: ActivityRec): string[] {
  const out: string[] = [];
  const due = asList(g.due);
  if (due.length && !due.every((d) => a.due.includes(d) || labelKey(a.dueText ?? '').includes(labelKey(d)))) {
    out.push(`due ${JSON.stringify(due)} != ${JSON.stringify(a.due)}${a.dueText ? ` (${JSON.stringify(a.dueText)})` : ''}`);
  }
  if (g.responsible && !labelsMatch(g.responsible, a.responsible ?? '', 4)) {
    out.push(`responsible ${JSON.stringify(g.responsible)} != ${JSON.stringify(a.responsible)}`);
  }
  if (g.status) {
    if (a.status !== g.status) out.push(`status ${g.status} != ${a.status}`);
  } else if (g.status_text && labelKey(g.status_text) !== labelKey(a.statusText ?? '')) {
    out.push(`status text ${JSON.stringify(g.status_text)} != ${JSON.stringify(a.statusText)}`);
  }
  return out;
}

const activityLabelMatch = (g: GoldActivity, a: ActivityRec) =>
  labelsMatch(g.activity, a.activity, 15) || labelsMatch(g.activity, `${a.activity} ${a.description ?? ''}`, 15);

/** An activity matches when its text matches and every field the gold states (due, responsible, status) agrees. */
export function scoreActivities(gold: GoldActivity[], doc: Pick<CanonicalDocument, 'activities'>): KindScore {
  const used = new Set<number>();
  const misses: Miss[] = [];
  const hits: number[] = [];
  let recalled = 0;
  for (const g of gold) {
    const candidates = doc.activities.map((a, i) => i).filter((i) => !used.has(i) && activityLabelMatch(g, doc.activities[i]));
    candidates.sort((x, y) => Number(doc.activities[y].line === g.line) - Number(doc.activities[x].line === g.line));
    const k = candidates.find((i) => activityDisagreements(g, doc.activities[i]).length === 0) ?? -1;
    if (k >= 0) { used.add(k); hits.push(k); recalled++; continue; }
    const near = doc.activities.filter((a) => (g.line != null && a.line != null ? Math.abs(a.line - g.line) <= 5 : pageOk(g.page, a.page, 0)));
    const hint = candidates.length
      ? `found, but ${activityDisagreements(g, doc.activities[candidates[0]]).join('; ')}`
      : near.length ? `activities near ${at(g)}: ${near.slice(0, 2).map((a) => JSON.stringify(clip(a.activity, 40))).join(', ')}` : `no activity extracted near ${at(g)}`;
    misses.push({ kind: 'activities', ...where(g), group: g.table ?? null, gold: JSON.stringify(clip(g.activity, 90)), hint });
  }
  return { kind: 'activities', total: gold.length, recalled, recall: ratio(recalled, gold.length), misses, hits };
}

const ASSESSMENTS = new Set<string>(Assessment.options);

/** The assessment a gold item states, or null (icon-only goals: the gold gives no printed assessment). */
export const expectedAssessment = (g: GoldAssessment): string | null => g.assessment_norm ?? null;

export function assessmentAgrees(expected: string, goal: CanonicalDocument['goals'][number]): boolean {
  if (ASSESSMENTS.has(expected)) return goal.assessment === expected;
  return labelKey(goal.assessmentText ?? '').includes(labelKey(expected)) || labelKey(goal.text).includes(labelKey(expected));
}

export function scoreGoals(gold: GoldAssessment[], doc: Pick<CanonicalDocument, 'goals'>): { goals: KindScore; assessments: KindScore } {
  const used = new Set<number>();
  const gMiss: Miss[] = [];
  const aMiss: Miss[] = [];
  const gHits: number[] = [];
  const aHits: number[] = [];
  let found = 0;
  let agree = 0;
  let stated = 0;
  for (const g of gold) {
    const cands = doc.goals.map((x, i) => i).filter((i) => !used.has(i) && labelsMatch(g.goal, doc.goals[i].text, 12));
    cands.sort((x, y) => Number(doc.goals[y].line === g.line) - Number(doc.goals[x].line === g.line));
    const k = cands.length ? cands[0] : -1;
    const expected = expectedAssessment(g);
    if (expected) stated++;
    const desc = `${g.level ?? g.kind ?? 'goal'}: ${JSON.stringify(clip(g.goal, 90))}`;
    if (k < 0) {
      gMiss.push({ kind: 'goals', ...where(g), group: null, gold: desc, hint: goalHint(g, doc.goals) });
      if (expected) aMiss.push({ kind: 'assessments', ...where(g), group: null, gold: `${desc} => ${expected}`, hint: 'goal not found' });
      continue;
    }
    used.add(k);
    gHits.push(k);
    found++;
    if (!expected) continue;
    const x = doc.goals[k];
    if (assessmentAgrees(expected, x)) { agree++; aHits.push(k); }
    else aMiss.push({ kind: 'assessments', ...where(g), group: null, gold: `${desc} => ${expected}`, hint: `extracted ${x.assessment} (${JSON.stringify(x.assessmentText)})` });
  }
  return {
    goals: { kind: 'goals', total: gold.length, recalled: found, recall: ratio(found, gold.length), misses: gMiss, hits: gHits },
    assessments: { kind: 'assessments', total: stated, recalled: agree, recall: ratio(agree, stated), misses: aMiss, hits: aHits },
  };
}

export function scoreReal(gold: GoldFile, doc: CanonicalDocument): RealScore {
  const g = gold.gold;
  const { goals, assessments } = scoreGoals(g.assessments ?? [], doc);
  return {
    headings: scoreGoldHeadings(g.headings ?? [], doc),
    budget: scoreBudget(g.budget_values ?? [], doc),
    indicators: scoreIndicators(g.indicator_values ?? [], doc),
    activities: scoreActivities(g.activities ?? [], doc),
    goals,
    assessments,
  };
}

function goalHint(g: GoldAssessment, goals: CanonicalDocument['goals']): string {
  const near = goals.filter((x) => (g.line != null && x.line != null ? Math.abs(x.line - g.line) <= 5 : pageOk(g.page, x.page, 0)));
  return near.length ? `goals near ${at(g)}: ${near.slice(0, 2).map((x) => JSON.stringify(clip(x.text, 50))).join(', ')}` : `no goal extracted near ${at(g)}`;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

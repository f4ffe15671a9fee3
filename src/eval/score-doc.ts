/**
 * Precision and recall per record kind of one extracted document against its gold file
 * (GROBID style: per field, exact for numbers, normalised labels). Pure: gold + doc in, scores out.
 *
 * Recall = gold items found / gold items. Precision = extracted records that match a gold item /
 * extracted records in scope. The gold is partial, so a record is in scope only when the gold
 * covers where it stands:
 *   - every record of a kind listed in the gold file's `complete`;
 *   - otherwise a record in a table that holds a gold item of that kind (text sources: a gold
 *     `line` is one of the table's rows; any source: a record of that table matched gold);
 *   - a record outside tables (goals, headings) on a page the gold cites (PDF) or in a section
 *     holding a gold line (text);
 *   - budget and indicator records count only when they carry a number (value not null) or
 *     matched gold: the gold lists number cells, word cells are optional.
 */
import type { CanonicalDocument } from '../model/document.js';
import {
  budgetCells, indicatorCells, scoreActivities, scoreBudget, scoreGoals, scoreGoldHeadings, scoreIndicators,
  type Cell, type GoldFile, type KindScore, type Miss, type RecordKind,
} from './gold.js';

export const KINDS: readonly RecordKind[] = ['headings', 'budget', 'indicators', 'activities', 'goals', 'assessments'];

export interface KindPR {
  kind: RecordKind;
  /** Gold items of this kind. */
  gold: number;
  /** Gold items found. */
  recalled: number;
  /** Extracted records in scope (the precision denominator). */
  extracted: number;
  /** Extracted records in scope that matched a gold item. */
  correct: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  misses: Miss[];
  /** Extracted records in scope that matched nothing (false positives), described. */
  extras: string[];
}

export type DocScores = Record<RecordKind, KindPR>;

const ratio = (n: number, d: number) => (d ? n / d : null);
export const f1 = (p: number | null, r: number | null) => (p == null || r == null ? null : p + r ? (2 * p * r) / (p + r) : 0);

function pr(kind: RecordKind, s: KindScore, inScope: boolean[], describe: (i: number) => string): KindPR {
  const hits = new Set(s.hits ?? []);
  let extracted = 0;
  let correct = 0;
  const extras: string[] = [];
  inScope.forEach((ok, i) => {
    if (!ok && !hits.has(i)) return;
    extracted++;
    if (hits.has(i)) correct++;
    else extras.push(describe(i));
  });
  const precision = s.total ? ratio(correct, extracted) : null;
  return { kind, gold: s.total, recalled: s.recalled, extracted, correct, precision, recall: s.recall, f1: f1(precision, s.recall), misses: s.misses, extras };
}

type Located = { page?: number | null; line?: number | null };

/** Drops the locators a source cannot use: text lines for PDF/DOCX, pages for text and DOCX. */
export function goldFor(gold: GoldFile, format: string): GoldFile {
  const text = format === 'txt' || format === 'md';
  const pdf = format === 'pdf';
  const fix = <T extends Located>(x: T): T => ({ ...x, line: text ? x.line ?? null : null, page: pdf ? x.page ?? null : null });
  const g = gold.gold;
  return {
    ...gold,
    gold: {
      headings: (g.headings ?? []).map(fix), budget_values: (g.budget_values ?? []).map(fix),
      indicator_values: (g.indicator_values ?? []).map(fix), activities: (g.activities ?? []).map(fix),
      assessments: (g.assessments ?? []).map(fix),
    },
  };
}

interface Scope {
  complete: boolean;
  tables: Set<string>;
  pages: Set<number>;
  sections: Set<number>;
}

/** Index of the section a text line falls in (the last section starting at or before it), or -1. */
function sectionOfLine(doc: Pick<CanonicalDocument, 'sections'>, line: number | null): number {
  if (line == null) return -1;
  let best = -1;
  doc.sections.forEach((s, i) => { if (s.line != null && s.line <= line && (best < 0 || s.line >= doc.sections[best].line!)) best = i; });
  return best;
}

function scopeOf(
  doc: CanonicalDocument, complete: boolean, items: Located[],
  hitRecords: Array<{ tableId?: string | null; line?: number | null }>,
): Scope {
  const tables = new Set<string>();
  const pages = new Set<number>();
  const sections = new Set<number>();
  const lines = items.map((x) => x.line).filter((l): l is number => l != null);
  for (const x of items) if (x.page != null) pages.add(x.page);
  for (const t of doc.tables) if (t.rowLines.some((l) => l != null && lines.includes(l))) tables.add(t.id);
  for (const l of lines) sections.add(sectionOfLine(doc, l));
  for (const r of hitRecords) {
    if (r.tableId) tables.add(r.tableId);
    if (r.line != null) sections.add(sectionOfLine(doc, r.line));
  }
  sections.delete(-1);
  return { complete, tables, pages, sections };
}

function inScope(doc: CanonicalDocument, sc: Scope, r: { tableId?: string | null; page: number | null; line: number | null }): boolean {
  if (sc.complete) return true;
  if (r.tableId) return sc.tables.has(r.tableId) || (r.page != null && sc.pages.has(r.page));
  if (r.page != null && sc.pages.has(r.page)) return true;
  return r.line != null && sc.sections.has(sectionOfLine(doc, r.line));
}

const showCell = (c: Cell) => `${c.path.length > 1 ? c.path.join(' > ') : c.label} [${c.column}] = ${JSON.stringify(c.text)}${c.line != null ? ` l${c.line}` : c.page != null ? ` p${c.page}` : ''}`;
const loc = (r: { page: number | null; line: number | null }) => (r.line != null ? ` l${r.line}` : r.page != null ? ` p${r.page}` : '');

export function scoreDocument(goldIn: GoldFile, doc: CanonicalDocument): DocScores {
  const gold = goldFor(goldIn, doc.source.format);
  const g = gold.gold;
  const complete = new Set(gold.complete ?? []);
  const bCells = budgetCells(doc);
  const iCells = indicatorCells(doc);
  const budget = scoreBudget(g.budget_values ?? [], doc);
  const indicators = scoreIndicators(g.indicator_values ?? [], doc);
  const headings = scoreGoldHeadings(g.headings ?? [], doc);
  const activities = scoreActivities(g.activities ?? [], doc);
  const { goals, assessments } = scoreGoals(g.assessments ?? [], doc);

  const cellScope = (kind: RecordKind, s: KindScore, items: Located[], cells: Cell[]) => {
    const sc = scopeOf(doc, complete.has(kind), items, (s.hits ?? []).map((i) => cells[i]));
    return pr(kind, s, cells.map((c) => c.value != null && inScope(doc, sc, c)), (i) => showCell(cells[i]));
  };

  // Headings: text sources cover the lines from the first to the last gold heading; PDFs the cited pages.
  const hLines = (g.headings ?? []).map((h) => h.line).filter((l): l is number => l != null);
  const hPages = new Set((g.headings ?? []).map((h) => h.page).filter((p): p is number => p != null));
  const [lo, hi] = [Math.min(...hLines), Math.max(...hLines)];
  const headingIn = doc.sections.map((s) => complete.has('headings')
    || (s.page != null && hPages.has(s.page))
    || (s.line != null && hLines.length > 0 && s.line >= lo && s.line <= hi));

  const actScope = scopeOf(doc, complete.has('activities'), g.activities ?? [], (activities.hits ?? []).map((i) => doc.activities[i]));
  const goalScope = scopeOf(doc, complete.has('goals'), g.assessments ?? [], (goals.hits ?? []).map((i) => doc.goals[i]));
  const assessScope = { ...goalScope, complete: complete.has('assessments') || complete.has('goals') };
  const stated = new Set((g.assessments ?? []).filter((a) => a.assessment_norm).map((a) => a.goal));

  return {
    headings: pr('headings', headings, headingIn, (i) => `${JSON.stringify(doc.sections[i].title)}${loc(doc.sections[i])}`),
    budget: cellScope('budget', budget, g.budget_values ?? [], bCells),
    indicators: cellScope('indicators', indicators, g.indicator_values ?? [], iCells),
    activities: pr('activities', activities, doc.activities.map((a) => inScope(doc, actScope, a)),
      (i) => `${JSON.stringify(doc.activities[i].activity.slice(0, 80))}${loc(doc.activities[i])}`),
    goals: pr('goals', goals, doc.goals.map((x) => inScope(doc, goalScope, x)),
      (i) => `${JSON.stringify(doc.goals[i].text.slice(0, 80))}${loc(doc.goals[i])}`),
    // A goal states an assessment when it is not 'unknown'; scored only when the gold states some.
    assessments: pr('assessments', assessments,
      stated.size ? doc.goals.map((x) => x.assessment !== 'unknown' && inScope(doc, assessScope, x)) : doc.goals.map(() => false),
      (i) => `${JSON.stringify(doc.goals[i].text.slice(0, 60))} => ${doc.goals[i].assessment}${loc(doc.goals[i])}`),
  };
}

/** Sum of counts over documents (micro average), per kind. */
export function totalScores(all: DocScores[]): DocScores {
  const out = {} as DocScores;
  for (const kind of KINDS) {
    const rows = all.map((d) => d[kind]);
    const gold = rows.reduce((n, r) => n + r.gold, 0);
    const recalled = rows.reduce((n, r) => n + r.recalled, 0);
    const extracted = rows.reduce((n, r) => n + (r.gold ? r.extracted : 0), 0);
    const correct = rows.reduce((n, r) => n + (r.gold ? r.correct : 0), 0);
    const precision = gold ? ratio(correct, extracted) : null;
    const recall = ratio(recalled, gold);
    out[kind] = { kind, gold, recalled, extracted, correct, precision, recall, f1: f1(precision, recall), misses: [], extras: [] };
  }
  return out;
}

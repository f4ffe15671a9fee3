/**
 * Table scoring against ../shared/peer-suites expectations, after the idea of its score_tables.py:
 * per expected table the extracted table on the same page with the best content F1 is its match;
 * then content F1 (multiset of normalised non-empty cells), ICDAR-2013 adjacency F1, numeric
 * recall, and a row-aligned cell agreement (each expected row against its best extracted row,
 * column shift up to 3). Partial expectations (pdfplumber) score asserted rows/cells the same
 * row-wise way; count expectations compare table and row counts. Tabula expectations limited to
 * a page area (area_tlbr) are scored by recall only, since our tables are whole-page and carry no
 * coordinates to crop by. Pure functions.
 */
import { normPeer } from './text.js';

export interface PeerCell { row: number; col: number; text: string }
export interface PeerTable {
  page?: number | null;
  rows: string[][];
  partial?: boolean;
  row_index?: number[];
  cells?: PeerCell[];
  expect_table_count?: number;
  expect_row_counts?: number[];
  area_tlbr?: number[];
  kind?: string;
}
export interface PeerExpect { pdf: string; page?: number | null; tables: PeerTable[]; notes?: string }

export interface PredTable { page: number | null; pageEnd?: number | null; rows: string[][] }

export type PeerKind = 'full' | 'area' | 'partial' | 'counts';

export interface PeerTableScore {
  table: number;
  page: number | null;
  kind: PeerKind;
  /** An extracted table on the page shares at least one cell with it. */
  found: boolean;
  contentF1: number | null;
  adjacencyF1: number | null;
  numericRecall: number | null;
  /** Row-aligned share of expected non-empty cells found in place. */
  cellAgreement: number | null;
  /** partial / counts expectations: 0..1. */
  score: number | null;
  detail: string;
}

const NUM_RE = /^[([]?[-+\u25b3]?[$\u20ac\u00a3]?\d[\d.,]*%?[)\]]?$/;
export const isNumeric = (s: string) => NUM_RE.test(s);

export interface PRF { p: number; r: number; f: number }

export function prf(tp: number, nPred: number, nExp: number): PRF {
  const p = nPred ? tp / nPred : nExp === 0 ? 1 : 0;
  const r = nExp ? tp / nExp : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function multiset(xs: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

const size = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export const cellTexts = (rows: string[][]) => rows.flat().map(normPeer).filter(Boolean);

export function contentPRF(exp: string[][], pred: string[][]): PRF {
  const e = multiset(cellTexts(exp));
  const p = multiset(cellTexts(pred));
  return prf(overlap(e, p), size(p), size(e));
}

/** ICDAR 2013: each non-empty cell and its nearest non-empty neighbour right and below. */
export function relations(rows: string[][]): string[] {
  const g = rows.map((r) => r.map(normPeer));
  const out: string[] = [];
  g.forEach((r, i) => r.forEach((c, j) => {
    if (!c) return;
    for (let k = j + 1; k < r.length; k++) if (r[k]) { out.push(`${c}\u0000${r[k]}\u0000h`); break; }
    for (let k = i + 1; k < g.length; k++) if (j < g[k].length && g[k][j]) { out.push(`${c}\u0000${g[k][j]}\u0000v`); break; }
  }));
  return out;
}

export function adjacencyPRF(exp: string[][], pred: string[][]): PRF {
  const e = multiset(relations(exp));
  const p = multiset(relations(pred));
  return prf(overlap(e, p), size(p), size(e));
}

export function numericRecall(exp: string[][], pred: string[][]): number | null {
  const e = multiset(cellTexts(exp).filter(isNumeric));
  const n = size(e);
  if (!n) return null;
  return overlap(e, multiset(cellTexts(pred).filter(isNumeric))) / n;
}

/** Non-empty cells of one asserted row, by column (negative = from the end). */
type Group = Array<[number, string]>;

/** Best share of a group's cells found in one extracted row, allowing a column shift of up to 3. */
export function bestRowHit(group: Group, tables: string[][][]): number {
  if (!group.length) return 1;
  let best = 0;
  for (const rows of tables) for (const row of rows) {
    const pr = row.map(normPeer);
    for (let shift = -3; shift <= 3; shift++) {
      let hit = 0;
      for (const [col, txt] of group) {
        const cc = col >= 0 ? col + shift : pr.length + col + shift;
        if (cc >= 0 && cc < pr.length && pr[cc] === txt) hit++;
      }
      if (hit / group.length > best) best = hit / group.length;
      if (best === 1) return 1;
    }
  }
  return best;
}

const rowGroup = (row: string[]): Group =>
  row.map((c, j): [number, string] => [j, normPeer(c)]).filter(([, c]) => c !== '');

/** Row-aligned cell agreement: expected non-empty cells found in the best-matching extracted row. */
export function rowAlignedAgreement(exp: string[][], pred: string[][]): number | null {
  let total = 0;
  let hits = 0;
  for (const r of exp) {
    const g = rowGroup(r);
    if (!g.length) continue;
    total += g.length;
    hits += Math.round(bestRowHit(g, [pred]) * g.length);
  }
  return total ? hits / total : null;
}

export function onPage(t: PeerTable, preds: PredTable[]): PredTable[] {
  const page = t.page ?? null;
  if (page == null) return preds;
  return preds.filter((p) => p.page == null || (p.page <= page && page <= (p.pageEnd ?? p.page)));
}

export function scorePeerTable(t: PeerTable, index: number, preds: PredTable[]): PeerTableScore {
  const cands = onPage(t, preds);
  const page = t.page ?? null;
  const base = { table: index, page, contentF1: null, adjacencyF1: null, numericRecall: null, cellAgreement: null, score: null };
  if (t.expect_table_count !== undefined) {
    const rc = cands.map((p) => p.rows.length);
    const okCount = cands.length === t.expect_table_count;
    const okRows = !t.expect_row_counts || JSON.stringify(rc) === JSON.stringify(t.expect_row_counts);
    return {
      ...base, kind: 'counts', found: cands.length > 0, score: okCount && okRows ? 1 : 0,
      detail: `expected ${t.expect_table_count} tables rows=${JSON.stringify(t.expect_row_counts ?? [])}, got ${cands.length} rows=${JSON.stringify(rc)}`,
    };
  }
  if (t.partial) {
    const groups: Group[] = (t.rows ?? []).map(rowGroup);
    const byRow = new Map<number, Group>();
    for (const c of t.cells ?? []) {
      const txt = normPeer(c.text);
      if (!txt) continue;
      if (!byRow.has(c.row)) byRow.set(c.row, []);
      byRow.get(c.row)!.push([c.col, txt]);
    }
    groups.push(...byRow.values());
    const scores = groups.map((g) => bestRowHit(g, cands.map((p) => p.rows)));
    const s = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
    return { ...base, kind: 'partial', found: s > 0, score: s, cellAgreement: s, detail: `${groups.length} asserted rows, ${cands.length} candidate tables` };
  }
  const area = Array.isArray(t.area_tlbr);
  const kind: PeerKind = area ? 'area' : 'full';
  let best: { k: number; c: PRF } | null = null;
  cands.forEach((p, k) => {
    const c = contentPRF(t.rows, p.rows);
    const key = area ? c.r : c.f;
    if (!best || key > (area ? best.c.r : best.c.f)) best = { k, c };
  });
  const b = best as { k: number; c: PRF } | null;
  if (!b || b.c.r === 0) {
    return {
      ...base, kind, found: false, contentF1: 0, adjacencyF1: 0, cellAgreement: 0,
      numericRecall: numericRecall(t.rows, []) === null ? null : 0,
      detail: cands.length ? `${cands.length} tables on page, none shares a cell` : 'no extracted table on page',
    };
  }
  const p = cands[b.k].rows;
  const a = adjacencyPRF(t.rows, p);
  return {
    ...base, kind, found: true,
    contentF1: area ? b.c.r : b.c.f,
    adjacencyF1: area ? a.r : a.f,
    numericRecall: numericRecall(t.rows, p),
    cellAgreement: rowAlignedAgreement(t.rows, p),
    detail: `matched extracted table ${b.k + 1}/${cands.length} (${p.length} rows vs ${t.rows.length})${area ? '; area-limited: recall only' : ''}`,
  };
}

export function scorePeerPair(exp: PeerExpect, preds: PredTable[]): PeerTableScore[] {
  return exp.tables.map((t, i) => scorePeerTable(t, i, preds));
}

export interface SuiteSummary {
  suite: string;
  pairs: number;
  failed: number;
  /** full + area expectations */
  tables: number;
  found: number;
  contentF1: number | null;
  adjacencyF1: number | null;
  numericRecall: number | null;
  cellAgreement: number | null;
  partial: number;
  partialScore: number | null;
}

const mean = (xs: Array<number | null>) => {
  const v = xs.filter((x): x is number => x != null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

/** Macro means over a suite's expected tables; a pair whose PDF failed counts its tables as 0. */
export function summariseSuite(suite: string, pairs: Array<{ failed: boolean; scores: PeerTableScore[] }>): SuiteSummary {
  const all = pairs.flatMap((p) => p.scores);
  const full = all.filter((s) => s.kind === 'full' || s.kind === 'area');
  const part = all.filter((s) => s.kind === 'partial' || s.kind === 'counts');
  return {
    suite, pairs: pairs.length, failed: pairs.filter((p) => p.failed).length,
    tables: full.length, found: full.filter((s) => s.found).length,
    contentF1: mean(full.map((s) => s.contentF1)),
    adjacencyF1: mean(full.map((s) => s.adjacencyF1)),
    numericRecall: mean(full.map((s) => s.numericRecall)),
    cellAgreement: mean(full.map((s) => s.cellAgreement)),
    partial: part.length, partialScore: mean(part.map((s) => s.score)),
  };
}

/** Scores for a pair whose PDF could not be extracted: every expectation scores 0. */
export function failedPair(exp: PeerExpect): PeerTableScore[] {
  return scorePeerPair(exp, []).map((s) => ({ ...s, detail: 'extraction failed' }));
}

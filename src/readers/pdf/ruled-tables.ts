/**
 * Ruled grids: rules → grid → cells with spans → text assigned by run centre (pure).
 * A merged cell shows as a missing inner rule: no vertical rule on a cell's right edge means
 * the cell continues into its right neighbour; no horizontal rule on its bottom edge, into the
 * row below.
 */
import { sourceCell, type BBox, type SourceCell } from '../../model/index.js';
import { buildLines } from './group-lines.js';
import type { Rule, Run } from './types.js';

/** Rules whose positions differ by less than this many body em are one rule (double borders). */
export const RULE_SNAP_FACTOR = 0.3;
/** An edge counts as drawn when rules cover this share of it. */
export const EDGE_COVER_SHARE = 0.5;

export interface RuledTable {
  rows: SourceCell[][];
  bbox: BBox;
  runs: Set<Run>;
}

interface Seg { pos: number; a: number; b: number }

function mergeRules(rules: Rule[], snap: number): Seg[] {
  const sorted = rules.map((r) => ({ pos: r.pos, a: r.a, b: r.b })).sort((p, q) => p.pos - q.pos || p.a - q.a);
  const clusters: Seg[][] = [];
  for (const s of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && s.pos - last[0]!.pos <= snap) last.push(s);
    else clusters.push([s]);
  }
  const out: Seg[] = [];
  for (const c of clusters) {
    const pos = c.reduce((acc, s) => acc + s.pos, 0) / c.length;
    c.sort((p, q) => p.a - q.a);
    let cur: Seg | null = null;
    for (const s of c) {
      if (cur && s.a <= cur.b + snap) cur.b = Math.max(cur.b, s.b);
      else {
        if (cur) out.push(cur);
        cur = { pos, a: s.a, b: s.b };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function clusterPositions(values: number[], snap: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= snap) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** Find ruled grids with at least two columns and assign the runs inside them. */
export function findRuledTables(rules: readonly Rule[], runs: readonly Run[], bodySize: number): RuledTable[] {
  const snap = RULE_SNAP_FACTOR * bodySize;
  const hs = mergeRules(rules.filter((r) => r.dir === 'h'), snap);
  const vs = mergeRules(rules.filter((r) => r.dir === 'v'), snap);
  if (hs.length < 2 || vs.length < 2) return [];
  // Connected components of crossing/touching rules (union-find; rule counts are small).
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j]!;
      if (v.pos >= h.a - snap && v.pos <= h.b + snap && h.pos >= v.a - snap && h.pos <= v.b + snap) {
        parent[find(i)] = find(hs.length + j);
      }
    }
  }
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    if (i < hs.length) g.h.push(hs[i]!);
    else g.v.push(vs[i - hs.length]!);
    groups.set(root, g);
  }
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const t = buildGrid(g.h, g.v, runs, snap);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => a.bbox.t - b.bbox.t);
}

function buildGrid(h: Seg[], v: Seg[], runs: readonly Run[], snap: number): RuledTable | null {
  const xs = clusterPositions([...v.map((s) => s.pos), ...h.map((s) => s.a), ...h.map((s) => s.b)], snap);
  const ys = clusterPositions([...h.map((s) => s.pos), ...v.map((s) => s.a), ...v.map((s) => s.b)], snap);
  const nCols = xs.length - 1;
  const nRows = ys.length - 1;
  if (nCols < 2 || nRows < 1) return null;
  const covered = (segs: Seg[], pos: number, a: number, b: number): boolean => {
    let len = 0;
    for (const s of segs) {
      if (Math.abs(s.pos - pos) > snap) continue;
      len += Math.max(0, Math.min(b, s.b) - Math.max(a, s.a));
    }
    return len >= EDGE_COVER_SHARE * (b - a);
  };
  const rightOpen = (r: number, c: number): boolean => !covered(v, xs[c + 1]!, ys[r]!, ys[r + 1]!);
  const bottomOpen = (r: number, c: number): boolean => !covered(h, ys[r + 1]!, xs[c]!, xs[c + 1]!);

  // Runs inside the grid, by centre.
  const l = xs[0]!, r = xs[nCols]!, t = ys[0]!, b = ys[nRows]!;
  const inside = new Set<Run>();
  const cellRuns = new Map<number, Run[]>();
  for (const run of runs) {
    const cx = (run.x0 + run.x1) / 2;
    const cy = (run.top + run.bottom) / 2;
    if (cx < l || cx > r || cy < t || cy > b) continue;
    const col = indexIn(xs, cx);
    const row = indexIn(ys, cy);
    inside.add(run);
    const key = row * nCols + col;
    const list = cellRuns.get(key) ?? [];
    list.push(run);
    cellRuns.set(key, list);
  }
  if (inside.size === 0) return null;

  const owner = new Int32Array(nRows * nCols).fill(-1);
  const rows: SourceCell[][] = [];
  for (let ri = 0; ri < nRows; ri++) {
    const row: SourceCell[] = [];
    for (let ci = 0; ci < nCols; ci++) {
      if (owner[ri * nCols + ci]! >= 0) continue;
      let cs = 1;
      while (ci + cs < nCols && rightOpen(ri, ci + cs - 1) && owner[ri * nCols + ci + cs]! < 0) cs++;
      let rs = 1;
      while (ri + rs < nRows) {
        let open = true;
        for (let k = ci; k < ci + cs; k++) if (!bottomOpen(ri + rs - 1, k)) open = false;
        if (!open) break;
        rs++;
      }
      const mine: Run[] = [];
      for (let y = ri; y < ri + rs; y++) {
        for (let x = ci; x < ci + cs; x++) {
          owner[y * nCols + x] = ri * nCols + ci;
          mine.push(...(cellRuns.get(y * nCols + x) ?? []));
        }
      }
      row.push(
        sourceCell(cellText(mine), {
          colSpan: cs,
          rowSpan: rs,
          bold: mine.length > 0 && mine.every((m) => m.bold),
          bbox: { l: xs[ci]!, t: ys[ri]!, r: xs[ci + cs]!, b: ys[ri + rs]! },
        }),
      );
    }
    rows.push(row);
  }
  return { rows, bbox: { l, t, r, b }, runs: inside };
}

function indexIn(edges: number[], v: number): number {
  for (let i = 1; i < edges.length; i++) if (v <= edges[i]!) return i - 1;
  return edges.length - 2;
}

/** Words after which a line-end hyphen is a Swedish suspended compound ("Individ- och"). */
const SUSPENSION_WORDS = /^(och|eller|samt|respektive|resp\.?|till|som|&)\b/i;

/** Join the lines of one cell: a space between lines, none after a word-final hyphen. */
export function cellText(runs: readonly Run[]): string {
  if (runs.length === 0) return '';
  const lines = buildLines(runs).map((ln) => ln.text.trim()).filter((s) => s.length > 0);
  let text = '';
  for (const ln of lines) {
    if (text === '') text = ln;
    // Word tables keep a line-end hyphen as printed ("Arbets-ledare", "2016-12-31").
    // Only a hyphen attached to a letter joins: "Synpunkt -" / "återkoppling" keeps its space.
    else if (/[\p{L}\d]-$/u.test(text) && !SUSPENSION_WORDS.test(ln)) text += ln;
    else text += ' ' + ln;
  }
  return text.replace(/[\u00AD¬]/g, '').replace(/\s+/g, ' ').trim();
}

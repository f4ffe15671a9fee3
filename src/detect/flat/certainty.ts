/**
 * Carries each flattened cell's certainty onto the typed records read from it. The classifiers
 * see a flat table as any other grid of strings; afterwards each budget or indicator value is
 * traced back to its cell (table, row, column) and takes that cell's certainty. Records from
 * tab-separated or PDF-positioned tables have none: their grid was printed, not recovered.
 * Unresolved cells are empty in the grid, so they never become records; their warning keeps
 * the printed text.
 */
import type { CanonicalDocument, Table } from '../../model/document.js';
import { columnLabels } from '../../classify/header.js';
import type { FlatDetection } from './detect.js';
import type { Certainty } from './recover.js';

export interface RecordCertainty {
  /** Per doc.budget record: the certainty of its cell, null when not from a flat table. */
  budget: Array<Certainty | null>;
  /** Per doc.indicators record, per value. */
  indicators: Array<Array<Certainty | null>>;
}

type Doc = Pick<CanonicalDocument, 'tables' | 'budget' | 'indicators'>;

export function recordCertainty(doc: Doc, found: readonly FlatDetection[]): RecordCertainty {
  const cellOf = cellCertainty(doc.tables, found);
  return {
    budget: doc.budget.map((r) => cellOf(r.tableId, r.row, r.column, r.text)),
    indicators: doc.indicators.map((i) => i.values.map((v) => cellOf(i.tableId, i.row, v.column, v.text))),
  };
}

/** The same records with `certainty` set on every value read from a flat table. */
export function markCertainty<D extends Doc>(doc: D, found: readonly FlatDetection[]): D {
  const c = recordCertainty(doc, found);
  return {
    ...doc,
    budget: doc.budget.map((r, k) => withCertainty(r, c.budget[k])),
    indicators: doc.indicators.map((ind, k) => ({ ...ind, values: ind.values.map((v, j) => withCertainty(v, c.indicators[k][j])) })),
  };
}

function withCertainty<R extends object>(r: R, c: Certainty | null): R {
  // An unresolved cell is left empty in the grid, so no record can come from one.
  return c === 'certain' || c === 'inferred' ? { ...r, certainty: c } : r;
}

/** Looks a cell up by table id, row, column label and text. */
function cellCertainty(
  tables: readonly Table[], found: readonly FlatDetection[],
): (tableId: string, row: number, column: string, text: string) => Certainty | null {
  const byId = new Map<string, { table: Table; flat: FlatDetection; labels: string[] }>();
  for (const t of tables) {
    const flat = found.find((f) => sameGrid(f, t));
    if (flat) byId.set(t.id, { table: t, flat, labels: columnLabels(t.rows, t.headerRows) });
  }
  return (tableId, row, column, text) => {
    const hit = byId.get(tableId);
    if (!hit) return null;
    const r = hit.flat.flat.rows[row - hit.table.headerRows];
    if (!r?.cells) return null;
    const cols = hit.labels.flatMap((l, c) => (c > 0 && l === column ? [c] : []));
    const c = cols.find((k) => (hit.table.rows[row][k] ?? '').trim() === text.trim()) ?? cols[0];
    return c === undefined ? null : r.cells[c - 1]?.certainty ?? null;
  };
}

function sameGrid(f: FlatDetection, t: Table): boolean {
  const d = f.table;
  return d.page === t.page && d.line === t.line && d.rows.length === t.rows.length
    && d.rows.every((row, k) => row.length === t.rows[k].length && row.every((x, j) => x === t.rows[k][j]));
}

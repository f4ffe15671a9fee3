/**
 * Scoring against ../shared/fixtures truth.json (an independent rendering of the same report):
 * heading precision/recall and table-cell agreement. Cells compare after whitespace and
 * Unicode compatibility normalisation (NFKC turns "barn³" into "barn3", as the renderer prints it).
 */
import type { CanonicalDocument } from '../model/document.js';

export interface TruthTable { index: number; caption: string | null; header_rows: number; rows: string[][]; source_line?: number; pdf_pages?: number[] }
export interface TruthHeading { text: string; level: number; pdf_page: number | null; source_line?: number }
export interface Truth { headings: TruthHeading[]; tables: TruthTable[]; page_header?: string | null; page_footer?: string | null }

export const normCell = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
/** Case, trailing punctuation and the full stop after a section number ("3. X" = "3 X") do not count. */
const normHeading = (s: string) => normCell(s).toLocaleLowerCase('sv').replace(/[.:]+$/, '').replace(/^(\d+(?:\.\d+)*)\.\s/, '$1 ');

export interface TableMatch { truthIndex: number; tableId: string | null; cells: number; agreeing: number }

export function cellAgreement(truth: string[][], got: string[][]): number {
  let agree = 0;
  truth.forEach((row, r) => row.forEach((c, k) => { if (normCell(got[r]?.[k] ?? '\u0000') === normCell(c)) agree++; }));
  return agree;
}

/** Each truth table is matched to the extracted table that agrees with it most (each used once). */
export function matchTables(truth: TruthTable[], doc: CanonicalDocument): TableMatch[] {
  const used = new Set<string>();
  return truth.map((t) => {
    const cells = t.rows.reduce((n, r) => n + r.length, 0);
    let best: TableMatch = { truthIndex: t.index, tableId: null, cells, agreeing: 0 };
    for (const x of doc.tables) {
      if (used.has(x.id)) continue;
      const a = cellAgreement(t.rows, x.rows);
      if (a > best.agreeing) best = { truthIndex: t.index, tableId: x.id, cells, agreeing: a };
    }
    if (best.tableId) used.add(best.tableId);
    return best;
  });
}

export interface HeadingScore { truth: number; found: number; matched: number; precision: number; recall: number; missed: string[] }

export function scoreHeadings(truth: TruthHeading[], doc: CanonicalDocument): HeadingScore {
  const got = doc.sections.map((s) => normHeading(`${s.number ? `${s.number} ` : ''}${s.title}`));
  const gotBare = doc.sections.map((s) => normHeading(s.title));
  const pool = new Map<string, number>();
  for (const g of [...got]) pool.set(g, (pool.get(g) ?? 0) + 1);
  const bare = new Map<string, number>();
  for (const g of gotBare) bare.set(g, (bare.get(g) ?? 0) + 1);
  let matched = 0;
  const missed: string[] = [];
  for (const h of truth) {
    const k = normHeading(h.text);
    if ((pool.get(k) ?? 0) > 0) { pool.set(k, pool.get(k)! - 1); matched++; }
    else if ((bare.get(k) ?? 0) > 0) { bare.set(k, bare.get(k)! - 1); matched++; }
    else missed.push(h.text);
  }
  return {
    truth: truth.length, found: doc.sections.length, matched,
    precision: doc.sections.length ? matched / doc.sections.length : 0,
    recall: truth.length ? matched / truth.length : 1,
    missed,
  };
}

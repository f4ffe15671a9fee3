import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceDoc, TableBlock } from '../../../src/model/index.js';

/** The project's own copies (fixtures/<name>/ and fixtures/real/) of ../shared's fixtures and real PDFs. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');
export const REAL = path.join(FIXTURES, 'real');

export interface TruthTable {
  index: number;
  caption: string;
  header_rows: number;
  rows: string[][];
  pdf_pages: number[];
  merged: Array<{ row: number; col: number; rowspan: number; colspan: number }>;
}
export interface Truth {
  headings: Array<{ text: string; level: number; pdf_page: number | null }>;
  tables: TruthTable[];
  page_header: string | null;
  page_footer: string | null;
  pdf_page_count: number;
}

export function readTruth(name: string): Truth {
  return JSON.parse(readFileSync(path.join(FIXTURES, name, 'truth.json'), 'utf8')) as Truth;
}

export const norm = (s: string): string => s.replace(/[\s\u00A0]+/g, ' ').trim();

/** Merged cells expanded: text in the top-left cell, '' in the cells it covers. */
export function expand(t: TableBlock): string[][] {
  const grid: string[][] = [];
  t.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += cell.colSpan;
    }
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
}

/** Share of truth cells equal (whitespace-normalised) to the cell at the same position. */
export function agreement(truth: string[][], got: string[][]): { equal: number; total: number } {
  let equal = 0;
  let total = 0;
  truth.forEach((row, r) => row.forEach((cell, c) => {
    total++;
    if (norm(got[r]?.[c] ?? '\u0000') === norm(cell)) equal++;
  }));
  return { equal, total };
}

/** The table block that best matches a truth table (on its pages, most equal cells). */
export function bestMatch(doc: SourceDoc, t: TruthTable): { block: TableBlock | null; equal: number; total: number } {
  let best: { block: TableBlock | null; equal: number; total: number } = { block: null, equal: -1, total: 0 };
  for (const b of doc.blocks) {
    if (b.kind !== 'table' || b.page === null) continue;
    const end = b.pageEnd ?? b.page;
    if (!t.pdf_pages.some((p) => p >= b.page! && p <= end)) continue;
    const a = agreement(t.rows, expand(b));
    if (a.equal > best.equal) best = { block: b, ...a };
  }
  if (best.block === null) best = { block: null, equal: 0, total: t.rows.flat().length };
  return best;
}

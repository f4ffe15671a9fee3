/**
 * Column headers of a table as one label per column.
 *
 * Multi-level headers print an upper cell once above the columns it spans, leaving the
 * cells to its right blank (Ale's "Innevarande år / Perioden / Utfall"). Filling blank
 * upper cells from the left restores the span before joining the levels with " / ".
 */
import { stripEmphasis } from '../normalize/markup.js';

/** Header rows, or the first row when the table declares none but has a body. */
export function headerRowCount(rows: string[][], headerRows: number): number {
  return headerRows > 0 || rows.length < 2 ? headerRows : 1;
}

export function columnLabels(rows: string[][], headerRows: number): string[] {
  const count = headerRowCount(rows, headerRows);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const levels = rows.slice(0, count).map((row, level) => {
    const cells = Array.from({ length: width }, (_, c) => stripEmphasis(row[c] ?? ''));
    // Only upper levels span; the lowest level names each column on its own.
    return level < count - 1 ? fillFromLeft(cells) : cells;
  });
  return Array.from({ length: width }, (_, c) =>
    levels.map((cells) => cells[c]).filter((t) => t !== '').join(' / '),
  );
}

function fillFromLeft(cells: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  cells.forEach((cell, c) => {
    // The corner column never inherits: its blank is the row-label column's own header.
    if (c === 0) carry = '';
    else if (cell !== '') carry = cell;
    out.push(c === 0 ? cell : carry);
  });
  return out;
}

/** All header cells flattened, first row first (for unit and kind detection). */
export function headerCells(rows: string[][], headerRows: number): string[] {
  return rows.slice(0, headerRowCount(rows, headerRows)).flat().map(stripEmphasis);
}

/** Body rows with their index into `rows`. */
export function bodyRows(rows: string[][], headerRows: number): Array<{ index: number; cells: string[] }> {
  const start = headerRowCount(rows, headerRows);
  return rows.slice(start).map((cells, i) => ({ index: start + i, cells }));
}

/** Rows drawn as rules in plain text ("-----\t--\t---"): layout, not data. */
export function isRuleRow(cells: string[]): boolean {
  return cells.some((c) => c.trim() !== '') && cells.every((c) => /^[\s\-–—=_|:]*$/.test(c));
}

/**
 * Grid clean-up shared by every table source: rectangular rows, header rows, wrapped cells.
 * Input rows are raw cell texts; output is the canonical grid (header rows first).
 */
import type { TableBlock } from '../model/source-doc.js';
import { isEmpty, isSeparatorCell, looksLikeYear, looksNumeric, normalizeSpace } from './cell-shape.js';

export interface GridRow {
  cells: string[];
  line: number | null;
  bold: boolean;
  /** Source blocks this row was read from (for provenance and to keep them out of sections). */
  blocks?: number[];
}

/** Words that open a header cell rather than a data label ("tkr", "Belopp i tkr", "Titel" …). */
const HEADER_LEAD = /^(tkr|mnkr|mkr|kr|belopp|titel|aktivitet|mått|indikator|nyckeltal|verksamhet|typ|åtgärd|uppdrag|status)\b/i;

export function isSeparatorRow(cells: string[]): boolean {
  return cells.some((c) => isSeparatorCell(c)) && cells.every((c) => isEmpty(c) || isSeparatorCell(c));
}

/** Pad to the widest row, then drop columns that are empty in every row. */
export function rectangularize(rows: GridRow[]): GridRow[] {
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const padded = rows.map((r) => ({ ...r, cells: [...r.cells, ...Array(width - r.cells.length).fill('')] }));
  const keep = [...Array(width).keys()].filter((c) => padded.some((r) => !isEmpty(r.cells[c])));
  return padded.map((r) => ({ ...r, cells: keep.map((c) => normalizeSpace(r.cells[c])) }));
}

function filledCount(cells: string[]): number {
  return cells.filter((c) => !isEmpty(c)).length;
}

function hasValue(cells: string[]): boolean {
  return cells.slice(1).some((c) => looksNumeric(c) && !looksLikeYear(c));
}

/**
 * Header rows: the first row, then rows that carry no values and read as header continuations:
 * an empty or unit-word first cell (two-level headers: "" | Perioden | … over "" | Utfall | …),
 * or following a one-cell title row ("Arbete och socialtjänst" over "tkr | Utfall 2015 | …").
 */
export function countHeaderRows(rows: GridRow[]): number {
  if (rows.length < 2) return rows.length;
  let n = 1;
  while (n < rows.length - 1) {
    const r = rows[n].cells;
    if (hasValue(r) || filledCount(r) < 2) break;
    const prevTitle = filledCount(rows[n - 1].cells) === 1;
    if (!(isEmpty(r[0]) || HEADER_LEAD.test(r[0]) || prevTitle)) break;
    n++;
  }
  return n;
}

/**
 * Wrapped cells: a line that continues cells of the row above (first cell empty, no value),
 * as in Hjo's aktivitetsplan where a description runs on to the next line, or Alingsås's
 * header "Månadsavlönad" / "Sysselsättningsgrad (snitt)". A lone first-cell line right under
 * a header ending in ':' continues it ("Indikator:" / "SCB:s medborgarundersökning").
 * A row repeating the header (a table that went on over a page break) is dropped.
 */
export function mergeContinuations(rows: GridRow[], headerRows: number): GridRow[] {
  const out: GridRow[] = [];
  const header = rows[0]?.cells.join('\t');
  rows.forEach((row, i) => {
    const prev = out[out.length - 1];
    const cells = row.cells;
    if (i < headerRows || !prev) { out.push({ ...row, cells: [...cells] }); return; }
    if (headerRows > 0 && cells.join('\t') === header) return;
    if (isEmpty(cells[0]) && !hasValue(cells) && filledCount(cells) > 0) {
      appendCells(prev, row);
      return;
    }
    if (i === headerRows && headerRows === 1 && !row.bold && filledCount(cells) === 1
      && !isEmpty(cells[0]) && /:$/.test(prev.cells[0].trim())) {
      appendCells(prev, { ...row, cells: cells.map((c, k) => (k === 0 ? c : '')) });
      return;
    }
    out.push({ ...row, cells: [...cells] });
  });
  return out;
}

function appendCells(into: GridRow, row: GridRow): void {
  into.cells = into.cells.map((c, k) => (isEmpty(row.cells[k]) ? c : normalizeSpace(`${c} ${row.cells[k]}`)));
  into.blocks = [...(into.blocks ?? []), ...(row.blocks ?? [])];
}

/**
 * A row holding only values and no label (Mölndal line 337: a lone "85") is a cell that slid
 * off its row. It goes where its positions are free: the row above, else the row below.
 * Returns the rows and the line numbers of rows moved, so the caller can warn.
 */
export function placeStrayValues(rows: GridRow[], headerRows: number): { rows: GridRow[]; moved: (number | null)[] } {
  const out = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  const moved: (number | null)[] = [];
  for (let i = out.length - 1; i >= headerRows; i--) {
    const r = out[i];
    const filled = r.cells.map((c, k) => (isEmpty(c) ? -1 : k)).filter((k) => k >= 0);
    if (!isEmpty(r.cells[0]) || filled.length === 0 || !filled.every((k) => looksNumeric(r.cells[k]))) continue;
    const fits = (t?: GridRow) => t !== undefined && !isEmpty(t.cells[0]) && filled.every((k) => isEmpty(t.cells[k]));
    const target = fits(out[i - 1]) && i - 1 >= headerRows ? out[i - 1] : fits(out[i + 1]) ? out[i + 1] : null;
    if (!target) continue;
    for (const k of filled) target.cells[k] = r.cells[k];
    target.blocks = [...(target.blocks ?? []), ...(r.blocks ?? [])];
    moved.push(r.line);
    out.splice(i, 1);
  }
  return { rows: out, moved };
}

/** Expand a declared grid (Word, ruled PDF) into rows, text at the top-left of a merge. */
export function expandSpans(block: TableBlock): GridRow[] {
  const grid: (string | undefined)[][] = [];
  const bold: boolean[] = [];
  block.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += cell.colSpan;
    }
    bold[r] = row.length > 0 && row.every((cell) => cell.bold || isEmpty(cell.text));
  });
  return grid.map((cells, r) => ({
    cells: Array.from(cells, (c) => c ?? ''),
    line: null,
    bold: bold[r] ?? false,
  }));
}

/**
 * Table detection: runs of tab-separated lines (text sources) and declared grids
 * (TableBlocks from DOCX and PDF readers) → DetectedTable with rows, header rows and caption.
 */
import type { Block, LineBlock } from '../model/source-doc.js';
import { warning, type Diagnostic } from '../model/diagnostic.js';
import { isEmpty, looksNumeric } from './cell-shape.js';
import {
  countHeaderRows, expandSpans, isSeparatorRow, mergeContinuations, placeStrayValues, rectangularize, type GridRow,
} from './grid.js';

export interface DetectedTable {
  /** Blocks whose content is inside the table (not sections, not paragraphs). */
  blockIndices: number[];
  rows: string[][];
  rowLines: (number | null)[];
  headerRows: number;
  caption: string | null;
  page: number | null;
  pageEnd: number | null;
  line: number | null;
}

/** Blank lines a table may contain and still go on (Hjo's aktivitetsplan has one). */
const MAX_INNER_GAP = 1;
/** A caption is the line just before a table, at most this many blank lines above it. */
const MAX_CAPTION_GAP = 2;
const MAX_CAPTION_CHARS = 160;
/** Report tables run to hundreds of rows at most; a longer tab block is a data dump. */
const MAX_TABLE_ROWS = 5000;

export function detectTables(blocks: Block[], skip: Set<number>): { tables: DetectedTable[]; diagnostics: Diagnostic[] } {
  const tables: DetectedTable[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    if (skip.has(i)) { i++; continue; }
    if (b.kind === 'table') {
      const rows = rectangularize(expandSpans(b));
      if (rows.length > 0) {
        // Word marks header rows in bold; in PDFs bold also marks group rows under the header.
        const bold = b.origin === 'docx' ? leadingBoldRows(rows) : null;
        const headerRows = b.declaredHeaderRows ?? bold ?? countHeaderRows(rows);
        tables.push(finish([i], rows, headerRows, captionBefore(blocks, i, skip), b.page, b.pageEnd, b.line));
      }
      i++;
      continue;
    }
    if (!b.cells) { i++; continue; }
    const run = collectRun(blocks, i, skip);
    if (run.rows.length > MAX_TABLE_ROWS) {
      diagnostics.push(warning('table:truncated', `a table of ${run.rows.length} rows at line ${run.rows[0].line} is longer than any report table; only its first ${MAX_TABLE_ROWS} rows are read`, { line: run.rows[0].line }));
      run.rows.length = MAX_TABLE_ROWS;
    }
    for (const part of splitAtTitleRows(run.rows, run.indices)) {
      const rows = rectangularize(part.rows);
      if (rows.length < 2 || rows[0].cells.length < 2) {
        diagnostics.push(warning('table:too-small', `tab-separated block of ${rows.length} row(s) at line ${part.rows[0]?.line} is not read as a table`, { line: part.rows[0]?.line ?? null }));
        continue;
      }
      const caption = part.title ?? captionBefore(blocks, part.indices[0], skip);
      const headerRows = countHeaderRows(rows);
      const stray = placeStrayValues(rows, headerRows);
      for (const line of stray.moved) {
        diagnostics.push(warning('table:stray-cells', `a row of values without a label at line ${line} was joined to the neighbouring row with free cells`, { line }));
      }
      const merged = mergeContinuations(stray.rows, headerRows);
      tables.push(finish(part.indices, merged, headerRows, caption, null, null, part.rows[0].line));
    }
    i = run.end;
  }
  return { tables, diagnostics };
}

/** Word-template tables mark the header by bold cells; a leading run of bold rows is the header. */
function leadingBoldRows(rows: GridRow[]): number | null {
  let n = 0;
  while (n < rows.length - 1 && rows[n].bold && rows[n].cells.some((c) => !isEmpty(c))
    && !rows[n].cells.slice(1).some((c) => looksNumeric(c) && !/^(19|20)\d{2}$/.test(c.trim()))) n++;
  return n > 0 ? n : null;
}

function finish(
  indices: number[], rows: GridRow[], headerRows: number, caption: string | null,
  page: number | null, pageEnd: number | null, line: number | null,
): DetectedTable {
  return {
    blockIndices: indices,
    rows: rows.map((r) => r.cells),
    rowLines: rows.map((r) => r.line),
    headerRows: Math.min(headerRows, rows.length),
    caption,
    page,
    pageEnd: pageEnd ?? page,
    line,
  };
}

interface Run { rows: GridRow[]; indices: number[]; end: number }

/** Consecutive tab lines; a blank line ends the run unless the next row has the same width. */
function collectRun(blocks: Block[], start: number, skip: Set<number>): Run {
  const first = blocks[start] as LineBlock;
  const width = first.cells!.length;
  const rows: GridRow[] = [];
  const indices: number[] = [];
  let j = start;
  for (; j < blocks.length; j++) {
    const b = blocks[j];
    if (skip.has(j) || b.kind !== 'line' || !b.cells) break;
    if (j > start && b.gapBefore > 0 && (b.gapBefore > MAX_INNER_GAP || b.cells.length !== width)) break;
    indices.push(j);
    if (isSeparatorRow(b.cells)) continue;
    rows.push({ cells: b.cells, line: b.line, bold: b.bold, blocks: [j] });
  }
  return { rows, indices, end: j };
}

interface Part { rows: GridRow[]; indices: number[]; title: string | null }

/**
 * Mölndal prints RESULTATRÄKNING, DRIFTREDOVISNING and INVESTERINGSREDOVISNING as one tab
 * block with an upper-case title row before each header: split there, title as caption.
 */
function splitAtTitleRows(rows: GridRow[], indices: number[]): Part[] {
  const parts: Part[] = [];
  let cur: Part = { rows: [], indices: [], title: null };
  rows.forEach((row, k) => {
    const next = rows[k + 1];
    if (isTitleRow(row) && next && isHeaderLike(next)) {
      if (cur.rows.length > 0) parts.push(cur);
      cur = { rows: [], indices: [...(row.blocks ?? [])], title: row.cells.find((c) => !isEmpty(c))!.trim() };
      return;
    }
    cur.rows.push(row);
    cur.indices.push(...(row.blocks ?? []));
  });
  if (cur.rows.length > 0) parts.push(cur);
  // Separator rows (and rows cut from an over-long table) belong to no row; give each to the
  // part it sits in: the first part that reaches beyond it, else the last. Parts are in order.
  const all = new Set(parts.flatMap((p) => p.indices));
  const ends = parts.map((p) => p.indices[p.indices.length - 1] ?? -1);
  let k = 0;
  for (const ix of indices) {
    if (all.has(ix)) continue;
    while (k < parts.length - 1 && ends[k] < ix) k++;
    parts[k]?.indices.push(ix);
  }
  for (const p of parts) p.indices.sort((x, y) => x - y);
  return parts;
}

function isTitleRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => !isEmpty(c));
  if (filled.length !== 1 || !isEmpty(row.cells.slice(1).join(''))) return false;
  const t = filled[0].trim();
  return /\p{L}{3}/u.test(t) && t === t.toLocaleUpperCase('sv');
}

function isHeaderLike(row: GridRow): boolean {
  const filled = row.cells.filter((c) => !isEmpty(c));
  return filled.length >= 2 && !row.cells.slice(1).some((c) => looksNumeric(c) && !/^(19|20)\d{2}$/.test(c.trim()));
}

function captionBefore(blocks: Block[], first: number, skip: Set<number>): string | null {
  const firstBlock = blocks[first];
  const prev = blocks[first - 1];
  if (!prev || prev.kind !== 'line' || prev.cells || skip.has(first - 1)) return null;
  if (firstBlock.kind === 'line' && firstBlock.gapBefore > MAX_CAPTION_GAP) return null;
  const t = prev.text.trim();
  return t.length <= MAX_CAPTION_CHARS ? t : null;
}

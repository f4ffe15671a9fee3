/**
 * Header-led tables (pure): a row of known column headers over rows whose text stands under the
 * first column or spans the table.
 *
 * Stratsys exports (used by many Swedish municipalities) print aktivitetsplaner and goal
 * assessments as Word tables whose Status, Färdiggrad and Bedömning cells are images. The text
 * layer then holds the bold header row ("Aktivitet | Status | Färdiggrad", "Nämndmål |
 * Bedömning") and the first column only: bold goal rows across the table, activity texts
 * wrapped over several lines, and a "Kommentar:" row after each activity. No line below the
 * header has a second cell, so the aligned-column finder sees no table; the header says where
 * the columns are instead.
 *
 * Rows part where the space between lines is a row gap: Word pads table cells, so two rows sit
 * several times further apart than two lines of one cell (Simrishamn: 6 pt against 0.5 pt).
 * A gap that is neither (prose below the table, set at its own line spacing), a line outside
 * the first column, another size or a new header row ends the table. A table that reaches the
 * bottom of its page leaves its shape (TableShape) for the next page, whose first lines may
 * continue it without repeating the header.
 */
import type { Line, Segment } from '../types.js';
import { joinWrapped } from './merge-rows.js';

/** Header cells of goal and activity follow-ups (Stratsys and like exports). */
const COLUMN_HEADER =
  /^(?:aktivitet(?:er)?|åtgärd(?:er)?|uppdrag|insats(?:er)?|kontrollmoment|(?:nämnd|verksamhets|fullmäktige|inriktnings|effekt|resultat|förvaltnings)?mål|strategiskt mål|prioriterat mål|status|färdiggrad|bedömning|måluppfyllelse|uppfyllelse|trend|kommentar|ansvarig|ansvar|slutdatum|startdatum|datum|tidplan|klart senast)$/iu;
/** The first column names what each row is: an activity, a task or a goal. */
const TEXT_COLUMN_HEADER =
  /^(?:aktivitet(?:er)?|åtgärd(?:er)?|uppdrag|insats(?:er)?|kontrollmoment|(?:nämnd|verksamhets|fullmäktige|inriktnings|effekt|resultat|förvaltnings)?mål|strategiskt mål|prioriterat mål)$/iu;

/** Rows of a padded table sit at least this many em apart; closer, gaps cannot tell rows from wraps. */
export const PADDED_ROW_GAP_FACTOR = 0.3;
/** A gap within this share of the row gap either way is a row gap. */
export const ROW_GAP_TOLERANCE = 0.4;
/** A wrap inside a cell is at most this many times the widest wrap seen (line spacing is fixed). */
export const WRAP_GAP_RATIO = 2;
/** ...or this many em more than it, for wraps well under a point. */
export const WRAP_GAP_SLACK_FACTOR = 0.05;
/** Before any wrap is seen, a wrap is at most this share of the row gap. */
export const FIRST_WRAP_SHARE = 0.3;
/** A row's text starts at most this many em left of the first header cell (cell padding)... */
export const LEFT_SLACK_FACTOR = 0.2;
/** ...and at most this many em right of it (indented lines inside a cell). */
export const INDENT_MAX_FACTOR = 2;
/** A cell in a later column starts at most this many em left of its header (centred words). */
export const COLUMN_SLACK_FACTOR = 1;
/** A line spans into a later column when it runs this many em past the column's header start. */
export const SPAN_OVERLAP_FACTOR = 0.5;
/** Font sizes differing by at most this share are one size. */
const SAME_SIZE_SHARE = 0.1;

export interface ShapeColumn { header: string; x0: number; x1: number }

/** What a header-led table looks like, for telling its rows (and its continuation) from other text. */
export interface TableShape {
  columns: ShapeColumn[];
  fontSize: number;
  /** The usual space between two rows (points). */
  rowGap: number;
  /** The widest space between two lines of one cell seen so far; null before any. */
  wrapGap: number | null;
}

/** One table row: the printed lines it was read from. */
export interface ShapedRow { lines: Line[] }

export interface HeaderLedTable {
  header: Line | null;
  rows: ShapedRow[];
  /** Index of the first line after the table. */
  end: number;
  shape: TableShape;
}

/** A line whose every segment is a known column header, the first one naming the rows. */
export function isColumnHeaderLine(line: Line): boolean {
  const cells = line.segments.map((s) => s.text.trim().replace(/:$/, ''));
  if (cells.length < 2 || line.leader) return false;
  if (!TEXT_COLUMN_HEADER.test(cells[0]!) || !cells.every((c) => COLUMN_HEADER.test(c))) return false;
  // Two header words in plain type may be a sentence fragment; bold or a third column says header.
  return line.bold || cells.length >= 3;
}

/** A header-led table starting at lines[start] (a header line), or null when no row follows it. */
export function readHeaderLed(lines: readonly Line[], start: number): HeaderLedTable | null {
  const header = lines[start]!;
  if (!isColumnHeaderLine(header)) return null;
  const first = lines[start + 1];
  if (!first) return null;
  const em = header.fontSize;
  const gap = first.top - header.bottom;
  // Unpadded tables part rows no wider than wraps: gaps alone cannot split them.
  if (gap < PADDED_ROW_GAP_FACTOR * em) return null;
  const shape: TableShape = {
    columns: header.segments.map((s) => ({ header: s.text.trim(), x0: s.x0, x1: s.x1 })),
    fontSize: header.fontSize,
    rowGap: gap,
    wrapGap: null,
  };
  if (!fitsShape(first, shape)) return null;
  const grown = growRows(lines, start + 1, shape, header);
  return { header, ...grown };
}

/**
 * Rows at the top of a page that continue the table left open on the page before: the first
 * line fits its columns and every gap is one of its row or wrap gaps. At least two lines are
 * needed, so a lone title at the page top is not taken for a row.
 */
export function continueHeaderLed(lines: readonly Line[], open: TableShape): HeaderLedTable | null {
  const first = lines[0];
  if (!first || isColumnHeaderLine(first) || !fitsShape(first, open)) return null;
  const shape: TableShape = { ...open, columns: open.columns.map((c) => ({ ...c })) };
  const grown = growRows(lines, 0, shape, null);
  if (grown.end < 2) return null;
  return { header: null, ...grown };
}

function growRows(
  lines: readonly Line[], from: number, shape: TableShape, header: Line | null,
): { rows: ShapedRow[]; end: number; shape: TableShape } {
  const rows: ShapedRow[] = [];
  const rowGaps: number[] = [];
  let prev: Line | null = header;
  let j = from;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    if (!fitsShape(line, shape)) break;
    if (prev === null) {
      rows.push({ lines: [line] });
      prev = line;
      continue;
    }
    const gap = line.top - prev.bottom;
    const kind = gapKind(gap, shape);
    // Under the header only a row can follow; a wrap would be a two-line header we do not read.
    if (kind === 'foreign' || (kind === 'wrap' && rows.length === 0)) break;
    if (kind === 'row') {
      rows.push({ lines: [line] });
      rowGaps.push(gap);
      shape.rowGap = median(rowGaps);
    } else {
      rows[rows.length - 1]!.lines.push(line);
      shape.wrapGap = Math.max(shape.wrapGap ?? 0, gap);
    }
    prev = line;
  }
  return { rows, end: j, shape };
}

type GapKind = 'row' | 'wrap' | 'foreign';

function gapKind(gap: number, shape: TableShape): GapKind {
  if (Math.abs(gap - shape.rowGap) <= ROW_GAP_TOLERANCE * shape.rowGap) return 'row';
  const wrapMax = shape.wrapGap === null
    ? FIRST_WRAP_SHARE * shape.rowGap
    : Math.max(WRAP_GAP_RATIO * shape.wrapGap, shape.wrapGap + WRAP_GAP_SLACK_FACTOR * shape.fontSize);
  return gap <= wrapMax ? 'wrap' : 'foreign';
}

/**
 * A line that can stand in the table: its size, starting in the first column (or, for one of
 * several segments, in a later column), and no new header row.
 */
function fitsShape(line: Line, shape: TableShape): boolean {
  if (line.leader || isColumnHeaderLine(line)) return false;
  if (Math.abs(line.fontSize - shape.fontSize) > SAME_SIZE_SHARE * Math.max(line.fontSize, shape.fontSize)) return false;
  const em = shape.fontSize;
  const x0 = shape.columns[0]!.x0;
  const head = line.segments[0]!;
  if (head.x0 < x0 - LEFT_SLACK_FACTOR * em || head.x0 > x0 + INDENT_MAX_FACTOR * em) return false;
  return line.segments.slice(1).every((s) => columnOf(s, shape) > 0);
}

/** The column a segment starts in: the last whose header starts (less slack) at or before it. */
export function columnOf(seg: Pick<Segment, 'x0'>, shape: TableShape): number {
  let k = 0;
  for (let c = 1; c < shape.columns.length; c++) {
    if (seg.x0 >= shape.columns[c]!.x0 - COLUMN_SLACK_FACTOR * shape.fontSize) k = c;
  }
  return k;
}

/** The last column a segment runs into past its header's start (merged cells across the table). */
export function lastColumnOf(seg: Pick<Segment, 'x0' | 'x1'>, shape: TableShape): number {
  let k = columnOf(seg, shape);
  for (let c = k + 1; c < shape.columns.length; c++) {
    if (seg.x1 > shape.columns[c]!.x0 + SPAN_OVERLAP_FACTOR * shape.fontSize) k = c;
  }
  return k;
}

export interface ShapedCell { text: string; colSpan: number; bold: boolean }

/** A row's cells: each column's lines joined as wrapped text, a merged cell spanning what it covers. */
export function rowCells(row: ShapedRow, shape: TableShape): ShapedCell[] {
  const n = shape.columns.length;
  const texts: string[] = Array.from({ length: n }, () => '');
  const bold: boolean[] = Array.from({ length: n }, () => true);
  const span: number[] = Array.from({ length: n }, () => 1);
  for (const line of row.lines) {
    for (const seg of line.segments) {
      const k = columnOf(seg, shape);
      texts[k] = texts[k] ? joinWrapped(texts[k]!, seg.text.trim()) : seg.text.trim();
      bold[k] = bold[k]! && seg.runs.every((r) => r.bold);
      span[k] = Math.max(span[k]!, lastColumnOf(seg, shape) - k + 1);
    }
  }
  const out: ShapedCell[] = [];
  for (let k = 0; k < n; k++) {
    // A merged cell covers the empty cells to its right; a filled one stops it.
    let s = 1;
    while (s < span[k]! && k + s < n && texts[k + s] === '') s++;
    out.push({ text: texts[k]!, colSpan: s, bold: texts[k] !== '' && bold[k]! });
    k += s - 1;
  }
  return out;
}

/** The header row's cells. */
export function headerRowCells(header: Line, shape: TableShape): ShapedCell[] {
  return rowCells({ lines: [header] }, shape);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

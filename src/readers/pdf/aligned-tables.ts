/**
 * Unruled tables (shaded or plain): consecutive lines whose column gaps line up (pure).
 * Column boundaries come from the union of the rows' segments: an x covered by no row's
 * segment (or only a few spanning headers) is a gap between columns.
 */
import { sourceCell, type SourceCell } from '../../model/index.js';
import type { Line, Segment } from './types.js';
import { bandsUnder, isValueText, splitAtBands, valueAtoms, valueBands, type Band } from './tables/atoms.js';
import { gatherCorner, mergeHeaderFragments, mergeHeaderLines, mergeWrappedLines, type Row } from './tables/merge-rows.js';
import { gapLimit } from './tables/row-gaps.js';
import {
  continueHeaderLed, headerRowCells, isColumnHeaderLine, readHeaderLed, rowCells, type HeaderLedTable, type TableShape,
} from './tables/header-led.js';

/** A row continues the table when the empty space above it is at most this many em. */
export const ROW_GAP_MAX_FACTOR = 2.6;
/** A label-only line with more space above it than this many row gaps is a caption, not a row. */
export const CAPTION_GAP_SHARE = 1.6;
/** Segments of this share of the rows may bridge a column gap (spanning header cells). */
export const SPANNING_SHARE = 0.12;
/** A two-cell line is a table row when its cells are this many em apart. */
export const WIDE_GAP_FACTOR = 2.5;
/** A header fragment sits this many em right of the table's label column. */
export const HEADER_INDENT_FACTOR = 2;
/** Font sizes differing by at most this share are one size (rounding, synthetic bold). */
export const SAME_SIZE_SHARE = 0.1;

const NUMBERISH = /^[-−–+]?\s?[\d\s.,]*\d[\d\s.,]*\s?(%|‰|\*|tkr|mnkr|kr)?$|^[-−–]$|^[-−–+]?\s?\d+(,\d+)?\s?%$/;

export interface AlignedTable {
  kind: 'table';
  rows: SourceCell[][];
  lines: Line[];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Header-led tables (tables/header-led.ts): the shape a next page may continue. */
  shape?: TableShape;
}

export type FlowItem = { kind: 'line'; line: Line } | AlignedTable;

/** A line that can be a table row on its own (the core a table grows from). */
export function looksLikeTableRow(line: Line): boolean {
  if (line.leader) return false;
  const segments = valueAtoms(line);
  const n = segments.length;
  if (n >= 3) return true;
  if (n === 2) {
    const [a, b] = [segments[0]!, segments[1]!];
    if (NUMBERISH.test(b.text.trim())) return true;
    // Label and a far-off word ("Implementering …      Pågår"), not a numbered heading.
    return b.x0 - a.x1 >= WIDE_GAP_FACTOR * line.fontSize && !/^[\d.]+$/.test(a.text.trim());
  }
  return false;
}

/**
 * Find aligned tables in one column of lines (in reading order, top to bottom). `open` is the
 * shape of a header-led table that ended the page before (see openTableAtEnd): rows at the top
 * of this column in that shape continue it.
 */
export function findAlignedTables(lines: readonly Line[], open: TableShape | null = null): FlowItem[] {
  const out: FlowItem[] = [];
  let i = 0;
  const continued = open ? continueHeaderLed(lines, open) : null;
  if (continued) {
    out.push(shapedTable(continued, lines.slice(0, continued.end)));
    i = continued.end;
  }
  while (i < lines.length) {
    // A header of known column names over first-column text (icon cells): tables/header-led.ts.
    const led = isColumnHeaderLine(lines[i]!) ? readHeaderLed(lines, i) : null;
    if (led) {
      out.push(shapedTable(led, lines.slice(i, led.end)));
      i = led.end;
      continue;
    }
    if (!looksLikeTableRow(lines[i]!)) {
      out.push({ kind: 'line', line: lines[i]! });
      i++;
      continue;
    }
    // Grow a region of core lines, allowing label-only/fragment lines between them.
    const region: Line[] = [lines[i]!];
    let j = i + 1;
    let gaps: number[] = [];
    while (j < lines.length) {
      const prev = region[region.length - 1]!;
      const cand = lines[j]!;
      const em = Math.max(prev.fontSize, cand.fontSize);
      const gap = cand.top - prev.bottom;
      // A header row of known column names starts a table of its own (tables/header-led.ts).
      if (gap > ROW_GAP_MAX_FACTOR * em || cand.leader || isColumnHeaderLine(cand)) break;
      const typical = gaps.length > 0 ? median(gaps) : 0.5 * em;
      if (looksLikeTableRow(cand)) {
        region.push(cand);
        gaps.push(Math.max(0, gap));
        j++;
        continue;
      }
      // A non-core line joins only if more core rows follow closely and it is not a caption:
      // a caption sits further from the rows above than the rows sit from each other, and
      // further than from what follows it (a group row over padded rows sits as far as they do).
      const below = lines[j + 1] ? Math.max(0, lines[j + 1]!.top - cand.bottom) : 0;
      if (gap > CAPTION_GAP_SHARE * Math.max(typical, Math.min(below, ROW_GAP_MAX_FACTOR * em)) + 0.25 * em) break;
      let k = j;
      while (k < lines.length && !looksLikeTableRow(lines[k]!) && k - j < 3) k++;
      const after = lines[k];
      // A heading or a small-print note between two tables has its own size: it ends the table.
      const foreign = lines.slice(j, k).some((l) => !sameSize(l.fontSize, prev.fontSize));
      if (foreign || !after || !looksLikeTableRow(after) || after.top - lines[k - 1]!.bottom > ROW_GAP_MAX_FACTOR * em) {
        // Trailing wrapped label lines of the last row still belong to the table.
        while (j < lines.length && !looksLikeTableRow(lines[j]!) && isContinuationLine(region, lines[j]!)) {
          region.push(lines[j]!);
          j++;
        }
        break;
      }
      for (let m = j; m < k; m++) region.push(lines[m]!);
      j = k;
    }
    const coreCount = region.filter(looksLikeTableRow).length;
    if (coreCount < 2) {
      for (const l of region) out.push({ kind: 'line', line: l });
      i = j;
      continue;
    }
    // Header fragments right above the first row ("Budget" over "2017").
    const header: Line[] = [];
    while (out.length > 0) {
      const last = out[out.length - 1]!;
      if (last.kind !== 'line') break;
      const ln = last.line;
      const first = header[0] ?? region[0]!;
      const labelX = Math.min(...region.map((r) => r.x0));
      if (
        ln.segments.length >= 1 && ln.x0 > labelX + HEADER_INDENT_FACTOR * ln.fontSize &&
        first.top - ln.bottom <= ROW_GAP_MAX_FACTOR * 0.5 * ln.fontSize && !ln.leader
      ) {
        header.unshift(ln);
        out.pop();
      } else break;
    }
    const all = [...header, ...region];
    const table = buildTable(all, region.filter(looksLikeTableRow));
    if (table) out.push(table);
    else for (const l of all) out.push({ kind: 'line', line: l });
    i = j;
    gaps = [];
  }
  return out;
}

/** The shape of the header-led table that ends this flow (the bottom of a page), or null. */
export function openTableAtEnd(flow: readonly FlowItem[]): TableShape | null {
  const last = flow[flow.length - 1];
  return last?.kind === 'table' && last.shape ? last.shape : null;
}

function shapedTable(t: HeaderLedTable, lines: Line[]): AlignedTable {
  const rows = [...(t.header ? [headerRowCells(t.header, t.shape)] : []), ...t.rows.map((r) => rowCells(r, t.shape))];
  return {
    kind: 'table',
    rows: rows.map((r) => r.map((c) => sourceCell(c.text, { colSpan: c.colSpan, bold: c.bold }))),
    lines,
    top: Math.min(...lines.map((l) => l.top)),
    bottom: Math.max(...lines.map((l) => l.bottom)),
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    shape: t.shape,
  };
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_SIZE_SHARE * Math.max(a, b);
}

function isContinuationLine(region: Line[], line: Line): boolean {
  const prev = region[region.length - 1]!;
  if (line.segments.length !== 1) return false;
  const labelX = Math.min(...region.map((r) => r.x0));
  if (Math.abs(line.x0 - labelX) > 0.5 * line.fontSize) return false;
  if (line.top - prev.bottom > 0.6 * line.fontSize) return false;
  return /^[\p{Ll}(]/u.test(line.text);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

interface Col { x0: number; x1: number }

/**
 * Columns from the union of segments; segments shared by few rows may bridge gaps. A header
 * cell over two or more value columns ("Inadequate housing units" over no. | (%) | OR) spans
 * them: it takes no part in the union.
 */
function columnsOf(core: Segment[][], bands: readonly Band[]): Col[] {
  const spanning = (line: Segment[]) => !line.some((a) => isValueText(a.text));
  const segs = core.flatMap((line) => (spanning(line) ? line.filter((a) => bandsUnder(a, bands) < 2) : line))
    .sort((a, b) => a.x0 - b.x0);
  const merge = (list: Segment[]): Col[] => {
    const cols: Col[] = [];
    for (const s of list) {
      const last = cols[cols.length - 1];
      if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
      else cols.push({ x0: s.x0, x1: s.x1 });
    }
    return cols;
  };
  let cols = merge(segs);
  // Let a few wide (spanning) segments be ignored when that reveals more columns.
  const allowed = Math.floor(SPANNING_SHARE * core.length);
  if (allowed > 0) {
    const sortedByWidth = [...segs].sort((a, b) => (b.x1 - b.x0) - (a.x1 - a.x0));
    const wide = new Set(sortedByWidth.slice(0, allowed));
    const narrow = segs.filter((s) => !wide.has(s));
    const alt = merge(narrow);
    if (alt.length > cols.length) cols = alt;
  }
  return cols;
}

function buildTable(all: Line[], core: Line[]): AlignedTable | null {
  const { atoms, bands } = tableAtoms(all);
  const cols = columnsOf(core.map((l) => atoms.get(l)!), bands);
  if (cols.length < 2) return null;
  const rows = all.map((line) => placeLine(line, atoms.get(line)!, cols));
  const em = median(all.map((l) => l.fontSize));
  const limit = gapLimit(all.slice(1).map((l, k) => l.top - all[k]!.bottom), em);
  const header = mergeHeaderLines(rows, limit);
  mergeHeaderFragments(header, em);
  gatherCorner(header);
  // The label column wraps somewhere between its longest label and the next column.
  const labelX = Math.min(...all.map((l) => l.x0));
  const maxLabel = Math.max(...all.filter((l) => l.x0 < labelX + 0.5 * l.fontSize).map((l) => atoms.get(l)![0]!.x1));
  const merged = mergeWrappedLines(header, limit, { right: Math.max(maxLabel, (maxLabel + cols[1]!.x0) / 2) });
  return {
    kind: 'table',
    rows: merged.map(toCells),
    lines: all,
    top: Math.min(...all.map((l) => l.top)),
    bottom: Math.max(...all.map((l) => l.bottom)),
    x0: Math.min(...all.map((l) => l.x0)),
    x1: Math.max(...all.map((l) => l.x1)),
  };
}

/** Each line's cell atoms: value pairs cut apart, then text cut where value columns part. */
function tableAtoms(all: Line[]): { atoms: Map<Line, Segment[]>; bands: Band[] } {
  const first = new Map(all.map((l) => [l, valueAtoms(l)] as const));
  const bands = valueBands([...first.values()].flat());
  return { atoms: new Map(all.map((l) => [l, splitAtBands(first.get(l)!, bands)] as const)), bands };
}

/** One printed line's atoms put into the columns they overlap (a gap atom: nearest column). */
function placeLine(line: Line, atoms: Segment[], cols: Col[]): Row {
  const cells = cols.map(() => '');
  const bold = cols.map(() => true);
  const spans = cols.map(() => 1);
  for (const s of atoms) {
    let first = -1;
    let last = -1;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      if (s.x1 > col.x0 - 0.01 && s.x0 < col.x1 + 0.01) {
        if (first < 0) first = c;
        last = c;
      }
    }
    if (first < 0) first = last = nearestColumn(s, cols);
    cells[first] = cells[first] ? `${cells[first]} ${s.text}` : s.text;
    bold[first] = bold[first]! && s.runs.every((r) => r.bold);
    spans[first] = Math.max(spans[first]!, last - first + 1);
  }
  return { line, last: line, cells, bold, spans, cont: false };
}

function nearestColumn(s: Segment, cols: Col[]): number {
  const cx = (s.x0 + s.x1) / 2;
  let best = 0;
  let bd = Infinity;
  cols.forEach((col, c) => {
    const d = Math.min(Math.abs(cx - col.x0), Math.abs(cx - col.x1));
    if (d < bd) { bd = d; best = c; }
  });
  return best;
}

function toCells(r: Row): SourceCell[] {
  const out: SourceCell[] = [];
  for (let c = 0; c < r.cells.length; c++) {
    const span = r.spans[c]!;
    out.push(sourceCell(r.cells[c]!, { colSpan: span, bold: r.cells[c] !== '' && r.bold[c]! }));
    c += span - 1;
  }
  return out;
}

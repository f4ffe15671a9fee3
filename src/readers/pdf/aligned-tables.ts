/**
 * Unruled tables (shaded or plain): consecutive lines whose column gaps line up (pure).
 * Column boundaries come from the union of the rows' segments: an x covered by no row's
 * segment (or only a few spanning headers) is a gap between columns.
 */
import { sourceCell, type SourceCell } from '../../model/index.js';
import type { Line, Segment } from './types.js';

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

const NUMBERISH = /^[-−–+]?\s?[\d\s.,]*\d[\d\s.,]*\s?(%|‰|\*|tkr|mnkr|kr)?$|^[-−–]$|^[-−–+]?\s?\d+(,\d+)?\s?%$/;

const YEARISH = /^(19|20)\d\d(\s?[-–/]\s?((19|20)?\d\d))?$/;

export interface AlignedTable {
  kind: 'table';
  rows: SourceCell[][];
  lines: Line[];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
}

export type FlowItem = { kind: 'line'; line: Line } | AlignedTable;

function isCore(line: Line): boolean {
  if (line.leader) return false;
  const n = line.segments.length;
  if (n >= 3) return true;
  if (n === 2) {
    const [a, b] = [line.segments[0]!, line.segments[1]!];
    if (NUMBERISH.test(b.text.trim())) return true;
    // Label and a far-off word ("Implementering …      Pågår"), not a numbered heading.
    return b.x0 - a.x1 >= WIDE_GAP_FACTOR * line.fontSize && !/^[\d.]+$/.test(a.text.trim());
  }
  return false;
}

/** Find aligned tables in one column of lines (in reading order, top to bottom). */
export function findAlignedTables(lines: readonly Line[]): FlowItem[] {
  const out: FlowItem[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isCore(lines[i]!)) {
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
      if (gap > ROW_GAP_MAX_FACTOR * em || cand.leader) break;
      const typical = gaps.length > 0 ? median(gaps) : 0.5 * em;
      if (isCore(cand)) {
        region.push(cand);
        gaps.push(Math.max(0, gap));
        j++;
        continue;
      }
      // A non-core line joins only if more core rows follow closely and it is not a caption.
      if (gap > CAPTION_GAP_SHARE * typical + 0.25 * em) break;
      let k = j;
      while (k < lines.length && !isCore(lines[k]!) && k - j < 3) k++;
      const after = lines[k];
      if (!after || !isCore(after) || after.top - lines[k - 1]!.bottom > ROW_GAP_MAX_FACTOR * em) {
        // Trailing wrapped label lines of the last row still belong to the table.
        while (j < lines.length && !isCore(lines[j]!) && isContinuationLine(region, lines[j]!)) {
          region.push(lines[j]!);
          j++;
        }
        break;
      }
      for (let m = j; m < k; m++) region.push(lines[m]!);
      j = k;
    }
    const coreCount = region.filter(isCore).length;
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
    const table = buildTable(all, region.filter(isCore));
    if (table) out.push(table);
    else for (const l of all) out.push({ kind: 'line', line: l });
    i = j;
    gaps = [];
  }
  return out;
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

/** Columns from the union of segments; segments shared by few rows may bridge gaps. */
function columnsOf(core: Line[]): Col[] {
  const segs = core.flatMap((l) => l.segments).sort((a, b) => a.x0 - b.x0);
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
  const cols = columnsOf(core);
  if (cols.length < 2) return null;
  type Row = { line: Line; last: Line; cells: string[]; bold: boolean[]; spans: number[]; cont: boolean };
  const rows: Row[] = [];
  for (const line of all) {
    const cells = cols.map(() => '');
    const bold = cols.map(() => true);
    const spans = cols.map(() => 1);
    for (const s of line.segments) {
      let first = -1;
      let last = -1;
      for (let c = 0; c < cols.length; c++) {
        const col = cols[c]!;
        if (s.x1 > col.x0 - 0.01 && s.x0 < col.x1 + 0.01) {
          if (first < 0) first = c;
          last = c;
        }
      }
      if (first < 0) {
        // In a gap: nearest column by centre.
        const cx = (s.x0 + s.x1) / 2;
        let best = 0;
        let bd = Infinity;
        cols.forEach((col, c) => {
          const d = Math.min(Math.abs(cx - col.x0), Math.abs(cx - col.x1));
          if (d < bd) { bd = d; best = c; }
        });
        first = last = best;
      }
      cells[first] = cells[first] ? `${cells[first]} ${s.text}` : s.text;
      bold[first] = bold[first]! && s.runs.every((r) => r.bold);
      spans[first] = Math.max(spans[first]!, last - first + 1);
    }
    rows.push({ line, last: line, cells, bold, spans, cont: false });
  }
  // Header fragments: leading rows with an empty label cell and fewer filled cells than the
  // row below merge into it ("Mål" over "2019" → "Mål 2019").
  const filled = (r: Row): number => r.cells.filter((c) => c !== '').length;
  while (rows.length >= 2) {
    const [a, b] = [rows[0]!, rows[1]!];
    if (a.cells[0] !== '') break;
    // A header row that already names every value column stands on its own above data.
    const dataRow = b.cells.slice(1).some((c) => NUMBERISH.test(c) && !YEARISH.test(c));
    if (dataRow && a.cells.slice(1).every((c) => c !== '')) break;
    const subset = a.cells.every((c, k) => c === '' || b.cells[k] !== '');
    if (!(filled(a) < filled(b) || (b.cells[0] === '' && subset))) break;
    if (b.line.top - a.last.bottom > ROW_GAP_MAX_FACTOR * 0.5 * a.line.fontSize) break;
    b.cells = b.cells.map((c, k) => [a.cells[k], c].filter((x) => x).join(' '));
    b.line = a.line;
    rows.shift();
  }
  // Wrapped label lines: a row with only its first cell set continues the row above when it
  // starts in lower case or when the row above filled the label column to its wrap width.
  const labelX = Math.min(...all.map((l) => l.x0));
  const maxLabel = Math.max(...all.filter((l) => l.x0 < labelX + 0.5 * l.fontSize).map((l) => l.segments[0]!.x1));
  // The label column wraps somewhere between its longest label and the next column.
  const labelRight = Math.max(maxLabel, (maxLabel + cols[1]!.x0) / 2);
  const merged: Row[] = [];
  for (const row of rows) {
    const prev = merged[merged.length - 1];
    const tight = prev !== undefined && row.line.top - prev.last.bottom < 0.6 * row.line.fontSize;
    const onlyFirst = row.cells[0] !== '' && row.cells.slice(1).every((c) => c === '');
    if (prev && tight && merged.length > 1 && onlyFirst && prev.cells[0] !== '') {
      const firstWord = row.line.segments[0]!.runs[0];
      const word = row.cells[0]!.split(' ')[0] ?? '';
      const wordWidth = firstWord
        ? (firstWord.x1 - firstWord.x0) * (word.length / Math.max(1, firstWord.text.trim().length))
        : 0;
      const prevLabelEnd = prev.last.segments[0]!.x1;
      const wrapped = prevLabelEnd + wordWidth + 0.3 * row.line.fontSize > labelRight;
      if (/^[\p{Ll}(]/u.test(row.cells[0]!) || wrapped || prev.cont) {
        prev.cells[0] = joinWrapped(prev.cells[0]!, row.cells[0]!);
        prev.cont = true;
        prev.last = row.line;
        continue;
      }
    }
    // A value cell wrapped onto the next line: every filled cell sits under a filled cell.
    if (prev && tight && merged.length > 1 && row.cells[0] === '' && filled(row) > 0 && filled(row) < filled(prev) &&
      row.cells.every((c, k) => c === '' || prev.cells[k] !== '')) {
      prev.cells = prev.cells.map((c, k) => (row.cells[k] ? joinWrapped(c, row.cells[k]!) : c));
      prev.last = row.line;
      continue;
    }
    merged.push(row);
  }
  const lines = all;
  return {
    kind: 'table',
    rows: merged.map((r) => {
      const out: SourceCell[] = [];
      for (let c = 0; c < r.cells.length; c++) {
        const span = r.spans[c]!;
        out.push(sourceCell(r.cells[c]!, { colSpan: span, bold: r.cells[c] !== '' && r.bold[c]! }));
        c += span - 1;
      }
      return out;
    }),
    lines,
    top: Math.min(...lines.map((l) => l.top)),
    bottom: Math.max(...lines.map((l) => l.bottom)),
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
  };
}

function joinWrapped(a: string, b: string): string {
  if (/-$/.test(a) && !/^(och|eller|samt)\b/.test(b)) return a + b;
  return `${a} ${b}`;
}

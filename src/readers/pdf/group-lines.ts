/**
 * Runs → lines → reading order (pure geometry; fed JSON TextItems in tests).
 *
 * Every threshold is a named factor of the font size, after pdf.js evaluator.js
 * (SPACE_IN_FLOW_MIN_FACTOR) and pdf-to-markdown (minHeadlineDistance relative to the most
 * used height). Nothing here is an absolute distance in points.
 */
import type { Line, Run, Segment } from './types.js';

/** Runs whose baselines differ by less than this many em are on one line. */
export const BASELINE_TOLERANCE_FACTOR = 0.3;
/** A gap wider than this many em between two runs of a word group is a space (evaluator.js uses 0.102). */
export const SPACE_MIN_FACTOR = 0.12;
/** A gap wider than this many em separates table cells or layout columns, not words. */
export const CELL_GAP_FACTOR = 0.9;
/** Runs repeated within this many em (fake bold drawn twice) are one run. */
export const DUPLICATE_RUN_FACTOR = 0.15;
/** Smaller runs below this share of the line's size, raised off the baseline, are superscripts. */
export const SUPERSCRIPT_SIZE_FACTOR = 0.8;

/** Group runs into lines: sort by baseline, sweep, then split each line into segments. */
export function buildLines(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: Run[][] = [];
  let current: Run[] = [];
  let ref = 0;
  let refSize = 0;
  for (const run of sorted) {
    if (
      current.length > 0 &&
      Math.abs(run.baseline - ref) <= BASELINE_TOLERANCE_FACTOR * Math.max(refSize, run.fontSize)
    ) {
      current.push(run);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    ref = run.baseline;
    refSize = run.fontSize;
  }
  if (current.length > 0) groups.push(current);
  const lines = groups.map((g) => makeLine(g));
  return attachSuperscripts(lines);
}

/** Build one line from runs believed to share a baseline. */
export function makeLine(runs: readonly Run[], footnotes: string[] = []): Line {
  const byX = dedupeRuns([...runs].sort((a, b) => a.x0 - b.x0));
  const segments: Segment[] = [];
  let seg: Run[] = [];
  for (const run of byX) {
    const prev = seg[seg.length - 1];
    if (prev && run.x0 - prev.x1 > CELL_GAP_FACTOR * Math.max(prev.fontSize, run.fontSize)) {
      segments.push(makeSegment(seg));
      seg = [];
    }
    seg.push(run);
  }
  if (seg.length > 0) segments.push(makeSegment(seg));
  const sizeChars = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const r of byX) {
    const n = r.text.replace(/\s/g, '').length;
    chars += n;
    if (r.bold) boldChars += n;
    sizeChars.set(r.fontSize, (sizeChars.get(r.fontSize) ?? 0) + n);
  }
  let fontSize = byX[0]?.fontSize ?? 0;
  let best = -1;
  for (const [size, n] of sizeChars) {
    if (n > best || (n === best && size > fontSize)) {
      best = n;
      fontSize = size;
    }
  }
  const main = byX.filter((r) => r.fontSize === fontSize);
  return {
    runs: byX,
    segments,
    text: segments.map((s) => s.text).join(' '),
    x0: Math.min(...byX.map((r) => r.x0)),
    x1: Math.max(...byX.map((r) => r.x1)),
    top: Math.min(...byX.map((r) => r.top)),
    bottom: Math.max(...byX.map((r) => r.bottom)),
    baseline: median(main.map((r) => r.baseline)),
    fontSize,
    bold: chars > 0 && boldChars === chars,
    leader: byX.some((r) => r.leader),
    footnotes,
  };
}

function dedupeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const dup = out.find(
      (o) => o.text === r.text && Math.abs(o.x0 - r.x0) < DUPLICATE_RUN_FACTOR * r.fontSize &&
        Math.abs(o.baseline - r.baseline) < DUPLICATE_RUN_FACTOR * r.fontSize,
    );
    if (!dup) out.push(r);
  }
  return out;
}

/** Join runs of one segment; a space is inserted only where the gap is wide enough. */
export function joinRuns(runs: readonly Run[]): string {
  let text = '';
  let prev: Run | undefined;
  for (const r of runs) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      const needSpace = gap > SPACE_MIN_FACTOR * Math.max(prev.fontSize, r.fontSize);
      if (needSpace && !/\s$/.test(text) && !/^\s/.test(r.text)) text += ' ';
    }
    text += r.text;
    prev = r;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function makeSegment(runs: Run[]): Segment {
  return {
    runs,
    text: joinRuns(runs),
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
  };
}

/**
 * A line made only of small raised runs right after another line's text is a superscript
 * footnote marker (or a raised ordinal); digits become footnotes, other text stays inline.
 */
function attachSuperscripts(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const small = next && line.fontSize < SUPERSCRIPT_SIZE_FACTOR * next.fontSize &&
      line.bottom > next.top && line.baseline < next.baseline && /^[\d*,\s]+$/.test(line.text);
    if (small && next) {
      const marks = line.runs.map((r) => r.text.trim()).filter((t) => t.length > 0);
      lines[i + 1] = makeLine(next.runs, [...next.footnotes, ...marks]);
      continue;
    }
    out.push(line);
  }
  return out;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A band of the page read top to bottom: one column, or two side by side (left first). */
export interface Band {
  top: number;
  columns: Line[][];
  /** x extent of each column (for placing ruled tables). */
  columnX: Array<[number, number]>;
}

/** The gutter search covers the middle of the page only (fractions of page width). */
export const GUTTER_SEARCH_FROM = 0.3;
export const GUTTER_SEARCH_TO = 0.7;
/** Both columns of a two-column band hold prose: segments at least this share of page width. */
export const COLUMN_MIN_WIDTH_SHARE = 0.22;
/** Lines with text on both sides of the gutter needed to call a band two-column. */
export const COLUMN_MIN_LINES = 4;

/**
 * Split the page into bands and columns. A gutter is an x in the middle of the page crossed by
 * no segment of the lines in a band; article titles spanning both columns end a band.
 */
export function orderColumns(lines: readonly Line[], pageWidth: number): Band[] {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
  const gutter = findGutter(sorted, pageWidth);
  if (gutter === null) return sorted.length > 0 ? [single(sorted)] : [];
  const bands: Band[] = [];
  let full: Line[] = [];
  let split: Line[] = [];
  const flushFull = (): void => {
    if (full.length > 0) bands.push(single(full));
    full = [];
  };
  const flushSplit = (): void => {
    if (split.length === 0) return;
    const left: Line[] = [];
    const right: Line[] = [];
    for (const line of split) {
      const l = line.runs.filter((r) => (r.x0 + r.x1) / 2 < gutter);
      const r = line.runs.filter((r) => (r.x0 + r.x1) / 2 >= gutter);
      if (l.length > 0) left.push(makeLine(l, line.footnotes));
      if (r.length > 0) right.push(makeLine(r, l.length > 0 ? [] : line.footnotes));
    }
    const minW = COLUMN_MIN_WIDTH_SHARE * pageWidth;
    const wide = (ls: Line[]): number => ls.filter((l) => l.x1 - l.x0 >= minW).length;
    if (wide(left) >= COLUMN_MIN_LINES && wide(right) >= COLUMN_MIN_LINES) {
      flushFull();
      bands.push({
        top: Math.min(...split.map((l) => l.top)),
        columns: [left, right],
        columnX: [
          [Math.min(...left.map((l) => l.x0)), gutter],
          [gutter, Math.max(...right.map((l) => l.x1))],
        ],
      });
    } else {
      full.push(...split);
    }
    split = [];
  };
  for (const line of sorted) {
    if (crosses(line, gutter)) {
      flushSplit();
      full.push(line);
    } else {
      if (full.length > 0 && split.length === 0) flushFull();
      split.push(line);
    }
  }
  flushSplit();
  flushFull();
  return mergeAdjacentSingles(bands);
}

function mergeAdjacentSingles(bands: Band[]): Band[] {
  const out: Band[] = [];
  for (const b of bands) {
    const prev = out[out.length - 1];
    if (prev && prev.columns.length === 1 && b.columns.length === 1) {
      prev.columns[0]!.push(...b.columns[0]!);
      prev.columnX[0] = [
        Math.min(prev.columnX[0]![0], b.columnX[0]![0]),
        Math.max(prev.columnX[0]![1], b.columnX[0]![1]),
      ];
    } else out.push(b);
  }
  return out;
}

function single(lines: Line[]): Band {
  return {
    top: Math.min(...lines.map((l) => l.top)),
    columns: [lines],
    columnX: [[Math.min(...lines.map((l) => l.x0)), Math.max(...lines.map((l) => l.x1))]],
  };
}

function crosses(line: Line, x: number): boolean {
  return line.segments.some((s) => s.x0 < x && s.x1 > x);
}

/** The x in the middle of the page with the most lines holding text on both sides of it. */
function findGutter(lines: readonly Line[], pageWidth: number): number | null {
  if (lines.length < 2 * COLUMN_MIN_LINES) return null;
  const from = GUTTER_SEARCH_FROM * pageWidth;
  const to = GUTTER_SEARCH_TO * pageWidth;
  const step = Math.max(1, (to - from) / 200);
  const minW = COLUMN_MIN_WIDTH_SHARE * pageWidth;
  let bestScore = 0;
  let bestXs: number[] = [];
  for (let x = from; x <= to; x += step) {
    let score = 0;
    for (const line of lines) {
      if (crosses(line, x)) continue;
      let left = false;
      let right = false;
      for (const s of line.segments) {
        if (s.x1 <= x && s.x1 - s.x0 >= minW) left = true;
        if (s.x0 >= x && s.x1 - s.x0 >= minW) right = true;
      }
      if (left && right) score++;
    }
    if (score > bestScore) {
      bestScore = score;
      bestXs = [x];
    } else if (score === bestScore && score > 0) bestXs.push(x);
  }
  if (bestScore < COLUMN_MIN_LINES) return null;
  return median(bestXs);
}

/**
 * Cell atoms: a line's segments cut further where a table's columns need it (pure).
 *
 * group-lines splits a line at gaps wider than CELL_GAP_FACTOR em, which keeps words of one
 * cell together but also keeps tight columns together: Word tables set right-aligned numbers
 * 0.5–0.9 em apart ("0,800 0,617" on Simrishamn's investment table, "10 398 13 818" on its
 * statistics). pdf.js gives each cell its own text item there, so the run boundaries are
 * where cells end; these functions decide which run boundaries are column boundaries.
 */
import { joinRuns } from '../group-lines.js';
import type { Line, Run, Segment } from '../types.js';

/** A gap between two value runs wider than this many em separates two cells (a word space is about 0.25 em). */
export const VALUE_GAP_FACTOR = 0.4;

/**
 * A value as printed in a cell: a number with sign, decimals, %, a footnote star or an
 * approximation word, or such a number in parentheses ("(4.7)", a share beside a count).
 */
const VALUE = /^(?:ca\.?\s|ung\.?\s)?[-−–+]?\s?\d[\d\s\u00a0.,]*\s?(?:%|‰|\*+)?$/u;
const BRACKETED = /^\((.*)\)$/u;

export function isValueText(text: string): boolean {
  const t = text.trim();
  return VALUE.test(BRACKETED.exec(t)?.[1] ?? t);
}

function segmentOf(runs: Run[]): Segment {
  return { runs, text: joinRuns(runs), x0: Math.min(...runs.map((r) => r.x0)), x1: Math.max(...runs.map((r) => r.x1)) };
}

/** Cut a segment before every run for which `cut(prev, run)` holds. */
export function cutSegment(seg: Segment, cut: (prev: Run, run: Run) => boolean): Segment[] {
  if (seg.runs.length < 2) return [seg];
  const out: Segment[] = [];
  let cur: Run[] = [seg.runs[0]!];
  for (const run of seg.runs.slice(1)) {
    if (cut(cur[cur.length - 1]!, run)) {
      out.push(segmentOf(cur));
      cur = [];
    }
    cur.push(run);
  }
  out.push(segmentOf(cur));
  return out;
}

/** Two value runs side by side with more than a word space between them are two cells. */
export function valueAtoms(line: Line): Segment[] {
  return line.segments.flatMap((s) => cutSegment(s, (a, b) =>
    b.x0 - a.x1 > VALUE_GAP_FACTOR * Math.max(a.fontSize, b.fontSize) && isValueText(a.text) && isValueText(b.text)));
}

export interface Band { x0: number; x1: number }

/** x-extents of the value columns: the union of value atoms, overlapping ones merged. */
export function valueBands(atoms: readonly Segment[]): Band[] {
  const values = atoms.filter((a) => isValueText(a.text)).sort((a, b) => a.x0 - b.x0);
  const bands: Band[] = [];
  for (const v of values) {
    const last = bands[bands.length - 1];
    if (last && v.x0 <= last.x1) last.x1 = Math.max(last.x1, v.x1);
    else bands.push({ x0: v.x0, x1: v.x1 });
  }
  return bands;
}

/** How many bands a segment overlaps. */
export function bandsUnder(seg: Band, bands: readonly Band[]): number {
  return bands.filter((b) => Math.min(seg.x1, b.x1) > Math.max(seg.x0, b.x0)).length;
}

/** The band a run overlaps most, or -1. */
function bandOf(run: Run, bands: readonly Band[]): number {
  let best = -1;
  let bestOverlap = 0;
  bands.forEach((b, k) => {
    const overlap = Math.min(run.x1, b.x1) - Math.max(run.x0, b.x0);
    if (overlap > bestOverlap) { best = k; bestOverlap = overlap; }
  });
  return best;
}

/**
 * Header words and text cells ("Bokslut 2024 Bokslut 2025", "Ej aktuellt Ej aktuellt") are cut
 * where their runs sit over different value columns: the values below say where columns are.
 */
export function splitAtBands(segments: readonly Segment[], bands: readonly Band[]): Segment[] {
  if (bands.length < 2) return [...segments];
  return segments.flatMap((s) => cutSegment(s, (a, b) => {
    const [ka, kb] = [bandOf(a, bands), bandOf(b, bands)];
    return ka >= 0 && kb >= 0 && ka !== kb;
  }));
}

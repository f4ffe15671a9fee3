/**
 * Printed lines → table rows: wrapped header lines, wrapped labels and wrapped text cells join
 * the row they belong to (pure). Every rule needs the lines to sit closer than a row gap
 * (see row-gaps.ts); padded tables make that test decisive.
 */
import type { Line } from '../types.js';
import { isValueText } from './atoms.js';
import type { GapLimit } from './row-gaps.js';

export interface Row {
  line: Line;
  /** The last printed line merged into this row. */
  last: Line;
  cells: string[];
  bold: boolean[];
  spans: number[];
  /** A wrapped label line was joined: later label-only lines continue it too. */
  cont: boolean;
}

/** Header fragments over the label column are this many row gaps (ROW_GAP_MAX_FACTOR × ½ em) at most apart. */
const HEADER_FRAGMENT_GAP_FACTOR = 1.3;

const YEARISH = /^(19|20)\d\d(\s?[-–/]\s?((19|20)?\d\d))?$/;
const filled = (r: Row): number => r.cells.filter((c) => c !== '').length;
const gapBetween = (upper: Row, lower: Row): number => lower.line.top - upper.last.bottom;
/** A number other than a year, or figures without words ("$49,497", "(1.1–1.2)"): a header row has none. */
const isValueCell = (c: string): boolean =>
  !YEARISH.test(c.trim()) && (isValueText(c) || (/\d/.test(c) && !/\p{L}/u.test(c)));
const hasValues = (r: Row): boolean => r.cells.slice(1).some(isValueCell);
const under = (lower: Row, upper: Row): boolean => lower.cells.every((c, k) => c === '' || upper.cells[k] !== '');

function absorb(into: Row, row: Row): void {
  into.cells = into.cells.map((c, k) => (row.cells[k] ? (c ? joinWrapped(c, row.cells[k]!) : row.cells[k]!) : c));
  into.last = row.line;
}

export function joinWrapped(a: string, b: string): string {
  if (/-$/.test(a) && !/^(och|eller|samt)\b/.test(b)) return a + b;
  return `${a} ${b}`;
}

/**
 * Header lines wrapped inside their cells ("Bokslut" over "2023", "Utgifter sedan" over
 * "projektets" over "start") join the header row above. A line filling columns the line above
 * leaves empty starts a new header level ("Total projektbudget | Ack. Utfall" under
 * "Utgifter sedan projektets start"). In tables without padding only lines with an empty
 * label cell join, since a tight text row there may as well be data.
 */
export function mergeHeaderLines(rows: Row[], limit: GapLimit): Row[] {
  const out: Row[] = [];
  let inHeader = true;
  for (const row of rows) {
    const prev = out[out.length - 1];
    // Only a padded table tells a wrapped corner label ("Statistik simskola" / "deltagartillfällen")
    // from a group row right under the header.
    const fillsColumns = filled(row) - (row.cells[0] ? 1 : 0) > 0;
    if (inHeader && prev && !hasValues(row) && (fillsColumns || limit.padded) && filled(row) > 0 && under(row, prev) &&
      gapBetween(prev, row) < limit.wrap && (limit.padded || row.cells[0] === '')) {
      absorb(prev, row);
      continue;
    }
    if (hasValues(row) || (prev && filled(row) < 2)) inHeader = false;
    out.push(row);
  }
  return out;
}

/**
 * A two-level header names the row-label column in more than one line ("Investeringsredovisning
 * (mnkr)" over "Kultur och fritidsnämnden"). The corner is one caption: its text goes to the
 * first header row, so the lower header rows read as header continuations (empty label cell).
 */
export function gatherCorner(rows: Row[]): void {
  let zone = 0;
  while (zone < rows.length && !hasValues(rows[zone]!) && filled(rows[zone]!) - (rows[zone]!.cells[0] ? 1 : 0) >= 2) zone++;
  if (zone < 2 || zone >= rows.length || !rows.slice(zone).some(hasValues)) return;
  const labels = rows.slice(0, zone).map((r) => r.cells[0]!).filter((c) => c !== '');
  rows[0]!.cells[0] = labels.join(' ');
  for (const r of rows.slice(1, zone)) r.cells[0] = '';
}

/**
 * Leading rows with an empty label cell and fewer filled cells than the row below merge into
 * it ("Mål" over "2019" → "Mål 2019").
 */
export function mergeHeaderFragments(rows: Row[], em: number): void {
  while (rows.length >= 2) {
    const [a, b] = [rows[0]!, rows[1]!];
    if (a.cells[0] !== '') break;
    // A header row that already names every value column stands on its own above data.
    if (hasValues(b) && a.cells.slice(1).every((c) => c !== '')) break;
    const subset = a.cells.every((c, k) => c === '' || b.cells[k] !== '');
    if (!(filled(a) < filled(b) || (b.cells[0] === '' && subset))) break;
    if (gapBetween(a, b) > HEADER_FRAGMENT_GAP_FACTOR * em) break;
    b.cells = b.cells.map((c, k) => [a.cells[k], c].filter((x) => x).join(' '));
    b.line = a.line;
    rows.shift();
  }
}

export interface LabelColumn {
  /** Where the label column wraps: a label line ending further right was not wrapped. */
  right: number;
}

/**
 * Wrapped label lines and wrapped text cells join the row above. In a padded table a tight
 * line is a wrap by position alone; otherwise a label-only line continues the row above when
 * it starts in lower case or when the row above filled the label column to its wrap width.
 * A line in another weight (a bold group row under a plain row) is never a continuation.
 */
export function mergeWrappedLines(rows: Row[], limit: GapLimit, labels: LabelColumn): Row[] {
  const merged: Row[] = [];
  for (const row of rows) {
    const prev = merged[merged.length - 1];
    const tight = prev !== undefined && merged.length > 1 && gapBetween(prev, row) < limit.wrap &&
      row.line.bold === prev.last.bold;
    if (!prev || !tight) { merged.push(row); continue; }
    const onlyFirst = row.cells[0] !== '' && row.cells.slice(1).every((c) => c === '');
    if (onlyFirst && prev.cells[0] !== '' && (limit.padded || prev.cont || looksWrapped(prev, row, labels))) {
      prev.cells[0] = joinWrapped(prev.cells[0]!, row.cells[0]!);
      prev.cont = true;
      prev.last = row.line;
      continue;
    }
    // A text cell wrapped onto the next line: every filled cell sits under a filled cell.
    const textOnly = !hasValues(row) && filled(row) > 0 && under(row, prev);
    if (textOnly && ((row.cells[0] === '' && filled(row) < filled(prev)) || limit.padded)) {
      absorb(prev, row);
      continue;
    }
    merged.push(row);
  }
  return merged;
}

function looksWrapped(prev: Row, row: Row, labels: LabelColumn): boolean {
  if (/^[\p{Ll}(]/u.test(row.cells[0]!)) return true;
  const firstWord = row.line.segments[0]!.runs[0];
  const word = row.cells[0]!.split(' ')[0] ?? '';
  const wordWidth = firstWord
    ? (firstWord.x1 - firstWord.x0) * (word.length / Math.max(1, firstWord.text.trim().length))
    : 0;
  const prevLabelEnd = prev.last.segments[0]!.x1;
  return prevLabelEnd + wordWidth + 0.3 * row.line.fontSize > labels.right;
}

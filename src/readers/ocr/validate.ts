/**
 * Numbers read by OCR are checked before anyone trusts them (pure). In a table on an OCR page,
 * a column is numeric when most of its body cells read as Swedish numbers; there
 * - a cell that looks like a number but does not parse, or parses only with the rest left as a
 *   note ("40 O26" → 40 + "O26", "1 2,3.4"), is reported as
 *   `ocr:unparsed-number`, with the OCR confidence of its words: the classifier leaves it as text,
 *   never as a guessed value;
 * - a cell that parses but whose words Tesseract was unsure of (confidence below
 *   LOW_CONFIDENCE) is reported as `ocr:low-confidence`: the value may be wrong.
 * In any cell, a word whose ink has a space-wide gap that Tesseract read through (ink.ts) is
 * reported as `ocr:gap-inside`: two words or a number and its sign may have run together
 * ("Ej klart" read as "Ejklart", "192 *" as '192"'), Tesseract being sure of it or not.
 * Arithmetic (sums, Budget − Prognos = Avvikelse) is checked later by classify/arithmetic.ts.
 */
import { warning, type Block, type Diagnostic, type TableBlock } from '../../model/index.js';
import { parseNumberSv } from '../../normalize/number-sv.js';
import { buildLines } from '../pdf/group-lines.js';
import type { OcrRun } from './words.js';

/** Tesseract word confidence (0–100) below which a number is reported. Misread digits in the
 * fixtures ("91" read as "1", "1 960" as "1960") came at 8–60; correct ones at 85–96. */
export const LOW_CONFIDENCE = 80;
/** A numeric column has at least this share of its non-empty body cells reading as numbers. */
export const NUMERIC_COLUMN_SHARE = 0.5;
/** Runs this many points outside a table's box still belong to it (OCR boxes wobble). */
const BOX_MARGIN = 2;

const YEAR = /^(19|20)\d\d$/;
/** A token of nothing but bars, brackets, equals signs or long dashes, inside a cell. */
const STRAY_MARK = /(^|\s)[—|=\[\]_~]+(\s|$)/;
/** Characters of a printed number and the letters OCR confuses with digits (O0, l1, S5, B8, Z2). */
const NUMBER_LIKE = /^[-−–+]?\s?[\dOoIlSsBZ|.,:;'’\s%*]+(tkr|mnkr|kr|%)?$/;
/** Characters a printed number is made of. */
const NUMBER_CHARS = /[\d\s.,:;'’%*+\-−–]/g;
/** A number may carry this many other characters and still be a misread number ("3,5K", '192"', "[6]"). */
const MAX_STRAY_CHARS = 2;

export function looksNumeric(text: string): boolean {
  const t = text.trim();
  if (!/\d/.test(t)) return false;
  return NUMBER_LIKE.test(t) || t.replace(/(tkr|mnkr|kr)$/, '').replace(NUMBER_CHARS, '').length <= MAX_STRAY_CHARS;
}

/** Warnings for the numeric cells of tables on OCR pages. `runsByPage`: the OCR runs of each page. */
export function checkOcrNumbers(blocks: readonly Block[], runsByPage: ReadonlyMap<number, readonly OcrRun[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table' || b.page === null) continue;
    const runs = runsByPage.get(b.page);
    if (!runs) continue;
    out.push(...checkTable(b, runs));
  }
  return out;
}

function checkTable(table: TableBlock, pageRuns: readonly OcrRun[]): Diagnostic[] {
  const page = table.page!;
  const grid = table.rows.map((row) => {
    const cells: Array<{ text: string; col: number }> = [];
    let c = 0;
    for (const cell of row) { cells.push({ text: cell.text.trim(), col: c }); c += cell.colSpan; }
    return cells;
  });
  const isBodyNumber = (t: string): boolean => {
    const p = parseNumberSv(t);
    return p.value !== null && !YEAR.test(t);
  };
  // Header rows: the leading rows where nothing but years reads as a number.
  const first = grid.findIndex((row) => row.some((c) => c.col > 0 && isBodyNumber(c.text)));
  const numericCols = new Set<number>();
  const cols = first < 0 ? new Set<number>() : new Set(grid.slice(first).flatMap((row) => row.map((c) => c.col)));
  for (const col of cols) {
    let filled = 0;
    let numbers = 0;
    for (const row of grid.slice(first)) {
      for (const c of row) {
        if (c.col !== col || c.text === '' || parseNumberSv(c.text).empty) continue;
        filled++;
        if (parseNumberSv(c.text).value !== null) numbers++;
      }
    }
    if (numbers >= 1 && numbers >= NUMERIC_COLUMN_SHARE * filled) numericCols.add(col);
  }
  const conf = confidenceFinder(table, pageRuns);
  const out: Diagnostic[] = [];
  // Marks no cell prints alone: a rule, a cell border or noise read as a character; the cell may
  // also have swallowed its neighbour ("Se kommentar — 3399 kr").
  grid.forEach((row, r) => {
    for (const cell of row) {
      if (!STRAY_MARK.test(cell.text) || /^[—–-]$/.test(cell.text)) continue;
      out.push(warning('ocr:stray-mark',
        `OCR read "${cell.text}" in row ${r + 1}, column ${cell.col + 1} of the table on page ${page}: a lone mark that is likely a rule or noise; the cell may be wrong`,
        { page }));
    }
  });
  grid.forEach((row, r) => {
    for (const cell of row) {
      const { confidence, gapInside } = conf(cell.text);
      if (gapInside !== null) {
        out.push(warning('ocr:gap-inside',
          `OCR read "${cell.text}" in row ${r + 1}, column ${cell.col + 1} of the table on page ${page}, where "${gapInside}" has a space-wide gap in its ink: words or a sign may have run together`,
          { page }));
      }
      if (first < 0 || r < first || !numericCols.has(cell.col) || cell.text === '') continue;
      const parsed = parseNumberSv(cell.text);
      if (parsed.empty) continue;
      const where = `row ${r + 1}, column ${cell.col + 1} of the table on page ${page}`;
      const confText = confidence === null ? 'unknown' : String(Math.round(confidence));
      // "40 O26" parses as 40 with the note "O26": a misread digit, not a remark.
      if (parsed.value === null || (parsed.note !== null && looksNumeric(cell.text))) {
        if (!looksNumeric(cell.text)) continue;
        out.push(warning('ocr:unparsed-number',
          `OCR read "${cell.text}" in ${where}, which is not a number (confidence ${confText}); kept as text`, { page }));
      } else if (confidence !== null && confidence < LOW_CONFIDENCE) {
        out.push(warning('ocr:low-confidence',
          `OCR read "${cell.text}" in ${where} with confidence ${confText} (below ${LOW_CONFIDENCE}); the value may be wrong`, { page }));
      }
    }
  });
  return out;
}

interface CellRead {
  /** Lowest confidence of the cell's words; null when none was found. */
  confidence: number | null;
  /** The first of its words read through a space-wide gap (words.ts gapInside), else null. */
  gapInside: string | null;
}

/**
 * Finds the words of a cell among the table's runs: the cells are visited in reading order and
 * each token takes the unused run with the same text nearest (in reading order) to the run the
 * previous token took.
 */
function confidenceFinder(table: TableBlock, pageRuns: readonly OcrRun[]): (text: string) => CellRead {
  const box = table.bbox;
  const inside = box
    ? pageRuns.filter((r) => r.x1 >= box.l - BOX_MARGIN && r.x0 <= box.r + BOX_MARGIN &&
      r.bottom >= box.t - BOX_MARGIN && r.top <= box.b + BOX_MARGIN)
    : [...pageRuns];
  const ordered = buildLines(inside).flatMap((l) => l.runs) as OcrRun[];
  const used = new Set<number>();
  let cursor = 0;
  return (text) => {
    let min: number | null = null;
    let gapInside: string | null = null;
    for (const token of text.split(/\s+/).filter((t) => t !== '')) {
      let best = -1;
      for (let i = 0; i < ordered.length; i++) {
        if (used.has(i) || ordered[i]!.text !== token) continue;
        if (best < 0 || Math.abs(i - cursor) < Math.abs(best - cursor)) best = i;
      }
      if (best < 0) continue;
      used.add(best);
      cursor = best;
      const c = ordered[best]!.confidence;
      min = min === null ? c : Math.min(min, c);
      if (ordered[best]!.gapInside && gapInside === null) gapInside = token;
    }
    return { confidence: min, gapInside };
  };
}

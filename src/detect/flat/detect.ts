/**
 * Tables in plain text without tabs: a run of lines ending in numbers under a header of
 * column names (Utfall, Budget, Prognos, Avvikelse, years …), on one line or stacked over
 * several as a PDF's wrapped header cells arrive (stack.ts). Text copied out of a PDF or a web
 * page arrives like this, with the column gaps turned into single spaces or lost.
 *
 * Runs after the tab-table stage on the lines it left; the grid comes from recover.ts, and
 * every value that is not certain is reported: 'flat:inferred' (the split chosen, with the
 * evidence) or 'flat:unresolved' (cells left empty, the printed text in the message).
 */
import type { Block, LineBlock } from '../../model/source-doc.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../model/diagnostic.js';
import type { DetectedTable } from '../tables.js';
import { doubtColumns, guessMode, recoverFlatTable, type FlatTable } from './recover.js';
import { stackedHeaders, type HeaderChoice } from './stack.js';
import { bodyEntries, MAX_INNER_GAP, wordRow, type Entry, type Free } from './body.js';
import { clean, isDataLine, isHeaderLine, MAX_GROUP_CHARS } from './lines.js';

/** A caption stands at most this many blank lines above the table (as in tables.ts). */
const MAX_CAPTION_GAP = 2;
const MAX_CAPTION_CHARS = 160;
/** Upper header lines ("Innevarande år  Föregående år") stacked right above the header. */
const MAX_UPPER_LINES = 2;
/** Lines looked at above the first row for the header: its stacked lines and group rows. */
const MAX_HEADER_BLOCK = 6;

export interface FlatDetection {
  table: DetectedTable;
  flat: FlatTable;
}

/** The flat tables among the lines not in `skip`, and a warning for each row that is not certain. */
export function detectFlatTables(blocks: Block[], skip: Set<number>): { tables: DetectedTable[]; diagnostics: Diagnostic[] } {
  const found = findFlatTables(blocks, skip);
  return { tables: found.tables.map((t) => t.table), diagnostics: found.diagnostics };
}

/** As detectFlatTables, keeping the recovered grid with its per-cell certainty. */
export function findFlatTables(blocks: Block[], skip: Set<number>): { tables: FlatDetection[]; diagnostics: Diagnostic[] } {
  const tables: FlatDetection[] = [];
  const diagnostics: Diagnostic[] = [];
  const free: Free = (i) => {
    const b = blocks[i];
    return b && !skip.has(i) && b.kind === 'line' && b.cells === null ? b : null;
  };
  let i = 0;
  while (i < blocks.length) {
    const first = free(i);
    const found = first && isDataLine(first.text) ? tableAt(blocks, i, free) : null;
    if (!found) { i++; continue; }
    tables.push(found.detection);
    diagnostics.push(...found.diagnostics);
    // Data lines of this table that sit above `i` cannot exist; go on after its last row.
    i = found.end;
  }
  return { tables, diagnostics };
}

/** The table whose first row is block `first`, read under the best header that its rows bear out. */
function tableAt(blocks: Block[], first: number, free: Free): { detection: FlatDetection; diagnostics: Diagnostic[]; end: number } | null {
  const block = headerBlock(blocks, first, free);
  if (block.length === 0) return null;
  const text = (k: number) => (blocks[k] as LineBlock).text;
  const glued = guessMode(dataRun(blocks, first, free).map(text)) === 'glued';
  const choices = stackedHeaders(block.map(text), glued);
  for (const [n, choice] of choices.entries()) {
    // A reading much worse than the best is no header of this table, even if its count fits.
    if (choice.score - choices[0].score >= FALLBACK_SPREAD) break;
    const headerEnd = block[choice.last];
    const body = readBody(blocks, headerEnd + 1, free, choice.columns);
    if (!body) continue;
    const doubt = headerDoubt(choice, choices.slice(n + 1), glued);
    if (doubt) doubtColumns(body.flat, doubt.columns, doubt.why);
    const detection = assemble(blocks, free, block.slice(choice.first, choice.last + 1), choice, body.entries, body.flat);
    const lines = body.entries.map((e) => blocks[e.index] as LineBlock);
    const last = body.entries[body.entries.length - 1];
    return { detection, diagnostics: rowDiagnostics(body.flat, lines, blocks[headerEnd] as LineBlock), end: Math.max(last.index, ...last.continued) + 1 };
  }
  return null;
}

/** The rows from block `start` on, recovered under `columns`; null when the rows do not bear the count out. */
function readBody(blocks: Block[], start: number, free: Free, columns: string[]): { entries: Entry[]; flat: FlatTable } | null {
  const text = (k: number) => (blocks[k] as LineBlock).text;
  const entries = bodyEntries(blocks, start, free);
  const data = entries.filter((e) => isDataLine(text(e.index)));
  if (data.length === 0) return null;
  // Word rows hold no numbers: left out of the recovery, they do not break its column sums.
  const read = entries.filter((e) => !e.words);
  const flat = recoverFlatTable(columns, read.map((e) => text(e.index)), guessMode(data.map((e) => text(e.index))));
  if (!fitsHeader(flat, data.length)) return null;
  const recovered = [...flat.rows];
  flat.rows = entries.map((e) => (e.words ? wordRow(text(e.index), e.continued.map(text), columns.length) : recovered.shift()!));
  entries.forEach((e, k) => {
    if (!e.words && e.continued.length > 0) flat.rows[k].label = clean([flat.rows[k].label, ...e.continued.map(text)].join(' '));
  });
  return { entries, flat };
}

/** Header readings tried after the best one fails the rows: those scoring within this of it. */
const FALLBACK_SPREAD = 2;
/** Score lead a header reading needs over another with as many columns to name them for certain. */
const HEADER_MARGIN = 1;

/**
 * Columns whose names are not sure: a rival reading of the header with the same column count
 * scores almost as well, or the header was stacked in glued text, where words of different
 * columns run together and the cuts come from a vocabulary.
 */
function headerDoubt(choice: HeaderChoice, rivals: HeaderChoice[], glued: boolean): { columns: number[]; why: string } | null {
  const all = choice.columns.map((_, c) => c);
  if (glued && choice.last > choice.first) {
    return { columns: all, why: `column names read from ${choice.last - choice.first + 1} stacked header lines of glued text` };
  }
  const rival = rivals.find((r) => r.columns.length === choice.columns.length && r.score - choice.score < HEADER_MARGIN - 1e-9
    && r.columns.some((x, c) => x !== choice.columns[c]));
  if (!rival) return null;
  const differ = all.filter((c) => rival.columns[c] !== choice.columns[c]);
  const show = (h: HeaderChoice) => differ.map((c) => `"${h.columns[c]}"`).join(', ');
  return { columns: differ, why: `header read as ${show(choice)} over ${show(rival)} (lead ${(rival.score - choice.score).toFixed(1)})` };
}

/** The data lines from `first` on, to tell flattened from glued text. */
function dataRun(blocks: Block[], first: number, free: Free): number[] {
  const out: number[] = [];
  for (let k = first; out.length < 8 && free(k) && isDataLine(free(k)!.text); k++) out.push(k);
  return out;
}

/**
 * Lines right above the first row that may hold the header: stacked without blank lines,
 * short, no sentence, no numbers but years and dates. Group rows between the header and the
 * first row are among them (stack.ts leaves them out of the names).
 */
function headerBlock(blocks: Block[], first: number, free: Free): number[] {
  const out: number[] = [];
  if ((blocks[first] as LineBlock).gapBefore > MAX_INNER_GAP) return out;
  for (let k = first - 1; k >= 0 && out.length < MAX_HEADER_BLOCK; k--) {
    const b = free(k);
    if (!b || b.declaredLevel !== null || !isHeaderLine(b.text)) break;
    out.unshift(k);
    if (b.gapBefore > 0) break;
  }
  return out;
}

/** The detected table: upper header lines, the names, then the rows as recovered. */
function assemble(
  blocks: Block[], free: Free, headerLines: number[], choice: HeaderChoice, entries: Entry[], flat: FlatTable,
): FlatDetection {
  const head = blocks[headerLines[0]] as LineBlock;
  const upper = upperLines(blocks, headerLines[0], free);
  const captionAt = upper.captionIndex ?? captionIndex(blocks, upper.first, free);
  const width = choice.columns.length + 1;
  const pad = (label: string) => [label, ...Array(width - 1).fill('')];
  const lineOf = (k: number) => (blocks[k] as LineBlock).line;
  const rows = [
    ...upper.lines.map((k) => pad(clean((blocks[k] as LineBlock).text))),
    [choice.corner, ...choice.columns],
    ...flat.rows.map((r) => (r.cells ? [r.label, ...r.cells.map((c) => c.text)] : pad(r.label))),
  ];
  const lastEntry = entries[entries.length - 1];
  const table: DetectedTable = {
    blockIndices: [...upper.lines, ...headerLines, ...entries.flatMap((e) => [e.index, ...e.continued])].sort((a, b) => a - b),
    rows,
    rowLines: [...upper.lines.map(lineOf), lineOf(headerLines[0]), ...entries.map((e) => lineOf(e.index))],
    headerRows: upper.lines.length + 1,
    caption: captionAt === null ? null : clean((blocks[captionAt] as LineBlock).text),
    page: head.page,
    pageEnd: (blocks[lastEntry.index] as LineBlock).page ?? head.page,
    line: lineOf(upper.lines[0] ?? headerLines[0]),
  };
  return { table, flat };
}

/**
 * The header's column count is believed when most rows have a reading with that many
 * columns and at least one row fills them all. A wrong count would make every split wrong.
 */
function fitsHeader(flat: FlatTable, dataRows: number): boolean {
  const readable = flat.rows.filter((r) => r.cells !== null && r.readings > 0).length;
  return flat.rows.some((r) => r.fills) && readable * 2 >= dataRows;
}

/**
 * Lines right above the header without numbers (other than years): a title ("Arbete och
 * socialtjänst") or upper header levels. Plain text does not say which columns an upper level
 * spans, so they are kept as header rows in the corner cell. An upper-case title alone is
 * the caption, as tables.ts does with Mölndal's RESULTATRÄKNING.
 */
function upperLines(blocks: Block[], header: number, free: Free): { lines: number[]; first: number; captionIndex: number | null } {
  const lines: number[] = [];
  let k = header;
  while (lines.length < MAX_UPPER_LINES && (blocks[k] as LineBlock).gapBefore === 0) {
    const prev = free(k - 1);
    if (!prev || clean(prev.text).length > MAX_GROUP_CHARS + 20 || /\d/.test(prev.text.replace(/(?:19|20)\d{2}/g, ''))
      || /[.!?:]$/.test(clean(prev.text)) || prev.declaredLevel !== null) break;
    lines.unshift(k - 1);
    k--;
  }
  if (lines.length === 1) {
    const t = clean((blocks[lines[0]] as LineBlock).text);
    const letters = t.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 3 && letters === letters.toLocaleUpperCase('sv')) return { lines: [], first: header, captionIndex: lines[0] };
  }
  return { lines, first: k, captionIndex: null };
}

function captionIndex(blocks: Block[], first: number, free: Free): number | null {
  const prev = free(first - 1);
  if (!prev || (blocks[first] as LineBlock).gapBefore > MAX_CAPTION_GAP) return null;
  return clean(prev.text).length <= MAX_CAPTION_CHARS ? first - 1 : null;
}

/**
 * One warning per row that is not certain, naming its inferred cells (the others are certain)
 * and the evidence, or, for a row not read, its printed text.
 */
function rowDiagnostics(flat: FlatTable, lines: LineBlock[], head: LineBlock): Diagnostic[] {
  const out: Diagnostic[] = [];
  flat.rows.forEach((r, k) => {
    const where = { page: lines[k].page ?? head.page, line: lines[k].line };
    if (r.certainty === 'inferred') {
      const inferred = flat.columns.filter((_, c) => r.cells![c].certainty === 'inferred');
      const which = inferred.length === flat.columns.length ? 'all cells' : `${inferred.map((x) => `"${x}"`).join(', ')}; the other cells certain`;
      out.push(warning('flat:inferred', `flattened row "${r.label}" split by inference (inferred: ${which}): ${r.evidence}`, where));
    } else if (r.certainty === 'unresolved') {
      out.push(warning('flat:unresolved', `flattened row "${r.label}" could not be split with certainty, printed "${clean(r.raw)}": ${r.evidence}`, where));
    }
  });
  return out;
}



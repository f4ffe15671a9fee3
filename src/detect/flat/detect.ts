/**
 * Tables in plain text without tabs: a header line of column names (Utfall, Budget, Prognos,
 * Avvikelse, years …) over a run of lines ending in numbers. Text copied out of a PDF or a
 * web page arrives like this, with the column gaps turned into single spaces or lost.
 *
 * Runs after the tab-table stage on the lines it left; the grid comes from recover.ts, and
 * every value that is not certain is reported: 'flat:inferred' (the split chosen, with the
 * evidence) or 'flat:unresolved' (cells left empty, the printed text in the message).
 */
import type { Block, LineBlock } from '../../model/source-doc.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../model/diagnostic.js';
import type { DetectedTable } from '../tables.js';
import { parseFlatHeader } from './header.js';
import { guessMode, recoverFlatTable, type FlatTable } from './recover.js';
import { splitTail } from './segment.js';

/** Blank lines allowed between the rows of one table. */
const MAX_INNER_GAP = 1;
/** A caption stands at most this many blank lines above the table (as in tables.ts). */
const MAX_CAPTION_GAP = 2;
const MAX_CAPTION_CHARS = 160;
/** Row labels are short; a longer line ending in a number is prose. */
const MAX_LABEL_CHARS = 120;
/** A label-only line inside a table (a group row) is shorter still. */
const MAX_GROUP_CHARS = 60;
/** Upper header lines ("Innevarande år  Föregående år") stacked right above the header. */
const MAX_UPPER_LINES = 2;

export interface FlatDetection {
  table: DetectedTable;
  flat: FlatTable;
}

export function detectFlatTables(blocks: Block[], skip: Set<number>): { tables: DetectedTable[]; diagnostics: Diagnostic[] } {
  const found = findFlatTables(blocks, skip);
  return { tables: found.tables.map((t) => t.table), diagnostics: found.diagnostics };
}

/** As detectFlatTables, keeping the recovered grid with its per-cell certainty. */
export function findFlatTables(blocks: Block[], skip: Set<number>): { tables: FlatDetection[]; diagnostics: Diagnostic[] } {
  const tables: FlatDetection[] = [];
  const diagnostics: Diagnostic[] = [];
  const free = (i: number): LineBlock | null => {
    const b = blocks[i];
    return b && !skip.has(i) && b.kind === 'line' && b.cells === null ? b : null;
  };
  let i = 0;
  while (i < blocks.length) {
    const head = free(i);
    const header = head ? parseFlatHeader(head.text) : null;
    if (!head || !header) { i++; continue; }
    const body: number[] = [];
    let j = i + 1;
    for (; free(j); j++) {
      const b = free(j)!;
      if (b.gapBefore > MAX_INNER_GAP || parseFlatHeader(b.text)) break;
      if (isDataLine(b.text)) { body.push(j); continue; }
      const next = free(j + 1);
      if (isGroupLine(b.text) && next && next.gapBefore <= MAX_INNER_GAP && isDataLine(next.text)) { body.push(j); continue; }
      break;
    }
    const data = body.filter((k) => isDataLine((blocks[k] as LineBlock).text));
    if (data.length === 0) { i++; continue; }
    const lines = body.map((k) => (blocks[k] as LineBlock).text);
    const flat = recoverFlatTable(header.columns, lines, guessMode(data.map((k) => (blocks[k] as LineBlock).text)));
    if (!fitsHeader(flat, data.length)) { i++; continue; }

    const upper = upperLines(blocks, i, free);
    const captionAt = upper.captionIndex ?? captionIndex(blocks, upper.first, free);
    const width = header.columns.length + 1;
    const pad = (first: string) => [first, ...Array(width - 1).fill('')];
    const rows = [
      ...upper.lines.map((k) => pad(clean((blocks[k] as LineBlock).text))),
      [header.corner, ...header.columns],
      ...flat.rows.map((r) => (r.cells ? [r.label, ...r.cells.map((c) => c.text)] : pad(r.label))),
    ];
    const lineOf = (k: number) => (blocks[k] as LineBlock).line;
    const indices = [...upper.lines, i, ...body];
    const table: DetectedTable = {
      blockIndices: indices,
      rows,
      rowLines: indices.map(lineOf),
      headerRows: upper.lines.length + 1,
      caption: captionAt === null ? null : clean((blocks[captionAt] as LineBlock).text),
      page: head.page,
      pageEnd: (blocks[body[body.length - 1]] as LineBlock).page ?? head.page,
      line: lineOf(indices[0]),
    };
    tables.push({ table, flat });
    diagnostics.push(...rowDiagnostics(flat, body.map((k) => blocks[k] as LineBlock), head));
    i = j;
  }
  return { tables, diagnostics };
}

/**
 * The header's column count is believed when most rows have a reading with that many
 * columns and at least one row fills them all. A wrong count would make every split wrong.
 */
function fitsHeader(flat: FlatTable, dataRows: number): boolean {
  const readable = flat.rows.filter((r) => r.cells !== null && r.readings > 0).length;
  const full = flat.rows.some((r) => r.cells !== null && r.cells.every((c) => c.text !== ''));
  return full && readable * 2 >= dataRows;
}

function isDataLine(text: string): boolean {
  const mode = guessMode([text]);
  const split = splitTail(text, mode) ?? splitTail(text, mode === 'glued' ? 'spaced' : 'glued');
  return split !== null && /\d/.test(split.tail) && split.label.length <= MAX_LABEL_CHARS && /\p{L}/u.test(split.label);
}

function isGroupLine(text: string): boolean {
  const t = clean(text);
  return t !== '' && t.length <= MAX_GROUP_CHARS && !/\d/.test(t) && !/[.!?]$/.test(t);
}

/**
 * Lines right above the header without numbers (other than years): a title ("Arbete och
 * socialtjänst") or upper header levels. Plain text does not say which columns an upper level
 * spans, so they are kept as header rows in the corner cell. An upper-case title alone is
 * the caption, as tables.ts does with Mölndal's RESULTATRÄKNING.
 */
function upperLines(
  blocks: Block[], header: number, free: (i: number) => LineBlock | null,
): { lines: number[]; first: number; captionIndex: number | null } {
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

function captionIndex(blocks: Block[], first: number, free: (i: number) => LineBlock | null): number | null {
  const prev = free(first - 1);
  if (!prev || (blocks[first] as LineBlock).gapBefore > MAX_CAPTION_GAP) return null;
  return clean(prev.text).length <= MAX_CAPTION_CHARS ? first - 1 : null;
}

function rowDiagnostics(flat: FlatTable, lines: LineBlock[], head: LineBlock): Diagnostic[] {
  const out: Diagnostic[] = [];
  flat.rows.forEach((r, k) => {
    const where = { page: lines[k].page ?? head.page, line: lines[k].line };
    if (r.certainty === 'inferred') {
      out.push(warning('flat:inferred', `flattened row "${r.label}" split by inference: ${r.evidence}`, where));
    } else if (r.certainty === 'unresolved') {
      out.push(warning('flat:unresolved', `flattened row "${r.label}" could not be split with certainty, printed "${clean(r.raw)}": ${r.evidence}`, where));
    }
  });
  return out;
}

const clean = (s: string) => s.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();

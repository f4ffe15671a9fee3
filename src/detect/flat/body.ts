/**
 * The rows under a flat table's header: data lines, group rows before data, wrapped label
 * lines after a row, and rows of words where the numbers go (kept, unresolved, so the table
 * goes on below them).
 */
import type { Block, LineBlock } from '../../model/source-doc.js';
import type { FlatRow } from './recover.js';
import { clean, isContinuation, isDataLine, isGroupLine, isWordRow } from './lines.js';
import { parseFlatHeader } from './header.js';

/** Blank lines allowed between the rows of one table, and between the header and the rows. */
export const MAX_INNER_GAP = 1;

export type Free = (i: number) => LineBlock | null;

/** A body row: its line, wrapped label lines after it, and whether it holds words where numbers go. */
export interface Entry { index: number; continued: number[]; words?: boolean }

/** Rows under the header: data lines, group rows before data, wrapped label lines after a row. */
export function bodyEntries(blocks: Block[], start: number, free: Free): Entry[] {
  const entries: Entry[] = [];
  for (let j = start; free(j); j++) {
    const b = free(j)!;
    if (b.gapBefore > MAX_INNER_GAP || parseFlatHeader(b.text)) break;
    if (isDataLine(b.text)) { entries.push({ index: j, continued: [] }); continue; }
    const prev = entries[entries.length - 1];
    const afterRow = prev && (prev.words || isDataLine((blocks[prev.index] as LineBlock).text));
    if (afterRow && b.gapBefore === 0 && isContinuation(b.text)) {
      prev.continued.push(j);
      continue;
    }
    const next = free(j + 1);
    if (isGroupLine(b.text) && next && next.gapBefore <= MAX_INNER_GAP && isDataLine(next.text)) { entries.push({ index: j, continued: [] }); continue; }
    if (afterRow && b.gapBefore === 0 && isWordRow(b.text) && dataFollows(j, free)) { entries.push({ index: j, continued: [], words: true }); continue; }
    break;
  }
  // A group row at the end has no rows under it: it is not part of the table.
  while (entries.length > 0 && !isDataLine((blocks[entries[entries.length - 1].index] as LineBlock).text)) entries.pop();
  return entries;
}

/** A data line within the next lines, past the word row's wrapped lines. */
function dataFollows(j: number, free: Free): boolean {
  for (let k = j + 1; k <= j + 3 && free(k); k++) {
    const b = free(k)!;
    if (b.gapBefore > MAX_INNER_GAP) return false;
    if (isDataLine(b.text)) return true;
    if (!isContinuation(b.text) && !/^\p{Ll}/u.test(clean(b.text))) return false;
  }
  return false;
}

/** A row of words, kept unresolved with its printed text (first line and its wrapped lines). */
export function wordRow(first: string, rest: string[], width: number): FlatRow {
  const raw = clean([first, ...rest].join(' '));
  return {
    label: clean(first),
    cells: Array.from({ length: width }, () => ({ text: '', certainty: 'unresolved' as const })),
    raw,
    certainty: 'unresolved',
    evidence: 'words stand where the numbers go; without column positions they cannot be placed',
    readings: 0,
    fills: false,
  };
}


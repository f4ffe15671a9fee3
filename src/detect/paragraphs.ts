/**
 * Visual lines → paragraphs, for paginated sources whose reader gives one block per printed
 * line (PDF). A line continues the one above when nothing but a line wrap separates them:
 * same page and column, no vertical gap, same font size and weight, and the line above was
 * filled so far to the right that the next line's first word could not have fitted there.
 * Without this a goal or heading printed over two lines is read as two.
 */
import type { BBox, Block, LineBlock } from '../model/source-doc.js';
import { roundSize } from './stats.js';
import { NOT_HEADING } from './headings.js';

/** A vertical gap above this (in body-line units) is a paragraph break. */
const PARAGRAPH_GAP = 0.5;
/** Lines whose left edges differ by less than this many em sit in the same column. */
const SAME_COLUMN_EM = 2;
/** Slack at the right margin (em) for justified or ragged text. */
const WRAP_SLACK_EM = 0.6;
/** "Status  Påbörjad", "Bedömning: …" start their own line in Stratsys layouts. */
const LABEL_START = /^(status|bedömning|kommentar)\b/i;
const LIST_START = /^([•▪◦●\-–—*]|\d{1,2}[.)]|[a-z][.)])\s/u;

export function joinParagraphs(blocks: Block[]): Block[] {
  const rightEdges = columnRights(blocks);
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind === 'line' && prev?.kind === 'line' && continues(prev, b, rightEdges)) {
      out[out.length - 1] = merge(prev, b);
    } else {
      out.push(b);
    }
  }
  return out;
}

function continues(a: LineBlock, b: LineBlock, rights: Map<number, BBox[]>): boolean {
  if (a.cells || b.cells || !a.bbox || !b.bbox || a.page === null || a.page !== b.page) return false;
  if (b.gapBefore > PARAGRAPH_GAP || a.bold !== b.bold) return false;
  if (a.fontSize === null || b.fontSize === null || roundSize(a.fontSize) !== roundSize(b.fontSize)) return false;
  const em = a.fontSize;
  if (Math.abs(a.bbox.l - b.bbox.l) > SAME_COLUMN_EM * em && b.bbox.l > a.bbox.l) return false;
  if (LIST_START.test(b.text.trim()) || /[:]$/.test(a.text.trim())) return false;
  // Labels such as "Bedömning", "Status", "Kommentar:" stand on their own line.
  if (NOT_HEADING.test(b.text.trim()) || NOT_HEADING.test(a.text.trim())) return false;
  if (LABEL_START.test(b.text.trim())) return false;
  const colRight = columnRight(a, rights.get(a.page) ?? [], em);
  const firstWord = b.text.trim().split(/\s+/)[0] ?? '';
  const charWidth = (b.bbox.r - b.bbox.l) / Math.max(1, b.text.length);
  return a.bbox.r + (firstWord.length + 1) * charWidth >= colRight - WRAP_SLACK_EM * em;
}

/** The right edge of the column a line sits in: the furthest right of lines starting near it. */
function columnRight(a: LineBlock, lines: BBox[], em: number): number {
  let right = a.bbox!.r;
  for (const bb of lines) if (Math.abs(bb.l - a.bbox!.l) <= SAME_COLUMN_EM * em && bb.r > right) right = bb.r;
  return right;
}

function columnRights(blocks: Block[]): Map<number, BBox[]> {
  const byPage = new Map<number, BBox[]>();
  for (const b of blocks) {
    if (b.kind !== 'line' || !b.bbox || b.page === null || b.cells) continue;
    byPage.set(b.page, [...(byPage.get(b.page) ?? []), b.bbox]);
  }
  return byPage;
}

function merge(a: LineBlock, b: LineBlock): LineBlock {
  const at = a.text.trimEnd();
  // A line ending in a suspended compound ("Individ-") keeps its hyphen and the space.
  const text = `${at} ${b.text.trimStart()}`;
  return {
    ...a,
    text,
    spans: a.spans && b.spans ? [...a.spans, ...b.spans] : a.spans,
    bbox: { l: Math.min(a.bbox!.l, b.bbox!.l), t: a.bbox!.t, r: Math.max(a.bbox!.r, b.bbox!.r), b: b.bbox!.b },
    footnotes: [...a.footnotes, ...b.footnotes],
  };
}

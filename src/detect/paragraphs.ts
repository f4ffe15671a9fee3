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
/** The first word of a trimmed line (what `split(/\s+/)[0]` gives, without splitting the rest). */
const FIRST_WORD = /^\S*/;

export function joinParagraphs(blocks: Block[]): Block[] {
  const columns = new ColumnRights(blocks);
  const out: Block[] = [];
  // The paragraph being joined is a copy owned here: each further line extends it in place
  // instead of copying its spans and footnotes once more (quadratic in a long paragraph).
  let open: LineBlock | null = null;
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind === 'line' && prev?.kind === 'line' && continues(prev, b, columns)) {
      if (prev === open) extend(open, b);
      else out[out.length - 1] = open = merge(prev, b);
    } else {
      out.push(b);
    }
  }
  return out;
}

function continues(a: LineBlock, b: LineBlock, columns: ColumnRights): boolean {
  if (a.cells || b.cells || !a.bbox || !b.bbox || a.page === null || a.page !== b.page) return false;
  if (b.gapBefore > PARAGRAPH_GAP || a.bold !== b.bold) return false;
  if (a.fontSize === null || b.fontSize === null || roundSize(a.fontSize) !== roundSize(b.fontSize)) return false;
  const em = a.fontSize;
  if (Math.abs(a.bbox.l - b.bbox.l) > SAME_COLUMN_EM * em && b.bbox.l > a.bbox.l) return false;
  const at = a.text.trim();
  const bt = b.text.trim();
  if (LIST_START.test(bt) || at.endsWith(':')) return false;
  // Labels such as "Bedömning", "Status", "Kommentar:" stand on their own line.
  if (NOT_HEADING.test(bt) || NOT_HEADING.test(at)) return false;
  if (LABEL_START.test(bt)) return false;
  const colRight = columns.rightOf(a.page, a.bbox, em);
  const firstWord = FIRST_WORD.exec(bt)![0];
  const charWidth = (b.bbox.r - b.bbox.l) / Math.max(1, b.text.length);
  return a.bbox.r + (firstWord.length + 1) * charWidth >= colRight - WRAP_SLACK_EM * em;
}

/**
 * The right edge of the column a line sits in: the furthest right of the page's lines starting
 * near it. Lines of one column share their left edge and size, so the page is scanned once per
 * left edge rather than once for every line.
 */
class ColumnRights {
  /** Each page's line boxes, and the right edge found for a left edge (at the size last asked). */
  private readonly pages = new Map<number, { boxes: BBox[]; edges: Map<number, { em: number; right: number }> }>();

  constructor(blocks: Block[]) {
    for (const b of blocks) {
      if (b.kind !== 'line' || !b.bbox || b.page === null || b.cells) continue;
      const page = this.pages.get(b.page);
      if (page) page.boxes.push(b.bbox);
      else this.pages.set(b.page, { boxes: [b.bbox], edges: new Map() });
    }
  }

  rightOf(page: number, box: BBox, em: number): number {
    const lines = this.pages.get(page);
    if (!lines) return box.r;
    let edge = lines.edges.get(box.l);
    if (!edge || edge.em !== em) {
      let right = -Infinity;
      for (const bb of lines.boxes) if (Math.abs(bb.l - box.l) <= SAME_COLUMN_EM * em && bb.r > right) right = bb.r;
      edge = { em, right };
      lines.edges.set(box.l, edge);
    }
    return edge.right > box.r ? edge.right : box.r;
  }
}

function merge(a: LineBlock, b: LineBlock): LineBlock {
  return {
    ...a,
    text: joinText(a.text, b.text),
    // Always a copy, so that extend may append to it.
    spans: a.spans && (b.spans ? [...a.spans, ...b.spans] : [...a.spans]),
    bbox: { l: Math.min(a.bbox!.l, b.bbox!.l), t: a.bbox!.t, r: Math.max(a.bbox!.r, b.bbox!.r), b: b.bbox!.b },
    footnotes: [...a.footnotes, ...b.footnotes],
  };
}

/** merge for a paragraph made by merge: the same fields, appended in place. */
function extend(p: LineBlock, b: LineBlock): void {
  p.text = joinText(p.text, b.text);
  if (p.spans && b.spans) for (const s of b.spans) p.spans.push(s);
  p.bbox = { l: Math.min(p.bbox!.l, b.bbox!.l), t: p.bbox!.t, r: Math.max(p.bbox!.r, b.bbox!.r), b: b.bbox!.b };
  for (const f of b.footnotes) p.footnotes.push(f);
}

/** A line ending in a suspended compound ("Individ-") keeps its hyphen and the space. */
function joinText(a: string, b: string): string {
  return `${a.trimEnd()} ${b.trimStart()}`;
}

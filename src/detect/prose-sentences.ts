/**
 * Running text cut into sentences, for detectors that read verdicts from prose (revision
 * criticism, hedged goal assessments). PDF paragraphs arrive as several blocks when a column
 * breaks or a run-in subhead interrupts them, so blocks are joined until one ends a sentence;
 * heading blocks are passed over without ending the sentence (a subhead set inside a column
 * interrupts the paragraph around it). A page change ends it: footers and page numbers sit
 * in between.
 */
import type { Block } from '../model/source-doc.js';
import { normalizeSpace } from './cell-shape.js';

export interface Sentence {
  text: string;
  /** Block the sentence starts in, and its place. */
  blockIndex: number;
  page: number | null;
  line: number | null;
  /** Sentences from the same run of joined blocks share a paragraph number. */
  paragraph: number;
}

/** Longest run joined into one paragraph; prose that never ends a sentence is not prose. */
const MAX_PARAGRAPH = 4000;
/** "inköps- och upphandlingsnämnden": a hyphen before a conjunction is part of the compound. */
const CONJUNCTION = /^(och|eller|samt|till)\b/;
const ENDS_SENTENCE = /[.!?:;]["”’)]?$/;
const HYPHEN_END = /\p{Ll}-$/u;

/**
 * The text of each block a prose or label detector reads, with its spaces normalised: null for
 * tables, cell rows and skipped blocks. Computed once and shared (detectGoals reads the same lines).
 */
export function lineTexts(blocks: Block[], skip: Set<number>): (string | null)[] {
  return blocks.map((b, i) => (b.kind !== 'line' || b.cells || skip.has(i) ? null : normalizeSpace(b.text)));
}

export function proseSentences(
  blocks: Block[], skip: Set<number>, headingBlocks: ReadonlySet<number>, texts: (string | null)[] = lineTexts(blocks, skip),
): Sentence[] {
  const out: Sentence[] = [];
  let parts: { text: string; index: number }[] = [];
  let length = 0; // of the parts' texts, kept as they are added rather than summed each time
  let paragraph = 0;
  const flush = () => {
    if (parts.length) out.push(...splitSentences(parts, blocks, paragraph++));
    parts = [];
    length = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const text = texts[i];
    if (text === null) { flush(); continue; }
    if (headingBlocks.has(i)) continue;
    if (text === '') continue;
    const first = parts[0] ? blocks[parts[0].index] : null;
    if (first && first.page !== b.page) flush();
    parts.push({ text, index: i });
    length += text.length;
    if (ENDS_SENTENCE.test(text) || length > MAX_PARAGRAPH) flush();
  }
  flush();
  return out;
}

/** Joins the parts (undoing line-end hyphenation) and splits at sentence ends, keeping each sentence's first block. */
function splitSentences(parts: { text: string; index: number }[], blocks: Block[], paragraph: number): Sentence[] {
  let joined = '';
  let last = ''; // the part `joined` ends with
  const starts: { at: number; index: number }[] = [];
  for (const p of parts) {
    // The end of `joined` is read from its last part when that is long enough: each read of
    // `joined` itself would copy the whole paragraph joined so far into one string again.
    if (joined === '') { /* first part */ } else if (endsHyphenated(last.length >= 3 ? last : joined) && /^\p{Ll}/u.test(p.text) && !CONJUNCTION.test(p.text)) joined = joined.slice(0, -1);
    else joined += ' ';
    starts.push({ at: joined.length, index: p.index });
    joined += p.text;
    last = p.text;
  }
  const out: Sentence[] = [];
  const boundary = /[.!?]["”’)]?\s+(?=["”]?[\p{Lu}\d])/gu;
  let from = 0;
  let k = 0; // the part `from` lies in; sentences come in order, so it only moves forward
  const push = (to: number) => {
    const text = joined.slice(from, to).trim();
    if (text) {
      while (k + 1 < starts.length && starts[k + 1].at <= from) k++;
      const start = starts[k];
      const b = blocks[start.index];
      out.push({ text, blockIndex: start.index, page: b.page, line: b.line, paragraph });
    }
  };
  for (let m = boundary.exec(joined); m; m = boundary.exec(joined)) {
    push(m.index + 1);
    from = m.index + m[0].length;
  }
  push(joined.length);
  return out;
}

/** A lower-case letter and a hyphen at the end; only the last three code units are read (a letter outside the BMP takes two). */
function endsHyphenated(text: string): boolean {
  return HYPHEN_END.test(text.slice(-3));
}

/**
 * Document-level passes after furniture removal: tables continued over a page break, and words
 * hyphenated at a line end.
 */
import type { Block, LineBlock, SourceCell, SourceDoc, TableBlock } from '../../model/index.js';

function width(row: SourceCell[]): number {
  return row.reduce((n, c) => n + c.colSpan, 0);
}

function columns(t: TableBlock): number {
  return Math.max(0, ...t.rows.map(width));
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

function sameRow(a: SourceCell[] | undefined, b: SourceCell[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((c, i) => norm(c.text) === norm(b[i]!.text));
}

/**
 * A table that ends its page and a table that starts the next one with the same column count
 * are one table; a repeated header row on the second page is dropped.
 */
export function mergeCrossPageTables(doc: SourceDoc): SourceDoc {
  const out: Block[] = [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    const prev = out[out.length - 1];
    if (
      b.kind === 'table' && prev?.kind === 'table' && prev.pageEnd !== null && b.page === prev.pageEnd + 1 &&
      columns(prev) === columns(b) && (sameRow(prev.rows[0], b.rows[0]) || prev.origin === b.origin)
    ) {
      const rows = sameRow(prev.rows[0], b.rows[0]) ? b.rows.slice(1) : [...b.rows];
      // Label lines at the top of the continuation finish the last row's wrapped label.
      const last = prev.rows[prev.rows.length - 1];
      const lastHasValues = last && last.slice(1).some((c) => c.text !== '');
      let lastRow = last;
      while (lastHasValues && lastRow && rows.length > 0 && isLabelOnly(rows[0]!) && /^[\p{Ll}(]/u.test(rows[0]![0]!.text)) {
        const cont = rows.shift()!;
        lastRow = [{ ...lastRow[0]!, text: `${lastRow[0]!.text} ${cont[0]!.text}` }, ...lastRow.slice(1)];
      }
      const prevRows = lastRow && lastRow !== last ? [...prev.rows.slice(0, -1), lastRow] : prev.rows;
      out[out.length - 1] = {
        ...prev,
        rows: [...prevRows, ...rows],
        pageEnd: b.pageEnd,
      };
      continue;
    }
    out.push(b);
  }
  return { ...doc, blocks: out };
}

function isLabelOnly(row: SourceCell[]): boolean {
  return row[0]!.text !== '' && row.slice(1).every((c) => c.text === '');
}

/** Words after which a line-end hyphen marks a suspended compound ("Individ- och familjeomsorg"). */
const SUSPENSION = /^(och|eller|samt|respektive|resp\.|till|som|&)$/i;

/**
 * "bola-" + "get …" → "bolaget" + "…" when the next line starts in lower case; a line-end soft
 * hyphen or "¬" always joins. The moved word leaves its line; an emptied line is dropped.
 */
export function joinPageBreaks(doc: SourceDoc): SourceDoc {
  const blocks = doc.blocks.map((b) => (b.kind === 'line' ? { ...b } : b));
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'line') {
      b.text = b.text.replace(/[\u00AD¬](?=\s|$)/g, (m, off: number) => (off === b.text.length - 1 ? m : ''));
    }
    const next = blocks[i + 1];
    if (b.kind === 'line' && next?.kind === 'line') joinHyphen(b, next);
    if (b.kind === 'line') {
      b.text = b.text.replace(/[\u00AD¬]$/, '');
      if (b.text.trim() === '') continue;
    }
    out.push(b);
  }
  return { ...doc, blocks: out };
}

function joinHyphen(a: LineBlock, b: LineBlock): void {
  const soft = /[\u00AD¬]$/.test(a.text);
  const hard = /\p{L}-$/u.test(a.text);
  if (!soft && !hard) return;
  const m = /^(\S+)(\s*)([\s\S]*)$/.exec(b.text);
  if (!m) return;
  const word = m[1]!;
  if (hard && (!/^\p{Ll}/u.test(word) || SUSPENSION.test(word.replace(/[.,;:]$/, '')))) return;
  a.text = a.text.slice(0, -1) + word;
  b.text = m[3]!;
  if (a.spans && a.spans.length > 0) {
    const last = a.spans[a.spans.length - 1]!;
    a.spans = [...a.spans.slice(0, -1), { ...last, text: last.text.replace(/[-\u00AD¬]$/, '') + word }];
  }
  if (b.spans && b.spans.length > 0) {
    const first = b.spans[0]!;
    const rest = first.text.startsWith(word) ? first.text.slice(word.length).trimStart() : first.text;
    b.spans = rest === '' ? b.spans.slice(1) : [{ ...first, text: rest }, ...b.spans.slice(1)];
  }
}

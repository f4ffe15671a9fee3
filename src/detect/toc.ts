/**
 * Table of contents: a run of lines "Title<tab or leaders>page". It is not a run of
 * sections; its entries confirm headings later in the document and give their levels.
 */
import type { Block, LineBlock, TableBlock } from '../model/source-doc.js';

export interface TocEntry {
  number: string | null;
  title: string;
  page: number;
  blockIndex: number;
}

export interface Toc {
  entries: TocEntry[];
  /** Indices of blocks that belong to the TOC (its title and entries). */
  blockIndices: Set<number>;
}

/** A TOC needs at least this many consecutive entry lines, so one "Summa\t12" row is not one. */
const MIN_TOC_ENTRIES = 3;
const TOC_TITLE = /^(innehåll|innehållsförteckning|innehall)\s*$/i;
/**
 * Leaders at the end of a title. The lookbehind lets a match start only where a run starts:
 * the leftmost match is such a start anyway, and without it every dot of a long run in a
 * line that goes on (PDF TOC lines joined into one paragraph) starts a scan to its end.
 */
const LEADERS = /(?<![.\u2026\u00b7_\s\u0008\ufffd])[.\u2026\u00b7_\s\u0008\ufffd]{2,}$/;
/**
 * Title, leaders (or a space), page number: one entry printed as a line. The lookbehinds
 * start the leaders (or the space) only at the start of their run, as with LEADERS: the
 * shortest title ends there anyway.
 */
const ENTRY_LINE = /^(.*?)(?:(?<![.\u2026\u00b7_\u0008\ufffd ])[.\u2026\u00b7_\u0008\ufffd ]{3,}|(?<!\s)\s+)(\d{1,3})$/;
const LEADER_RUN = /[.\u2026\u00b7_\u0008\ufffd]{3,}/;

export function parseTocLine(b: LineBlock): Omit<TocEntry, 'blockIndex'> | null {
  return parseTocText(b.text, b.cells);
}

function parseTocText(text: string, given: readonly string[] | null | undefined): Omit<TocEntry, 'blockIndex'> | null {
  let title: string;
  let pageText: string;
  // Text sources split tabs into cells; Word paragraphs keep the tab in their text.
  const cells = given ?? (text.includes('\t') ? text.split('\t').map((c) => c.trim()) : null);
  if (cells && cells.filter((c) => c !== '').length === 2 && cells.length <= 3) {
    const filled = cells.filter((c) => c !== '');
    [title, pageText] = [filled[0], filled[1]];
  } else {
    const t = text.trim();
    // The cheap tests first: most lines end in no digit or hold no leaders.
    if (!endsInDigit(t) || !LEADER_RUN.test(text)) return null;
    const m = ENTRY_LINE.exec(t);
    if (!m) return null;
    [title, pageText] = [m[1], m[2]];
  }
  pageText = pageText.trim().replace(/\.$/, '');
  if (!/^\d{1,3}$/.test(pageText)) return null;
  title = title.replace(LEADERS, '').trim();
  if (!/\p{L}/u.test(title)) return null;
  const num = /^(\d+(?:\.\d+)*)\.?\s+(.*)$/.exec(title);
  return {
    number: num ? num[1] : null,
    title: num ? num[2].trim() : title,
    page: Number(pageText),
  };
}

export function detectToc(blocks: Block[]): Toc {
  const entries: TocEntry[] = [];
  const blockIndices = new Set<number>();
  let run: TocEntry[] = [];
  const flush = () => {
    // Page numbers in a TOC never go backwards; a two-column count table's values do.
    const monotonic = run.every((e, k) => k === 0 || e.page >= run[k - 1].page);
    if (run.length >= MIN_TOC_ENTRIES && monotonic) {
      entries.push(...run);
      for (const e of run) blockIndices.add(e.blockIndex);
      if (isTocTitle(blocks[run[0].blockIndex - 1])) blockIndices.add(run[0].blockIndex - 1);
    }
    run = [];
  };
  blocks.forEach((b, i) => {
    if (b.kind === 'table') {
      const next = blocks[i + 1];
      const beside = run.length > 0 || isTocTitle(blocks[i - 1]) || (next?.kind === 'line' && parseTocLine(next) !== null);
      // Only a table beside a TOC is read row by row; most tables are not.
      const rows = beside ? tocRowsOfTable(b) : null;
      if (rows) {
        for (const e of rows) run.push({ ...e, blockIndex: i });
        return;
      }
    }
    const e = b.kind === 'line' ? parseTocLine(b) : null;
    if (e && b.kind === 'line' && (run.length === 0 || b.gapBefore <= 1)) run.push({ ...e, blockIndex: i });
    else {
      flush();
      if (e) run.push({ ...e, blockIndex: i });
    }
  });
  flush();
  return { entries, blockIndices };
}

function isTocTitle(b: Block | undefined): boolean {
  return b?.kind === 'line' && TOC_TITLE.test(b.text.trim());
}

/**
 * A PDF reader's aligned table made of TOC entries (titles without leaders, page numbers in a
 * column of their own): every row one title and one page number. Null when any row is not.
 */
function tocRowsOfTable(t: TableBlock): Array<Omit<TocEntry, 'blockIndex'>> | null {
  const out: Array<Omit<TocEntry, 'blockIndex'>> = [];
  for (const row of t.rows) {
    const filled = row.map((c) => c.text.trim()).filter((c) => c !== '');
    if (filled.length !== 2) return null;
    const e = parseTocText(filled.join('\t'), filled);
    if (!e) return null;
    out.push(e);
  }
  return out.length > 0 ? out : null;
}

function endsInDigit(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c >= 0x30 && c <= 0x39;
}

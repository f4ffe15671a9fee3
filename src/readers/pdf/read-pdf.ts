/**
 * PDF → SourceDoc: text runs, lines, columns, ruled and aligned tables, furniture removed.
 */
import {
  lineBlock,
  ok,
  warning,
  type Block,
  type Diagnostic,
  type LineBlock,
  type Result,
  type SourceDoc,
  type SourcePage,
  type Span,
  type TableBlock,
} from '../../model/index.js';
import { findFurniture, FurnitureGuess, removeFurniture, type FurnitureCandidate } from '../../detect/furniture.js';
import { findAlignedTables, looksLikeTableRow, openTableAtEnd, type FlowItem } from './aligned-tables.js';
import type { TableShape } from './tables/header-led.js';
import { extractGraphics, type OpCodes } from './graphics.js';
import { RulePolicy } from './rule-policy.js';
import { buildLines, joinRuns, median, orderColumns } from './group-lines.js';
import { withPdfDocument, type RawPage } from './pdfjs-session.js';
import { findRuledTables, type RuledTable } from './ruled-tables.js';
import { itemsToRuns, round2, type ItemsToRunsResult } from './text-items.js';
import { joinPageBreaks, mergeCrossPageTables } from './postprocess.js';
import type { Line, Rule, Run } from './types.js';
import type { OcrResult } from '../ocr/index.js';
import type { ReadProgress } from '../index.js';

/** A page with fewer text-layer characters than this is treated as having no text layer. */
export const MIN_TEXT_CHARS = 10;
/**
 * Pages requested before the one being laid out. pdf.js parses them in its thread meanwhile;
 * with one page ahead it waited whenever laying out a page took longer than parsing the next.
 */
export const READ_AHEAD = 4;
/** Filled rectangles thinner than this many body em are rules, not shading. */
export const RULE_MAX_THICKNESS_FACTOR = 0.25;

export interface ReadPdfOptions {
  maxPages?: number;
  /** OCR the pages that have no text layer (default true; src/readers/ocr). */
  ocr?: boolean;
  onProgress?: (p: ReadProgress) => void;
}

type PageItem =
  | { kind: 'line'; line: Line; columnStart: boolean }
  | { kind: 'table'; block: TableBlock; top: number; bottom: number; columnStart: boolean };

export async function readPdf(bytes: Uint8Array, opts: ReadPdfOptions = {}): Promise<Result<SourceDoc>> {
  const diagnostics: Diagnostic[] = [];
  const { pages, pageItems, metaTitle, pageCount, ocr } = await withPdfDocument(bytes, async (s) => {
    const last = opts.maxPages !== undefined ? Math.min(s.numPages, Math.max(0, opts.maxPages)) : s.numPages;
    if (last < s.numPages) {
      diagnostics.push(
        warning('pdf:pages-capped', `read ${last} of ${s.numPages} pages (maxPages)`, { page: last + 1 }),
      );
    }
    const pages: SourcePage[] = [];
    const pageItems: PageItem[][] = [];
    const pageLines: PageLines[] = [];
    // Lines built while deciding whether the operator list is needed; kept when it is not.
    type Early = { raw?: RawPage; runs?: ItemsToRunsResult; lines?: Line[]; tableLike?: boolean };
    const policy = new RulePolicy();
    // Fonts of the pages laid out so far, and a gate that opens once pages 1..n-1 are laid out.
    // A page's operator-list decision waits at the gate, so it depends only on the pages before
    // it, never on how far pdf.js happened to have read ahead: the output is the same every run.
    const seenFonts = new Set<string>();
    const gate = new PageGate();
    const ahead = new LayoutAhead();
    const request = (n: number): { early: Early; page: Promise<RawPage> } => {
      const early: Early = {};
      const page = s.readPage(n, async (p) => {
        const r = itemsToRuns(p.items, p.viewportTransform, p.fonts);
        early.raw = p;
        early.runs = r;
        if (r.textChars < MIN_TEXT_CHARS || r.runs.length === 0) return false;
        early.lines = buildLines(r.runs);
        early.tableLike = mayHoldRuledTable(early.lines, p.width);
        if (!early.tableLike) return false;
        await gate.before(n);
        return policy.wants(n, Object.keys(p.fonts).some((f) => !seenFonts.has(f)));
      });
      page.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      return { early, page };
    };
    // Read ahead: pdf.js parses the next pages (in its worker threads) while page n is laid out here.
    const requested = new Map<number, ReturnType<typeof request>>();
    for (let n = 1; n <= last; n++) {
      for (let k = n; k <= Math.min(last, n + READ_AHEAD); k++) if (!requested.has(k)) requested.set(k, request(k));
      const { early, page } = requested.get(n)!;
      requested.delete(n);
      const raw = await page;
      const reuse = early.raw === raw;
      const runs = reuse && early.runs ? early.runs : itemsToRuns(raw.items, raw.viewportTransform, raw.fonts);
      const noText = runs.textChars < MIN_TEXT_CHARS;
      opts.onProgress?.({ stage: 'read', page: n, done: n, total: last });
      pages.push({ number: n, width: round2(raw.width), height: round2(raw.height), label: null, textChars: noText ? 0 : runs.textChars });
      pageItems.push([]);
      if (!noText && runs.runs.length > 0) {
        if (reuse && early.lines) {
          pageLines.push({ n, width: raw.width, height: raw.height, lines: early.lines, ruled: [] });
        } else {
          const laid = layoutRawPage(raw, runs.runs, s.opCodes);
          // Pages read in full for their fonts count too, when they look like tables.
          if (early.tableLike ?? (laid.ruled.length > 0 || mayHoldRuledTable(laid.lines, raw.width))) {
            policy.observe(n, laid.ruled.length);
          }
          pageLines.push({ n, width: raw.width, height: raw.height, ...laid });
        }
        ahead.page(pageLines[pageLines.length - 1]!);
      }
      for (const f of Object.keys(raw.fonts)) seenFonts.add(f);
      gate.done(n);
    }
    // Pages skipped on the guess that the document has no ruled tables, which proved wrong.
    const again = policy.backfill().map((n) => ({ n, page: s.readPage(n) }));
    for (const { page } of again) page.catch(() => undefined); // awaited in turn below
    for (const { n, page } of again) {
      const raw = await page;
      const at = pageLines.findIndex((p) => p.n === n);
      if (at >= 0) pageLines[at] = { ...pageLines[at]!, ...layoutRawPage(raw, itemsToRuns(raw.items, raw.viewportTransform, raw.fonts).runs, s.opCodes) };
    }
    // Pages without a text layer: OCR words become runs and are laid out like the others.
    const missing = opts.ocr === false ? [] : pages.filter((p) => p.textChars === 0).map((p) => p.number);
    const ocr: OcrResult | null = missing.length === 0 ? null : await (await import('../ocr/index.js')).ocrMissingPages(bytes, missing, {
      onPage: (page, done, total) => opts.onProgress?.({ stage: 'ocr', page, done, total }),
    });
    for (const p of ocr?.pages ?? []) {
      pageLines.push({ n: p.number, width: p.width, height: p.height, ...layoutWithRules(p.runs, p.rules ?? null, bodySize(p.runs)) });
    }
    // Running headers and footers go before tables are sought, so a footer never joins a table.
    const cands: FurnitureCandidate[] = [];
    const owners: Line[] = [];
    for (const p of pageLines) {
      for (const l of p.lines) {
        cands.push({ page: p.n, text: l.text, top: l.top, bottom: l.bottom, pageHeight: p.height });
        owners.push(l);
      }
    }
    const { furniture, labels } = findFurniture(cands, pages.filter((p) => p.textChars > 0).length + (ocr?.pages.length ?? 0));
    const drop = new Set([...furniture].map((i) => owners[i]!));
    for (const pg of pages) pg.label = labels.get(pg.number) ?? null;
    // A header-led table that ends a page may go on at the top of the next (tables/header-led.ts).
    let open: { page: number; shape: TableShape } | null = null;
    for (const p of pageLines) {
      const carry: TableShape | null = open && open.page === p.n - 1 ? open.shape : null;
      const kept = p.lines.filter((l) => !drop.has(l));
      const laid: PageLayout = ahead.result(p, kept, carry) ?? layoutPage(kept, p.ruled, p.width, p.n, carry);
      pageItems[p.n - 1] = laid.items;
      open = laid.open ? { page: p.n, shape: laid.open } : null;
    }
    return { pages, pageItems, metaTitle: s.metaTitle, pageCount: s.numPages, ocr };
  });

  const noText = pages.filter((p) => p.textChars === 0 && !ocr?.pages.some((o) => o.number === p.number)).map((p) => p.number);
  if (noText.length > 0) {
    const msg = noText.length === 1
      ? `page ${noText[0]} has no text layer; OCR is needed`
      : `pages ${compactRanges(noText)} have no text layer; OCR is needed`;
    diagnostics.push(warning('pdf:no-text-layer', msg, { page: noText[0] ?? null }));
  }

  const blocks = toBlocks(pageItems);
  if (ocr) diagnostics.push(...ocr.diagnostics, ...ocr.checkNumbers(blocks));
  const doc: SourceDoc = { format: 'pdf', pageCount, pages, ocr: (ocr?.pages.some((p) => p.runs.length > 0) ?? false), metaTitle, blocks };
  const clean = removeFurniture(doc);
  const merged = mergeCrossPageTables(clean.value);
  const joined = joinPageBreaks(merged);
  return ok(joined, [...diagnostics, ...clean.diagnostics]);
}

type PageLines = { n: number; width: number; height: number; lines: Line[]; ruled: RuledTable[] };
type PageLayout = ReturnType<typeof layoutPage>;

/**
 * Pages laid out while pdf.js reads the next ones, on a guess of their running headers and
 * footers (FurnitureGuess), instead of all at the end once findFurniture has seen every page.
 * A page's layout is taken only when it was made from exactly the lines, rules and open table
 * the final pass has; otherwise the page is laid out again.
 */
class LayoutAhead {
  private readonly guess = new FurnitureGuess();
  private readonly done = new Map<number, { p: PageLines; kept: Line[]; carry: TableShape | null; laid: PageLayout }>();
  private open: { page: number; shape: TableShape } | null = null;

  page(p: PageLines): void {
    const furniture = this.guess.next(p.lines, p.height);
    const kept = p.lines.filter((_, i) => !furniture.has(i));
    const carry = this.open && this.open.page === p.n - 1 ? this.open.shape : null;
    const laid = layoutPage(kept, p.ruled, p.width, p.n, carry);
    this.done.set(p.n, { p, kept, carry, laid });
    this.open = laid.open ? { page: p.n, shape: laid.open } : null;
  }

  /** The layout made ahead for these very inputs, or null. */
  result(p: PageLines, kept: readonly Line[], carry: TableShape | null): PageLayout | null {
    const d = this.done.get(p.n);
    if (!d || d.p !== p || d.carry !== carry || d.kept.length !== kept.length) return null;
    return d.kept.every((l, i) => l === kept[i]) ? d.laid : null;
  }
}

/** Opens for page n once pages 1..n-1 are done (they are done in order). */
class PageGate {
  private last = 0;
  private readonly waiting = new Map<number, Array<() => void>>();
  before(n: number): Promise<void> {
    if (this.last >= n - 1) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(n - 1, [...(this.waiting.get(n - 1) ?? []), resolve]));
  }
  done(n: number): void {
    this.last = n;
    for (const resolve of this.waiting.get(n) ?? []) resolve();
    this.waiting.delete(n);
  }
}

/**
 * Whether a page may hold a ruled table, judged from its text alone so the operator list (the
 * costliest part of reading a page) is fetched only where rules can matter: some line, read
 * within its column, looks like a table row (three cells, or a label and a value far apart).
 * Two-column prose has none. Over the fixtures, real PDFs and peer suites (435 pages) no page
 * with a ruled table failed this test.
 */
function mayHoldRuledTable(lines: readonly Line[], pageWidth: number): boolean {
  if (!lines.some((l) => l.segments.length >= 2)) return false;
  return orderColumns(lines, pageWidth).some((band) => band.columns.some((col) => col.some(looksLikeTableRow)));
}

/** A text-layer page: its rules come from the operator list, when that was read. */
function layoutRawPage(raw: RawPage, runs: Run[], opCodes: OpCodes): { lines: Line[]; ruled: RuledTable[] } {
  const body = bodySize(runs);
  const rules = raw.ops
    ? extractGraphics(raw.ops.fnArray, raw.ops.argsArray, raw.viewportTransform, opCodes, RULE_MAX_THICKNESS_FACTOR * body).rules
    : null;
  return layoutWithRules(runs, rules, body);
}

/** Ruled tables from a page's rules (text layer or OCR image), and lines of the runs they leave. */
function layoutWithRules(runs: Run[], rules: readonly Rule[] | null, body: number): { lines: Line[]; ruled: RuledTable[] } {
  const ruled = rules && runs.length > 0 ? findRuledTables(rules, runs, body) : [];
  const used = new Set<Run>();
  for (const t of ruled) for (const r of t.runs) used.add(r);
  const rest = used.size > 0 ? runs.filter((r) => !used.has(r)) : runs;
  return { lines: buildLines(rest), ruled };
}

function bodySize(runs: readonly Run[]): number {
  const bySize = new Map<number, number>();
  for (const r of runs) bySize.set(r.fontSize, (bySize.get(r.fontSize) ?? 0) + r.text.length);
  let best = 10;
  let n = -1;
  for (const [size, c] of bySize) if (c > n) { n = c; best = size; }
  return best;
}

/**
 * Order one page: bands top to bottom, columns left to right, tables where they sit. `open` is
 * a table left open at the bottom of the page before; the page's own open table is returned.
 */
function layoutPage(
  lines: Line[], ruled: RuledTable[], width: number, page: number, open: TableShape | null,
): { items: PageItem[]; open: TableShape | null } {
  const bands = orderColumns(lines, width);
  const flows: Array<{ flow: FlowItem[]; items: PageItem[] }> = [];
  type Col = { x0: number; x1: number; top: number; bottom: number; items: PageItem[] };
  const groups: Array<{ top: number; cols: Col[] }> = [];
  for (const [bi, band] of bands.entries()) {
    const cols: Col[] = band.columns.map((lines, ci) => {
      const flow = findAlignedTables(lines, bi === 0 && ci === 0 ? open : null);
      const items: PageItem[] = flow.map((f: FlowItem, k) => f.kind === 'line'
        ? { kind: 'line', line: f.line, columnStart: k === 0 }
        : {
          kind: 'table',
          top: f.top,
          bottom: f.bottom,
          columnStart: k === 0,
          block: tableBlock(f.rows, page, { l: f.x0, t: f.top, r: f.x1, b: f.bottom }, 'pdf-aligned'),
        });
      flows.push({ flow, items });
      return {
        x0: band.columnX[ci]![0],
        x1: band.columnX[ci]![1],
        top: Math.min(...lines.map((l) => l.top)),
        bottom: Math.max(...lines.map((l) => l.bottom)),
        items,
      };
    });
    groups.push({ top: band.top, cols });
  }
  for (const t of ruled) {
    const item: PageItem = {
      kind: 'table', top: t.bbox.t, bottom: t.bbox.b, columnStart: false,
      block: tableBlock(t.rows, page, t.bbox, 'pdf-ruled'),
    };
    const cx = (t.bbox.l + t.bbox.r) / 2;
    let placed = false;
    for (const g of groups) {
      for (const c of g.cols) {
        if (t.bbox.t >= c.top && t.bbox.t <= c.bottom && (g.cols.length === 1 || (cx >= c.x0 && cx <= c.x1))) {
          const idx = c.items.findIndex((it) => itemTop(it) > t.bbox.t);
          if (idx < 0) c.items.push(item);
          else c.items.splice(idx, 0, item);
          placed = true;
          break;
        }
      }
      if (placed) break;
    }
    if (!placed) groups.push({ top: t.bbox.t, cols: [{ x0: t.bbox.l, x1: t.bbox.r, top: t.bbox.t, bottom: t.bbox.b, items: [item] }] });
  }
  groups.sort((a, b) => a.top - b.top);
  const out: PageItem[] = [];
  for (const g of groups) {
    for (const c of g.cols) {
      c.items.forEach((it, k) => { it.columnStart = k === 0; out.push(it); });
    }
  }
  // Only a table that is the last thing on the page can go on at the top of the next.
  const last = flows.find((f) => f.items.length > 0 && f.items[f.items.length - 1] === out[out.length - 1]);
  return { items: out, open: last ? openTableAtEnd(last.flow) : null };
}

function itemTop(it: PageItem): number {
  return it.kind === 'line' ? it.line.top : it.top;
}

function tableBlock(rows: TableBlock['rows'], page: number, bbox: TableBlock['bbox'], origin: TableBlock['origin']): TableBlock {
  return {
    kind: 'table',
    rows,
    page,
    pageEnd: page,
    line: null,
    bbox: bbox && { l: round2(bbox.l), t: round2(bbox.t), r: round2(bbox.r), b: round2(bbox.b) },
    declaredHeaderRows: null,
    origin,
  };
}

/** Blocks with gapBefore in body-line units (the document's usual baseline pitch). */
function toBlocks(pageItems: PageItem[][]): Block[] {
  const sizes: number[] = [];
  for (const items of pageItems) for (const it of items) if (it.kind === 'line') sizes.push(it.line.fontSize);
  const body = mode(sizes);
  const pitches: number[] = [];
  const heights: number[] = [];
  for (const items of pageItems) {
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      if (a.kind !== 'line' || b.kind !== 'line' || b.columnStart) continue;
      if (a.line.fontSize !== body || b.line.fontSize !== body) continue;
      const d = b.line.baseline - a.line.baseline;
      if (d > 0 && d < 3 * body) pitches.push(d);
      heights.push(a.line.bottom - a.line.top);
    }
  }
  const pitch = pitches.length > 0 ? mode(pitches.map((p) => Math.round(p * 10) / 10)) : 1.2 * body;
  const height = heights.length > 0 ? median(heights) : body;
  const leading = Math.max(0, pitch - height);
  const blocks: Block[] = [];
  pageItems.forEach((items, pi) => {
    let prevBottom: number | null = null;
    for (const it of items) {
      const top = it.kind === 'line' ? it.line.top : it.top;
      const gap = prevBottom === null || it.columnStart ? 0 : Math.max(0, (top - prevBottom - leading) / pitch);
      if (it.kind === 'line') {
        blocks.push(toLineBlock(it.line, pi + 1, round2(gap)));
        prevBottom = it.line.bottom;
      } else {
        blocks.push(it.block);
        prevBottom = it.bottom;
      }
    }
  });
  return blocks;
}

function mode(xs: number[]): number {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  let best = xs[0] ?? 10;
  let n = 0;
  for (const [x, c] of m) if (c > n) { n = c; best = x; }
  return best;
}

function toLineBlock(line: Line, page: number, gapBefore: number): LineBlock {
  const spans: Span[] = [];
  for (const seg of line.segments) {
    let cur: Run[] = [];
    const flush = (): void => {
      if (cur.length === 0) return;
      spans.push({
        text: joinRuns(cur),
        x0: round2(cur[0]!.x0),
        x1: round2(cur[cur.length - 1]!.x1),
        fontSize: cur[0]!.fontSize,
        bold: cur[0]!.bold,
      });
      cur = [];
    };
    for (const r of seg.runs) {
      const p = cur[cur.length - 1];
      if (p && (p.bold !== r.bold || p.fontSize !== r.fontSize)) flush();
      cur.push(r);
    }
    flush();
  }
  return lineBlock({
    text: line.text,
    spans,
    page,
    bbox: { l: round2(line.x0), t: round2(line.top), r: round2(line.x1), b: round2(line.bottom) },
    fontSize: line.fontSize,
    bold: line.bold,
    gapBefore,
    footnotes: line.footnotes,
  });
}

function compactRanges(ns: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ns.length) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    parts.push(j > i ? `${ns[i]}–${ns[j]}` : `${ns[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * OCR of the pages that have no text layer: render each (render.ts), find its table rules and
 * paint them out (rules.ts), recognise it with Tesseract (engine.ts), take out the marks read
 * where there is no ink (ink.ts), turn its words into the PDF reader's runs (words.ts). The
 * reader lays the runs out like any other page and reads ruled tables from the rules;
 * checkNumbers() then reports doubtful numbers in the tables found on OCR pages (validate.ts).
 *
 * Pages are spread over a few Tesseract worker threads; rendering (pdf.js, this thread) of the
 * next page overlaps recognition of the current ones.
 */
import { availableParallelism } from 'node:os';
import { warning, type Block, type Diagnostic } from '../../model/index.js';
import type { Rule } from '../pdf/types.js';
import { createEngine, type OcrEngine } from './engine.js';
import { dropInklessMarks } from './ink.js';
import { openRenderer, type PageImage, type Renderer } from './render.js';
import { eraseRules, findImageRules, imageSkew, pgmImage, rulesToPoints } from './rules.js';
import { checkOcrNumbers } from './validate.js';
import { linesToRuns, snapFontSizes, type OcrRun } from './words.js';

/** Rendering resolution. Tesseract is trained on text with capitals about 20–30 px tall: 300 dpi
 * gives that for 9–11 pt print and reads the 200 dpi fixture scans more accurately than 200 dpi
 * (an upsampled image still helps its binarisation). */
export const OCR_DPI = 300;
/** Tesseract threads per document. Each holds a WebAssembly heap of about 150–250 MB at 300 dpi. */
export const DEFAULT_OCR_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

export interface OcrOptions {
  dpi?: number;
  workers?: number;
  /** Replaces tesseract.js's worker script (tests use a wrapper that forbids network access). */
  workerPath?: string;
  /** Called after each page is recognised. */
  onPage?: (page: number, done: number, total: number) => void;
}

export interface OcrPage {
  number: number;
  /** Page size in points. */
  width: number;
  height: number;
  /** Words as runs, in points, top-left origin, skew removed. */
  runs: OcrRun[];
  skewDeg: number;
  /** Mean word confidence, 0–100. */
  confidence: number;
  /**
   * Table rules seen in the page image, in points like the runs (skew removed); ruled tables
   * are then read from them as on born-digital pages. Absent when none were sought.
   */
  rules?: Rule[];
}

export interface OcrResult {
  pages: OcrPage[];
  diagnostics: Diagnostic[];
  /** Warnings for doubtful numbers in tables on the OCR pages of the laid-out `blocks`. */
  checkNumbers(blocks: readonly Block[]): Diagnostic[];
}

function info(code: string, message: string, page: number | null = null): Diagnostic {
  return { code, message, severity: 'info', page, line: null };
}

export async function ocrMissingPages(bytes: Uint8Array, pageNumbers: readonly number[], opts: OcrOptions = {}): Promise<OcrResult> {
  const pages: OcrPage[] = [];
  const diagnostics: Diagnostic[] = [];
  const result = (): OcrResult => {
    const byPage = new Map(pages.map((p) => [p.number, p.runs] as const));
    return { pages, diagnostics, checkNumbers: (blocks) => checkOcrNumbers(blocks, byPage) };
  };
  if (pageNumbers.length === 0) return result();
  const dpi = opts.dpi ?? OCR_DPI;
  const want = Math.max(1, Math.min(opts.workers ?? DEFAULT_OCR_WORKERS, pageNumbers.length));
  let renderer: Renderer | null = null;
  const engines: OcrEngine[] = [];
  try {
    try {
      renderer = await openRenderer(bytes);
      const started = await Promise.allSettled(
        Array.from({ length: want }, () => createEngine({ dpi, workerPath: opts.workerPath })));
      for (const s of started) if (s.status === 'fulfilled') engines.push(s.value);
      const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (engines.length === 0 && failed) throw failed.reason;
    } catch (err) {
      diagnostics.push(warning('ocr:unavailable', `OCR could not start: ${messageOf(err)}`, { page: pageNumbers[0] ?? null }));
      return result();
    }
    const r = renderer;
    const queue = [...pageNumbers];
    let done = 0;
    const byNumber = new Map<number, OcrPage>();
    await Promise.all(engines.map(async (engine) => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        try {
          const image = await r.render(n, dpi);
          const { page, removed } = await readPage(engine, image);
          byNumber.set(n, page);
          diagnostics.push(...pageDiagnostics(page, removed));
        } catch (err) {
          diagnostics.push(warning('ocr:failed', `OCR of page ${n} failed: ${messageOf(err)}`, { page: n }));
        }
        opts.onPage?.(n, ++done, pageNumbers.length);
      }
    }));
    for (const n of pageNumbers) {
      const p = byNumber.get(n);
      if (p) pages.push(p);
    }
    // Workers finish pages in any order; warnings go by page, as the pages do.
    diagnostics.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
    snapFontSizes(pages.flatMap((p) => p.runs));
    if (pages.length > 0) {
      const words = pages.reduce((s, p) => s + p.runs.length, 0);
      const mean = pages.reduce((s, p) => s + p.confidence * p.runs.length, 0) / Math.max(1, words);
      diagnostics.push(info('ocr:pages',
        `${pages.length} page${pages.length === 1 ? '' : 's'} without a text layer read by OCR (${words} words, mean confidence ${Math.round(mean)})`,
        pages[0]!.number));
    }
    return result();
  } finally {
    await Promise.allSettled(engines.map((e) => e.terminate()));
    await renderer?.close().catch(() => undefined);
  }
}

/**
 * One page image → an OcrPage. The table rules are found in the image and painted out of it
 * first, so Tesseract reads the cells' text without rules glued to it; the reader gets them
 * back as points to read the grid from. Marks Tesseract reads where there is no ink go.
 */
async function readPage(engine: OcrEngine, image: PageImage): Promise<{ page: OcrPage; removed: string[] }> {
  const img = pgmImage(image.pgm);
  // An empty page (Stadsrevisionen's p32) has nothing to read: skip Tesseract's seconds.
  const blank = isBlank(image.pgm);
  const found = blank ? [] : findImageRules(img, imageSkew(img), image.scale);
  eraseRules(img, found);
  const read = blank ? [] : await engine.recognize(image.pgm);
  const { lines, removed } = dropInklessMarks(read, img, image.scale);
  const { runs, skewDeg } = linesToRuns(lines, image.scale);
  const words = lines.flatMap((l) => l.words);
  const confidence = words.length > 0 ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
  const rules = rulesToPoints(found, (skewDeg * Math.PI) / 180, image.scale);
  return { page: { number: image.number, width: image.width, height: image.height, runs, skewDeg, confidence, rules }, removed };
}

/** What a page's reading changed: repaired percentages (warnings), marks taken out (info). */
function pageDiagnostics(page: OcrPage, removed: readonly string[]): Diagnostic[] {
  const n = page.number;
  const out: Diagnostic[] = [];
  for (const r of page.runs) {
    if (r.readAs === undefined) continue;
    out.push(warning('ocr:percent-repaired',
      `OCR read "${r.readAs}" on page ${n} (confidence ${Math.round(r.confidence)}); taken as "${r.text}", since Tesseract reads a printed "%" as "96", "26" or similar`,
      { page: n }));
  }
  if (removed.length > 0) {
    const shown = removed.slice(0, 5).map((t) => `"${t}"`).join(', ') + (removed.length > 5 ? ', …' : '');
    out.push(info('ocr:inkless-marks', `OCR read ${removed.length} mark(s) on page ${n} with no ink of their own (${shown}); taken out`, n));
  }
  return out;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Share of dark pixels under which a rendered page is blank (no ink to recognise). */
const BLANK_INK_SHARE = 0.0005;
const DARK = 160;

/** A binary PGM (P5) with almost no dark pixels. */
export function isBlank(pgm: Buffer): boolean {
  // Header: "P5", width, height, maxval, each followed by whitespace; pixels follow.
  let fields = 0;
  let i = 0;
  while (fields < 4 && i < pgm.length) {
    while (i < pgm.length && /\s/.test(String.fromCharCode(pgm[i]))) i++;
    while (i < pgm.length && !/\s/.test(String.fromCharCode(pgm[i]))) i++;
    fields++;
  }
  i++;
  const pixels = pgm.length - i;
  if (pixels <= 0) return true;
  let dark = 0;
  for (let k = i; k < pgm.length; k += 4) if (pgm[k] < DARK) dark++;
  return dark / (pixels / 4) < BLANK_INK_SHARE;
}

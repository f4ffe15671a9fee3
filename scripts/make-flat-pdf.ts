/**
 * Makes flattened text from PDFs for issue 9, as text copied out of a PDF arrives: each printed
 * line's text on one line, its pieces joined by single spaces (pdf-flat) or by nothing
 * (pdf-glued), the x-positions gone.
 *
 *   fixtures/<name>/report.pdf  → fixtures/flat/<name>/pdf-flat.txt, pdf-glued.txt
 *   fixtures/real/<X>.pdf       → fixtures/flat/real/<X>-flat.txt, <X>-glued.txt
 *
 * Items and lines come from the PDF reader's own code (pdfjs-session, itemsToRuns, buildLines,
 * orderColumns for two-column pages), so the files are what the reader sees, minus positions.
 * A "piece" is a stretch of a line that a PDF viewer copies as one: pdf.js items that touch
 * ("Utfall 202" + "4", a kerning break) are one word, items a word gap apart are words of one
 * cell, and a cell-sized gap (group-lines' CELL_GAP_FACTOR) ends a piece. So the flat variant
 * joins pieces with one space, the glued variant with nothing ("Intäkter-28 603-63 742").
 *
 * Paragraph-sized vertical gaps become a blank line, as in text copied from a viewer; each
 * page after the first starts with a form-feed line ("\f"), which the text reader reads as a
 * blank line and tests read as a page break (gold cites PDF pages).
 *
 * Run: npx tsx scripts/make-flat-pdf.ts   (the outputs are committed; tests need no pdf.js)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { withPdfDocument } from '../src/readers/pdf/pdfjs-session.js';
import { itemsToRuns } from '../src/readers/pdf/text-items.js';
import { buildLines, orderColumns } from '../src/readers/pdf/group-lines.js';
import type { Line } from '../src/readers/pdf/types.js';

const FIXTURES = 'fixtures';
const OUT = join(FIXTURES, 'flat');
/** A vertical gap wider than this many em between two lines is a paragraph break (blank line). */
const BLANK_LINE_GAP_FACTOR = 0.9;
/** Marks a page break in the flattened text. */
export const PAGE_BREAK = '\f';

export interface FlatPdf { flat: string; glued: string }

/** One printed line as flattened text: its segments (cells) joined by `sep`. */
function lineText(line: Line, sep: string): string {
  return line.segments.map((s) => s.text.trim()).filter((t) => t !== '').join(sep);
}

/** The lines of one page in reading order, with a blank line at paragraph gaps. */
function pageLines(lines: Line[], width: number, sep: string): string[] {
  const out: string[] = [];
  for (const band of orderColumns(lines, width)) {
    for (const column of band.columns) {
      let prev: Line | null = null;
      for (const line of column) {
        const gap = prev ? line.top - prev.bottom : 0;
        if (out.length > 0 && (prev === null || gap > BLANK_LINE_GAP_FACTOR * Math.max(prev.fontSize, line.fontSize))) out.push('');
        const text = lineText(line, sep);
        if (text !== '') out.push(text);
        prev = line;
      }
    }
  }
  return out;
}

export async function flattenPdf(bytes: Uint8Array): Promise<FlatPdf> {
  const flat: string[] = [];
  const glued: string[] = [];
  await withPdfDocument(bytes, async (s) => {
    for (let n = 1; n <= s.numPages; n++) {
      // No operator list: rules and shading are what this text loses anyway.
      const raw = await s.readPage(n, () => false);
      const { runs } = itemsToRuns(raw.items, raw.viewportTransform, raw.fonts);
      const lines = buildLines(runs);
      if (n > 1) { flat.push(PAGE_BREAK); glued.push(PAGE_BREAK); }
      flat.push(...pageLines(lines, raw.width, ' '));
      glued.push(...pageLines(lines, raw.width, ''));
    }
  });
  return { flat: `${flat.join('\n')}\n`, glued: `${glued.join('\n')}\n` };
}

async function main(): Promise<void> {
  const jobs: Array<{ pdf: string; flat: string; glued: string }> = [];
  for (const d of readdirSync(FIXTURES, { withFileTypes: true })) {
    const pdf = join(FIXTURES, d.name, 'report.pdf');
    if (d.isDirectory() && existsSync(pdf)) {
      jobs.push({ pdf, flat: join(OUT, d.name, 'pdf-flat.txt'), glued: join(OUT, d.name, 'pdf-glued.txt') });
    }
  }
  for (const f of readdirSync(join(FIXTURES, 'real')).filter((x) => x.endsWith('.pdf'))) {
    const stem = basename(f, '.pdf');
    jobs.push({ pdf: join(FIXTURES, 'real', f), flat: join(OUT, 'real', `${stem}-flat.txt`), glued: join(OUT, 'real', `${stem}-glued.txt`) });
  }
  jobs.sort((a, b) => a.pdf.localeCompare(b.pdf));
  for (const job of jobs) {
    const out = await flattenPdf(new Uint8Array(readFileSync(job.pdf)));
    mkdirSync(join(job.flat, '..'), { recursive: true });
    writeFileSync(job.flat, out.flat);
    writeFileSync(job.glued, out.glued);
    console.log(`${job.pdf}: ${job.flat}, ${job.glued}`);
  }
}

await main();

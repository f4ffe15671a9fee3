/**
 * OCR throughput: pages per second and peak RSS for the scanned fixtures (or the PDFs named).
 *
 *   npm run build && node dist/scripts/bench-ocr.js [--pages N] [--workers N] [FILE.pdf ...]
 *
 * Times the OCR stage (render, find and paint out rules, recognise, words → runs) of every page
 * without a text layer, through ocrMissingPages as readPdf calls it. Peak RSS is the process's
 * maximum resident set (getrusage), worker threads included. Wall-clock figures: run on an
 * otherwise idle machine.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_OCR_WORKERS, ocrMissingPages } from '../src/readers/ocr/index.js';

const DEFAULT_FILES = [
  'fixtures/hjo-2016-verksamhetsuppfoljning/report-scanned.pdf',
  'fixtures/alingsas-2019-varbokslut/report-scanned.pdf',
];

function parseArgs(argv: string[]): { files: string[]; pages: number | null; workers: number } {
  const files: string[] = [];
  let pages: number | null = null;
  let workers = DEFAULT_OCR_WORKERS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pages') pages = Number(argv[++i]);
    else if (a === '--workers') workers = Number(argv[++i]);
    else files.push(a);
  }
  return { files: files.length > 0 ? files : DEFAULT_FILES, pages, workers };
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  const { openRenderer } = await import('../src/readers/ocr/render.js');
  const r = await openRenderer(bytes);
  try {
    return r.numPages;
  } finally {
    await r.close();
  }
}

const { files, pages: cap, workers } = parseArgs(process.argv.slice(2));
console.log(`OCR bench: ${workers} Tesseract worker(s), ${availableParallelism()} cores, Node ${process.version}`);
let totalPages = 0;
let totalMs = 0;
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const n = Math.min(await pageCount(bytes), cap ?? Infinity);
  const numbers = Array.from({ length: n }, (_, i) => i + 1);
  const t0 = performance.now();
  const r = await ocrMissingPages(bytes, numbers, { workers });
  const ms = performance.now() - t0;
  totalPages += r.pages.length;
  totalMs += ms;
  const words = r.pages.reduce((s, p) => s + p.runs.length, 0);
  const rules = r.pages.reduce((s, p) => s + (p.rules?.length ?? 0), 0);
  const failed = r.diagnostics.filter((d) => d.code === 'ocr:failed' || d.code === 'ocr:unavailable').length;
  console.log(`${path.relative('.', file)}: ${r.pages.length} pages, ${words} words, ${rules} rule pieces in ${(ms / 1000).toFixed(1)} s ` +
    `= ${(r.pages.length / (ms / 1000)).toFixed(3)} pages/s${failed ? `, ${failed} failed` : ''}`);
}
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`total: ${totalPages} pages in ${(totalMs / 1000).toFixed(1)} s = ${(totalPages / (totalMs / 1000)).toFixed(3)} pages/s; peak RSS ${peakMb.toFixed(0)} MB`);

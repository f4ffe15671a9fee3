/**
 * scripts/patch-pdfjs.mjs (postinstall) adds each font's real name to getTextContent's styles,
 * so bold is known without reading an operator list. If pdf.js is upgraded and the patch no
 * longer applies, this fails: the reader would still work, but read an operator list for every
 * page that brings a new font.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPdfDocument } from '../../../src/readers/pdf/pdfjs-session.js';
import { FIXTURES } from './helpers.js';

describe('pdf.js patched to name fonts in getTextContent', () => {
  it('gives the real font names, bold included, with no operator list read', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'hjo-2016-verksamhetsuppfoljning', 'report.pdf')));
    const pages = await withPdfDocument(bytes, async (s) => Promise.all([1, 2].map((n) => s.readPage(n, () => false))));
    for (const p of pages) expect(p.ops).toBeNull();
    // Page 1 of Hjo: the title in Carlito Bold, the rest in Carlito (the names in the PDF's font dictionaries).
    const names = Object.values(pages[0]!.fonts).map((f) => [f.name.replace(/^[A-Z]{6}\+/, ''), f.bold]);
    expect(names).toEqual(expect.arrayContaining([['Carlito', false], ['Carlito-Bold', true]]));
  });

  it('is applied once however often the install step runs', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = path.resolve(FIXTURES, '..', 'scripts', 'patch-pdfjs.mjs');
    execFileSync(process.execPath, [script]);
    const { createRequire } = await import('node:module');
    const worker = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    expect(worker.split('fontName: font.name /* kommunrapport */').length - 1).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../../src/model/index.js';
import { readPdf } from '../../../src/readers/pdf/read-pdf.js';
import { RulePolicy, UNRULED_AFTER_PAGES, UNRULED_SAMPLE_EVERY } from '../../../src/readers/pdf/rule-policy.js';
import { FIXTURES } from './helpers.js';

describe('RulePolicy', () => {
  it('reads every table-like page in full while the document may have ruled tables', () => {
    const p = new RulePolicy();
    for (let n = 1; n <= UNRULED_AFTER_PAGES - 1; n++) {
      expect(p.wants(n)).toBe(true);
      p.observe(n, 0);
    }
    expect(p.unruled()).toBe(false);
    p.observe(10, 1); // a ruled table: never unruled after that
    for (let n = 11; n <= 30; n++) p.observe(n, 0);
    expect(p.unruled()).toBe(false);
    expect(p.wants(31)).toBe(true);
  });

  it('samples one page in UNRULED_SAMPLE_EVERY once enough pages showed no ruled table', () => {
    const p = new RulePolicy();
    for (let n = 1; n <= UNRULED_AFTER_PAGES; n++) p.observe(n, 0);
    expect(p.unruled()).toBe(true);
    const wanted = Array.from({ length: 3 * UNRULED_SAMPLE_EVERY }, (_, k) => p.wants(10 + k));
    expect(wanted.filter(Boolean)).toHaveLength(3);
    expect(p.backfill()).toEqual([]);
  });

  it('reads a page in full when it brings fonts no earlier page used, even in an unruled document', () => {
    const p = new RulePolicy();
    for (let n = 1; n <= UNRULED_AFTER_PAGES; n++) p.observe(n, 0);
    expect(p.wants(10)).toBe(false);
    expect(p.wants(11, true)).toBe(true);
    expect(p.wants(12)).toBe(false);
  });

  it('backfills the pages skipped since the last bare page when a sampled page proves ruled', () => {
    const p = new RulePolicy();
    for (let n = 1; n <= UNRULED_AFTER_PAGES; n++) p.observe(n, 0);
    const skipped: number[] = [];
    let sampled = 0;
    for (let n = 5; n <= 20; n++) {
      if (p.wants(n)) {
        sampled = n;
        p.observe(n, n >= 17 ? 1 : 0); // the style changes at page 17
        if (n >= 17) break;
      } else skipped.push(n);
    }
    const lastBare = Math.max(UNRULED_AFTER_PAGES, ...[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].filter((n) => !skipped.includes(n)));
    expect(sampled).toBeGreaterThanOrEqual(17);
    expect(p.backfill()).toEqual(skipped.filter((n) => n > lastBare));
    expect(p.backfill().length).toBeLessThan(UNRULED_SAMPLE_EVERY);
    expect(p.unruled()).toBe(false);
  });
});

describe('readPdf with the rule policy', () => {
  const rulers = (doc: SourceDoc, from: number, to: number): number =>
    doc.blocks.filter((b) => b.kind === 'table' && b.origin === 'pdf-ruled' && b.page !== null && b.page >= from && b.page <= to).length;

  it('still finds every ruled table of a ruled report joined after an unruled one', async () => {
    // Alingsås draws no table rules (18 pages), Hjo rules every table (17 pages): one file.
    const { PDFDocument } = await import('pdf-lib');
    const load = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name, 'report.pdf')));
    const joined = await PDFDocument.create();
    for (const name of ['alingsas-2019-varbokslut', 'hjo-2016-verksamhetsuppfoljning']) {
      const src = await PDFDocument.load(load(name));
      for (const page of await joined.copyPages(src, src.getPageIndices())) joined.addPage(page);
    }
    const both = (await readPdf(await joined.save(), { ocr: false })).value;
    const hjo = (await readPdf(load('hjo-2016-verksamhetsuppfoljning'), { ocr: false })).value;
    const alingsas = (await readPdf(load('alingsas-2019-varbokslut'), { ocr: false })).value;
    expect(rulers(alingsas, 1, 18)).toBe(0);
    expect(rulers(hjo, 1, 17)).toBeGreaterThan(10);
    expect(rulers(both, 19, 35)).toBe(rulers(hjo, 1, 17));
    expect(both.blocks.filter((b) => b.kind === 'table').length)
      .toBe(alingsas.blocks.filter((b) => b.kind === 'table').length + hjo.blocks.filter((b) => b.kind === 'table').length);
  }, 60_000);
});

/**
 * One font throughout (so no page is read in full just to learn its fonts): pages 1–8 hold
 * unruled tables, pages 9–12 the same tables with a grid of rules.
 */
async function styleChangingPdf(): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const cols = [60, 260, 380, 500];
  for (let n = 1; n <= 12; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Rapport sida ${n}`, { x: 60, y: 790, size: 14, font });
    const rows = [['Verksamhet', 'Budget', 'Utfall'], ...Array.from({ length: 6 }, (_, r) => [`Enhet ${n}-${r + 1}`, `${1000 + 37 * r + n}`, `${900 + 41 * r + n}`])];
    rows.forEach((row, r) => {
      const y = 700 - r * 24;
      row.forEach((text, c) => page.drawText(text, { x: cols[c]! + 6, y, size: 10, font }));
    });
    // Prose under each table, so no table runs on over the page break into the next.
    page.drawText(`Kommentar till tabellen på sida ${n}: utfallet följer budget.`, { x: 60, y: 480, size: 10, font });
    if (n >= 9) {
      const top = 700 + 16;
      const bottom = 700 - rows.length * 24 + 16;
      for (let r = 0; r <= rows.length; r++) {
        page.drawLine({ start: { x: cols[0]!, y: top - r * 24 }, end: { x: cols[3]!, y: top - r * 24 }, thickness: 0.75, color: rgb(0, 0, 0) });
      }
      for (const x of cols) page.drawLine({ start: { x, y: top }, end: { x, y: bottom }, thickness: 0.75, color: rgb(0, 0, 0) });
    }
  }
  return doc.save();
}

describe('readPdf when the table style changes part-way', () => {
  it('reads the ruled tables after the unruled ones, the skipped pages backfilled', async () => {
    const doc = (await readPdf(await styleChangingPdf(), { ocr: false })).value;
    const ruledPages = doc.blocks.filter((b) => b.kind === 'table' && b.origin === 'pdf-ruled').map((b) => b.page);
    expect(ruledPages).toEqual([9, 10, 11, 12]);
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(12);
    const last = tables[11]!;
    expect(last.kind === 'table' && last.rows.map((r) => r.map((c) => c.text))[6]).toEqual(['Enhet 12-6', `${1000 + 37 * 5 + 12}`, `${900 + 41 * 5 + 12}`]);
  });
});

/**
 * The PDF reader's OCR hook: a page without a text layer is recognised and laid out by the same
 * line and table code as born-digital pages. Two pages cut out of the scanned fixtures: Alingsås
 * page 13 (the Drift budget table, aligned) and Hjo page 16 (a ruled budget table with a shaded
 * header, read from the rules seen in the image).
 */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result, SourceDoc, TableBlock } from '../../../src/model/index.js';
import { readPdf } from '../../../src/readers/pdf/read-pdf.js';

async function onePage(file: string, page: number): Promise<Uint8Array> {
  const src = await PDFDocument.load(readFileSync(file));
  const out = await PDFDocument.create();
  const [copy] = await out.copyPages(src, [page - 1]);
  out.addPage(copy!);
  return out.save();
}

/** The Drift table as printed (report.txt). */
const DRIFT = [
  ['Verksamhetens intäkter', '43 344', '17 290', '40 026', '-3 318', '15 330', '1 960'],
  ['Personalkostnader', '-147 433', '-52 455', '-149 314', '-1 881', '-53 792', '1 337'],
  ['Lokalhyror', '-15 334', '-4 982', '-15 243', '91', '-5 917', '935'],
  ['Köp av tjänster', '-59 153', '-24 855', '-57 986', '1 167', '-23 284', '-1 571'],
  ['Övriga kostnader', '-25 326', '-9 324', '-28 288', '-2 962', '-8 854', '-470'],
  ['Verksamhetens kostnader', '-247 246', '-91 616', '-250 831', '-3 585', '-91 847', '231'],
  ['Verksamhetens nettokostnader', '-203 903', '-74 326', '-210 805', '-6 902', '-76 517', '2 191'],
  ['Kommunbidrag', '203 903', '67 968', '203 903', '0', '74 070', '-6 102'],
  ['Årets resultat', '0', '-6 358', '-6 902', '-6 902', '-2 447', '-3 911'],
];
const digits = (s: string): string => s.replace(/\s/g, '');

describe('readPdf on a scanned page', () => {
  let bytes: Uint8Array;
  let r: Result<SourceDoc>;
  beforeAll(async () => {
    bytes = await onePage('fixtures/alingsas-2019-varbokslut/report-scanned.pdf', 13);
    r = await readPdf(bytes);
  }, 600_000);

  it('reads it by OCR: source.ocr, text lines, no pdf:no-text-layer', () => {
    expect(r.value.ocr).toBe(true);
    expect(r.value.pages).toEqual([expect.objectContaining({ number: 1, textChars: 0 })]);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('pdf:no-text-layer');
    expect(r.diagnostics.find((d) => d.code === 'ocr:pages')).toMatchObject({ severity: 'info', page: 1 });
    const lines = r.value.blocks.filter((b) => b.kind === 'line').map((b) => b.text);
    expect(lines).toContain('Drift');
    expect(lines.some((t) => t.startsWith('Orosanmälningarna vad gäller barn och unga'))).toBe(true);
  });

  it('finds the budget table as a pdf-aligned table with the printed rows', () => {
    const tables = r.value.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.map((t) => t.origin)).toEqual(['pdf-aligned']);
    const rows = tables[0]!.rows.map((row) => row.map((c) => c.text));
    expect(rows.slice(1).map((row) => row[0])).toEqual(DRIFT.map((row) => row[0]));
    // At least 90% of the 54 numbers as printed (up to the thousands space OCR may drop)…
    const cells = DRIFT.flatMap((row, i) => row.slice(1).map((v, j) => [v, rows[i + 1]![j + 1] ?? ''] as const));
    const same = cells.filter(([want, got]) => digits(want) === digits(got));
    expect(same.length / cells.length).toBeGreaterThanOrEqual(0.9);
    // …and each one that differs is named by an ocr: warning.
    const named = r.diagnostics.filter((d) => d.code.startsWith('ocr:')).map((d) => d.message);
    for (const [, got] of cells.filter(([want, got]) => digits(want) !== digits(got))) {
      expect(named.some((m) => m.includes(`"${got}"`)), `no warning names "${got}"`).toBe(true);
    }
  });

  it('leaves the page to the no-text-layer warning when OCR is off', async () => {
    const off = await readPdf(bytes, { ocr: false });
    expect(off.value.ocr).toBe(false);
    expect(off.value.blocks).toEqual([]);
    expect(off.diagnostics.map((d) => d.code)).toEqual(['pdf:no-text-layer']);
  });
});

/** Hjo's Summa table on page 16 as printed (report.txt). */
const HJO_SUMMA = [
  ['tkr', 'Utfall 2015', 'Utfall 2016', 'Budget 2016', 'Prognos per 2016-08-31', 'Avvikelse mot budget'],
  ['Individ och familjeomsorg', '17 872', '17 769', '19 712', '19 338', '1 942'],
  ['Arbetsmarknadsenheten', '2 299', '3 100', '2 218', '2 715', '-882'],
  ['Integration', '399', '0', '0', '0', '0'],
  ['Summa', '20 571', '20 869', '21 930', '22 053', '+ 1 060'],
];

describe('readPdf on a scanned page with a ruled table', () => {
  let r: Result<SourceDoc>;
  beforeAll(async () => {
    r = await readPdf(await onePage('fixtures/hjo-2016-verksamhetsuppfoljning/report-scanned.pdf', 16));
  }, 600_000);

  it('reads the table from the rules in the image: a pdf-ruled table with the printed grid', () => {
    const tables = r.value.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.map((t) => t.origin)).toEqual(['pdf-ruled']);
    const rows = tables[0]!.rows.map((row) => row.map((c) => c.text));
    expect(rows.map((row) => row.length)).toEqual(HJO_SUMMA.map(() => 6));
    expect(rows[0]).toEqual(HJO_SUMMA[0]);
    expect(rows.map((row) => row[0])).toEqual(HJO_SUMMA.map((row) => row[0]));
    // No rule read as a glyph: nothing but digits, signs and spaces in the number cells…
    const cells = HJO_SUMMA.slice(1).flatMap((row, i) => row.slice(1).map((v, j) => [v, rows[i + 1]![j + 1]!] as const));
    for (const [, got] of cells) expect(got).toMatch(/^[-+]?[\d ]+$/);
    // …and at least 90% of them as printed (up to the thousands space OCR may drop), the rest named.
    const same = cells.filter(([want, got]) => digits(want) === digits(got));
    expect(same.length / cells.length).toBeGreaterThanOrEqual(0.9);
    const named = r.diagnostics.filter((d) => d.code.startsWith('ocr:')).map((d) => d.message);
    for (const [, got] of cells.filter(([want, got]) => digits(want) !== digits(got))) {
      expect(named.some((m) => m.includes(`"${got}"`)), `no warning names "${got}"`).toBe(true);
    }
  });
});

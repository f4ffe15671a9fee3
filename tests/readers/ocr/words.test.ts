import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceCell, type TableBlock } from '../../../src/model/index.js';
import { findAlignedTables } from '../../../src/readers/pdf/aligned-tables.js';
import { buildLines, orderColumns } from '../../../src/readers/pdf/group-lines.js';
import {
  checkOcrNumbers, estimateSkew, linesToRuns, repairPercent, repairPercentToken, ROW_HEIGHT_EM, snapFontSizes,
  type OcrLineJson, type OcrRun,
} from '../../../src/readers/ocr/index.js';

/** One Tesseract line of words at the given x positions (pixels), baseline tilted by `slope`. */
function line(words: Array<[string, number, number?]>, y: number, slope = 0, rowHeight = 40): OcrLineJson {
  const ws = words.map(([text, x, conf = 95]) => {
    const w = 20 * text.length;
    const base = y + slope * (x + w / 2);
    return { text, confidence: conf, bbox: { x0: x, y0: Math.round(base - rowHeight), x1: x + w, y1: Math.round(base) } };
  });
  const x0 = ws[0]!.bbox.x0;
  const x1 = ws[ws.length - 1]!.bbox.x1;
  return {
    bbox: { x0, y0: y - rowHeight, x1, y1: y + slope * x1 + 10 },
    baseline: { x0, y0: y + slope * x0, x1, y1: y + slope * x1 },
    rowAttributes: { rowHeight, ascenders: 10, descenders: 10 },
    words: ws,
  };
}

const SCALE = 300 / 72;

describe('OCR words → runs', () => {
  it('places words in points with the font size from the row height', () => {
    const { runs } = linesToRuns([line([['Budget', 300], ['2019', 600]], 1000)], SCALE);
    expect(runs.map((r) => r.text)).toEqual(['Budget', '2019']);
    expect(runs[0]!.x0).toBeCloseTo(300 / SCALE, 5);
    expect(runs[0]!.x1).toBeCloseTo(420 / SCALE, 5);
    expect(runs[0]!.baseline).toBeCloseTo(1000 / SCALE, 5);
    expect(runs[0]!.fontSize).toBeCloseTo(40 / ROW_HEIGHT_EM / SCALE, 5);
    expect(runs[0]!.confidence).toBe(95);
  });

  it('removes the skew of a tilted scan so one row shares one baseline across the page', () => {
    const slope = Math.tan((0.8 * Math.PI) / 180);
    const lines = [
      line([['Lokalhyror', 200], ['-15', 900], ['334', 980], ['-4', 1300], ['982', 1360], ['91', 2100]], 1200, slope),
      line([['Köp', 200], ['av', 290], ['tjänster', 350], ['-59', 900], ['153', 980], ['1', 2100]], 1260, slope),
    ];
    expect((estimateSkew(lines) * 180) / Math.PI).toBeCloseTo(0.8, 1);
    const { runs, skewDeg } = linesToRuns(lines, SCALE);
    expect(skewDeg).toBeCloseTo(0.8, 1);
    const first = runs.slice(0, 6).map((r) => r.baseline);
    expect(Math.max(...first) - Math.min(...first)).toBeLessThan(0.2);
    // Tilted, the row's ends would be 1900 px × tan 0.8° ≈ 27 px ≈ 6.4 pt apart: two lines.
    expect(buildLines(runs).map((l) => l.segments.map((g) => g.text))).toEqual([
      ['Lokalhyror', '-15 334', '-4 982', '91'],
      ['Köp av tjänster', '-59 153', '1'],
    ]);
  });

  it('reads a small first word set off from the text as a bullet', () => {
    const l = line([['e', 200], ['Kontrollen', 320], ['genomfördes', 560]], 500);
    l.words[0]!.bbox.y0 = l.words[0]!.bbox.y1 - 18;
    expect(linesToRuns([l], SCALE).runs.map((r) => r.text)).toEqual(['•', 'Kontrollen', 'genomfördes']);
  });

  it('snaps the font sizes of lines of one style to one size', () => {
    const runs = [10.2, 10.5, 10.7, 10.4, 14.8, 15.2].map((fontSize, i) => ({
      text: 'x'.repeat(i < 4 ? 40 : 8), x0: 0, x1: 10, top: 100 - 0.8 * fontSize, bottom: 100 + 0.2 * fontSize,
      baseline: 100, fontSize, bold: false, leader: false, confidence: 90,
    }));
    expect(snapFontSizes(runs).map((r) => r.fontSize)).toEqual([10.5, 10.5, 10.5, 10.5, 15, 15]);
    expect(runs[0]!.top).toBeCloseTo(100 - 0.8 * 10.5, 5);
  });
});

describe('a printed "%" that OCR read as digits', () => {
  it.each([
    ['9796', 70, '97%'],
    ['9790', 83, '97%'],
    ['97926', 67, '97%'],
    ['100264', 53, '100%'],
    ['85,0026', 61, '85,00%'],
    ['100,0926', 44, '100,0%'],
    ['72,626', 49, '72,6%'],
  ])('"%s" (confidence %i) is taken as "%s"', (word, conf, repaired) => {
    expect(repairPercent(word, conf)).toBe(repaired);
  });

  it.each([
    ['9796', 95, 'Tesseract was sure'],
    ['85', 60, 'a plausible number as read'],
    ['12,5', 60, 'a plausible number as read'],
    ['3399', 60, 'no misreading of "%" at its end'],
    ['2019-05-13', 40, 'not a number'],
  ])('"%s" (confidence %i) stays: %s', (word, conf) => {
    expect(repairPercent(word, conf)).toBeNull();
  });

  it('keeps a thousands group and a run-together group on a line of amounts', () => {
    const { runs } = linesToRuns([
      line([['Summa', 200], ['1', 900], ['296', 935, 60], ['1990', 1300, 60]], 800),
    ], SCALE);
    expect(runs.map((r) => r.text)).toEqual(['Summa', '1', '296', '1990']);
  });

  it('repairs a word on a line of percentages and keeps what it read', () => {
    const { runs } = linesToRuns([line([['AID-struktur', 200], ['239', 900], ['46,3', 1300], ['9796', 1700, 70]], 800)], SCALE);
    expect(runs[3]).toMatchObject({ text: '97%', readAs: '9796', confidence: 70 });
  });
});

describe('a "%" set apart from its number, read as two digits', () => {
  const ROW = 31;
  it.each([
    ['26', 24, '%'],
    ['24', 23, '%'],
    ['20', 22, '%'],
    ['(26)', 42, '(%)'],
  ])('"%s", %i px wide on a %i px row, is too narrow for two digits: "%s"', (word, width, repaired) => {
    expect(repairPercentToken(word, width, ROW)).toBe(repaired);
  });

  it.each([
    ['26', 31, 'as wide as two digits'],
    ['(26)', 50, 'as wide as two digits in brackets'],
    ['11', 20, 'no reading of "%"'],
    ['264', 24, 'not two digits'],
  ])('"%s", %i px wide, stays: %s', (word, width) => {
    expect(repairPercentToken(word, width, ROW)).toBeNull();
  });

  it('takes the narrow word after "50" as "%" and keeps what it read', () => {
    const l = line([['KB', 200], ['50', 1700], ['26', 1745, 70], ['(KB)', 1780]], 800);
    l.words[2]!.bbox.x1 = l.words[2]!.bbox.x0 + 28; // a "%" is 0.7 row heights wide, two digits 1.0
    const { runs } = linesToRuns([l], SCALE);
    expect(runs.map((r) => r.text)).toEqual(['KB', '50', '%', '(KB)']);
    expect(runs[2]).toMatchObject({ readAs: '26', confidence: 70 });
  });
});

describe('a scanned budget table (Alingsås page 13, Tesseract output stored as JSON)', () => {
  const data = JSON.parse(readFileSync('tests/readers/ocr/data/alingsas-p13.lines.json', 'utf8')) as {
    width: number; scale: number; lines: OcrLineJson[];
  };
  const { runs } = linesToRuns(data.lines, data.scale);
  snapFontSizes(runs);
  const flow = orderColumns(buildLines(runs), data.width).flatMap((b) => b.columns.flatMap((c) => findAlignedTables(c)));
  const tables = flow.filter((f) => f.kind === 'table');

  it('comes out as one aligned table with the printed rows and columns', () => {
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows.map((r) => r.map((c) => c.text));
    expect(rows.map((r) => r[0])).toEqual([
      'Belopp i tkr', 'Verksamhetens intäkter', 'Personalkostnader', 'Lokalhyror', 'Köp av tjänster', 'Övriga kostnader',
      'Verksamhetens kostnader', 'Verksamhetens nettokostnader', 'Kommunbidrag', 'Årets resultat',
    ]);
    expect(rows[2]).toEqual(['Personalkostnader', '-147 433', '-52 455', '-149 314', '-1 881', '-53 792', '1337']);
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('warns about the numbers Tesseract was unsure of, naming cell, page and confidence', () => {
    const t = tables[0]!;
    const block: TableBlock = {
      kind: 'table', rows: t.rows.map((r) => r.map((c) => sourceCell(c.text))), page: 13, pageEnd: 13, line: null,
      bbox: { l: t.x0, t: t.top, r: t.x1, b: t.bottom }, declaredHeaderRows: null, origin: 'pdf-aligned',
    };
    const ds = checkOcrNumbers([block], new Map([[13, runs as readonly OcrRun[]]]));
    expect(ds.every((d) => d.code === 'ocr:low-confidence' && d.page === 13)).toBe(true);
    // "91" in Lokalhyror / Avvikelse was read as "1" (confidence 8).
    expect(ds.map((d) => d.message)).toContain(
      'OCR read "1" in row 4, column 5 of the table on page 13 with confidence 8 (below 80); the value may be wrong');
  });
});

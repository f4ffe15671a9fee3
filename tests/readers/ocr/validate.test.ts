import { describe, expect, it } from 'vitest';
import { sourceCell, type TableBlock } from '../../../src/model/index.js';
import { checkOcrNumbers, looksNumeric, type OcrRun } from '../../../src/readers/ocr/index.js';

/** A table on page 2 whose cells are runs on rows 20 pt apart, columns 100 pt apart. */
function fixture(rows: Array<Array<[string, number]>>): { block: TableBlock; runs: OcrRun[] } {
  const runs: OcrRun[] = [];
  rows.forEach((row, r) => row.forEach(([text, confidence], c) => {
    let x = 50 + 100 * c;
    for (const word of text.split(' ').filter((w) => w !== '')) {
      const baseline = 100 + 20 * r;
      runs.push({ text: word, x0: x, x1: x + 5 * word.length, top: baseline - 8, bottom: baseline + 2, baseline,
        fontSize: 10, bold: false, leader: false, confidence });
      x += 5 * word.length + 3;
    }
  }));
  const block: TableBlock = {
    kind: 'table', rows: rows.map((r) => r.map(([t]) => sourceCell(t))), page: 2, pageEnd: 2, line: null,
    bbox: { l: 50, t: 90, r: 50 + 100 * rows[0]!.length, b: 105 + 20 * rows.length }, declaredHeaderRows: null, origin: 'pdf-aligned',
  };
  return { block, runs };
}

describe('numbers read by OCR are checked', () => {
  const { block, runs } = fixture([
    [['Belopp i tkr', 96], ['Budget 2019', 96], ['Prognos 2019', 96]],
    [['Intäkter', 96], ['43 344', 95], ['40 O26', 41]],
    [['Kostnader', 96], ['-147 433', 96], ['-149 314', 62]],
    [['Resultat', 96], ['0', 93], ['-6 902', 96]],
  ]);
  const ds = checkOcrNumbers([block], new Map([[2, runs]]));

  it('a cell of a numeric column that does not parse is ocr:unparsed-number, with its confidence', () => {
    expect(ds.filter((d) => d.code === 'ocr:unparsed-number')).toEqual([{
      code: 'ocr:unparsed-number', severity: 'warning', page: 2, line: null,
      message: 'OCR read "40 O26" in row 2, column 3 of the table on page 2, which is not a number (confidence 41); kept as text',
    }]);
  });

  it('a number read with low confidence is ocr:low-confidence', () => {
    expect(ds.filter((d) => d.code === 'ocr:low-confidence').map((d) => d.message)).toEqual([
      'OCR read "-149 314" in row 3, column 3 of the table on page 2 with confidence 62 (below 80); the value may be wrong',
    ]);
  });

  it('header rows, label columns and tables on pages not read by OCR are left alone', () => {
    expect(ds).toHaveLength(2);
    expect(checkOcrNumbers([block], new Map())).toEqual([]);
  });

  it('tells number-like text from words', () => {
    expect(looksNumeric('1 2O4')).toBe(true);
    expect(looksNumeric('-6 9O2')).toBe(true);
    // A number with a sign misread into a stray character or two (Hjo's scan: "3,5 %", "192 *", "0").
    expect(looksNumeric('3,5K')).toBe(true);
    expect(looksNumeric('192"')).toBe(true);
    expect(looksNumeric('[6]')).toBe(true);
    expect(looksNumeric('Nära värde')).toBe(false);
    expect(looksNumeric('Ökat med 4,6')).toBe(false);
    expect(looksNumeric('9 totalt (6 till arbete, 3 studier)')).toBe(false);
  });
});

describe('words read through a space-wide gap in their ink', () => {
  const { block, runs } = fixture([
    [['Indikator', 96], ['2015', 96], ['2016', 96]],
    [['Ungdomar', 96], ['Ejklart', 92], ['9', 96]],
  ]);
  runs.find((r) => r.text === 'Ejklart')!.gapInside = true;

  it('are named in any cell, whatever the column holds', () => {
    expect(checkOcrNumbers([block], new Map([[2, runs]]))).toEqual([{
      code: 'ocr:gap-inside', severity: 'warning', page: 2, line: null,
      message: 'OCR read "Ejklart" in row 2, column 2 of the table on page 2, where "Ejklart" has a space-wide gap in its ink: words or a sign may have run together',
    }]);
  });
});

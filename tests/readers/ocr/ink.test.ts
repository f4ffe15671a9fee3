/**
 * Marks Tesseract reads where nothing is printed, checked against the ink of the page image.
 */
import { describe, expect, it } from 'vitest';
import { dropInklessMarks, GAP_INSIDE_ROWS } from '../../../src/readers/ocr/ink.js';
import type { OcrLineJson } from '../../../src/readers/ocr/engine.js';
import type { GrayImage } from '../../../src/readers/ocr/rules.js';

const SCALE = 300 / 72;
const ROW = 30;

function page(): GrayImage {
  return { width: 1000, height: 200, data: new Uint8Array(1000 * 200).fill(254) };
}

/** Ink blobs (glyphs) as [x0, x1) pixel ranges, 24 px tall on baseline y = 100. */
function ink(img: GrayImage, ...glyphs: Array<[number, number]>): void {
  for (const [x0, x1] of glyphs) for (let y = 76; y < 100; y++) for (let x = x0; x < x1; x++) img.data[y * img.width + x] = 30;
}

function line(...words: Array<[string, number, number]>): OcrLineJson {
  return {
    bbox: { x0: words[0]![1], y0: 70, x1: words[words.length - 1]![2], y1: 104 },
    baseline: { x0: words[0]![1], y0: 100, x1: words[words.length - 1]![2], y1: 100 },
    rowAttributes: { rowHeight: ROW, ascenders: 6, descenders: 6 },
    words: words.map(([text, x0, x1]) => ({ text, confidence: 50, bbox: { x0, y0: 70, x1, y1: 110 } })),
  };
}

describe('marks without ink', () => {
  it('takes out a rule-like mark with no ink under it, keeps one that is printed', () => {
    const img = page();
    ink(img, [100, 160], [300, 312]);
    const { lines, removed } = dropInklessMarks([line(['2016', 100, 160], ['—', 200, 212], ['—', 300, 312])], img, SCALE);
    expect(lines[0]!.words.map((w) => w.text)).toEqual(['2016', '—']);
    expect(removed).toEqual(['—']);
  });

  it('drops a line left with no words', () => {
    const { lines } = dropInklessMarks([line(['=', 200, 212])], page(), SCALE);
    expect(lines).toEqual([]);
  });

  it('takes brackets off a number whose ink shows only the digits', () => {
    const img = page();
    ink(img, [104, 120], [304, 320], [404, 414], [420, 436], [500, 504], [508, 516], [520, 528], [532, 536]);
    const { lines, removed } = dropInklessMarks([line(['[0]', 100, 124], ['0)', 300, 324], ['10]', 400, 440], ['(12)', 500, 536])], img, SCALE);
    expect(lines[0]!.words.map((w) => w.text)).toEqual(['0', '0', '10', '(12)']);
    expect(removed).toEqual(['[0]', '0)', '10]']);
  });

  it('marks a word whose ink has a space-wide gap, unless it is digits run together', () => {
    const img = page();
    const space = Math.ceil(GAP_INSIDE_ROWS * ROW);
    ink(img, [100, 130], [130 + space, 200], [300, 330], [332, 400], [500, 530], [530 + space, 560]);
    const { lines } = dropInklessMarks([line(['Ejklart', 100, 200], ['klart', 300, 400], ['21930', 500, 560])], img, SCALE);
    expect(lines[0]!.words.map((w) => [w.text, w.gapInside ?? false])).toEqual([['Ejklart', true], ['klart', false], ['21930', false]]);
  });
});

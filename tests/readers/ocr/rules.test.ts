/**
 * Table rules found in a page image, on a synthetic scan: a ruled table tilted as the fixture
 * scans are (0.6°), rules gray as scanned, a shaded header row, and glyph-like ink that must not
 * be taken for rules.
 */
import { describe, expect, it } from 'vitest';
import { findRuledTables } from '../../../src/readers/pdf/ruled-tables.js';
import type { Run } from '../../../src/readers/pdf/types.js';
import {
  eraseRules, findImageRules, imageSkew, rulesToPoints, RULE_INK, type GrayImage,
} from '../../../src/readers/ocr/rules.js';

const SCALE = 300 / 72;
const SKEW = (0.6 * Math.PI) / 180;
/** The table in points before tilting: 3 columns, a header row and 2 body rows. */
const XS = [60, 200, 300, 400];
const YS = [100, 120, 140, 160];
const RULE_GRAY = 150;

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(254) };
}

/** Where a point of the untilted page lands in the tilted image (pixels). */
function tilt(xPt: number, yPt: number): [number, number] {
  const x = xPt * SCALE;
  const y = yPt * SCALE;
  return [x * Math.cos(SKEW) - y * Math.sin(SKEW), x * Math.sin(SKEW) + y * Math.cos(SKEW)];
}

/** Fill an untilted rectangle (points) of the page, tilted into the image. */
function fill(img: GrayImage, l: number, t: number, r: number, b: number, gray: number): void {
  const step = 0.2 / SCALE;
  for (let y = t; y <= b; y += step) {
    for (let x = l; x <= r; x += step) {
      const [px, py] = tilt(x, y).map(Math.round) as [number, number];
      if (px >= 0 && px < img.width && py >= 0 && py < img.height) img.data[py * img.width + px] = gray;
    }
  }
}

/** Rules 0.6 pt thick (2.5 px, as the scans show them), a shaded header, glyph stems inside cells. */
function scan(): GrayImage {
  const img = blank(Math.round(460 * SCALE), Math.round(260 * SCALE));
  fill(img, XS[0]!, YS[0]!, XS[3]!, YS[1]!, 233);
  for (const y of YS) fill(img, XS[0]!, y - 0.3, XS[3]!, y + 0.3, RULE_GRAY);
  for (const x of XS) fill(img, x - 0.3, YS[0]!, x + 0.3, YS[3]!, RULE_GRAY);
  // "Text": stems 0.8 pt wide, 7 pt tall, 2.4 pt apart, on a serif foot that joins them.
  for (const [l, base] of [[70, 116], [70, 136], [210, 156], [310, 136]] as const) {
    for (let x = l; x < l + 60; x += 2.4) fill(img, x, base - 7, x + 0.8, base, 20);
    fill(img, l - 0.5, base - 0.6, l + 60, base, 20);
  }
  // A dash in a cell: short, so not a rule.
  fill(img, 330, 153, 336, 153.6, 20);
  return img;
}

describe('rules in a page image', () => {
  const img = scan();
  const skew = imageSkew(img);
  const found = findImageRules(img, skew, SCALE);
  const rules = rulesToPoints(found, SKEW, SCALE);

  it('finds the skew from the ink', () => {
    expect((skew * 180) / Math.PI).toBeCloseTo(0.6, 1);
  });

  it('finds every rule of the grid, in points of the untilted page, and nothing else', () => {
    const h = rules.filter((r) => r.dir === 'h');
    const v = rules.filter((r) => r.dir === 'v');
    expect([...new Set(h.map((r) => Math.round(r.pos)))].sort((a, b) => a - b)).toEqual(YS);
    expect([...new Set(v.map((r) => Math.round(r.pos)))].sort((a, b) => a - b)).toEqual(XS);
    for (const r of h) {
      expect(r.a).toBeGreaterThan(XS[0]! - 2);
      expect(r.b).toBeLessThan(XS[3]! + 2);
    }
    // Each rule is found whole: its pieces cover its length.
    for (const y of YS) {
      const span = h.filter((r) => Math.round(r.pos) === y).reduce((s, r) => s + r.b - r.a, 0);
      expect(span).toBeGreaterThan(0.95 * (XS[3]! - XS[0]!));
    }
  });

  it('gives ruled-tables.ts the grid, with the runs in their cells', () => {
    const run = (text: string, x0: number, baseline: number): Run =>
      ({ text, x0, x1: x0 + 20, top: baseline - 8, bottom: baseline + 2, baseline, fontSize: 10, bold: false, leader: false });
    const tables = findRuledTables(rules, [run('tkr', 70, 116), run('Budget', 310, 116), run('Intäkter', 70, 136), run('-28 603', 320, 136)], 10);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['tkr', '', 'Budget'],
      ['Intäkter', '', '-28 603'],
      ['', '', ''],
    ]);
  });

  it('paints the rules out and leaves the text, the dash and the shading', () => {
    const erased = { ...img, data: img.data.slice() };
    eraseRules(erased, found);
    const dark = (g: GrayImage, xPt: number, yPt: number, limit: number): boolean => {
      const [x, y] = tilt(xPt, yPt).map(Math.round) as [number, number];
      return g.data[y * g.width + x]! < limit;
    };
    for (const y of YS) for (let x = XS[0]! + 5; x < XS[3]! - 5; x += 7) expect(dark(erased, x, y, RULE_INK)).toBe(false);
    for (const x of XS) for (let y = YS[0]! + 3; y < YS[3]! - 3; y += 3) expect(dark(erased, x, y, RULE_INK)).toBe(false);
    expect(dark(erased, 70.3, 112, 100)).toBe(true);
    expect(dark(erased, 333, 153.3, 100)).toBe(true);
    expect(dark(erased, 150, 110, 240)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { makeLine } from '../../../../src/readers/pdf/group-lines.js';
import { isValueText, splitAtBands, valueAtoms, valueBands } from '../../../../src/readers/pdf/tables/atoms.js';
import { gapLimit } from '../../../../src/readers/pdf/tables/row-gaps.js';
import type { Run } from '../../../../src/readers/pdf/types.js';

/** A run as pdf.js gives it for one table cell (Word export, 11 pt). */
const run = (text: string, x0: number, x1: number, bold = false): Run =>
  ({ text, x0, x1, top: 100, bottom: 112, baseline: 110, fontSize: 11, bold, leader: false });
const texts = (segs: { text: string }[]) => segs.map((s) => s.text);

describe('value atoms (Bokslut_2025 p21, columns 0.85 em apart)', () => {
  it('cuts two numbers set closer than a cell gap into two cells', () => {
    const line = makeLine([run('Inventarier, löpande', 73.8, 162.4), run('0,800', 414.2, 439.0), run('0,617', 448.4, 473.3), run('0,183', 497.0, 521.9)]);
    expect(texts(line.segments)).toEqual(['Inventarier, löpande', '0,800 0,617', '0,183']);
    expect(texts(valueAtoms(line))).toEqual(['Inventarier, löpande', '0,800', '0,617', '0,183']);
  });

  it('keeps a number whose thousands are a separate run a word space away', () => {
    const line = makeLine([run('Österlens museum', 73.8, 155.5), run('62', 303.2, 314.0), run('225', 316.8, 333.5)]);
    expect(texts(valueAtoms(line))).toEqual(['Österlens museum', '62 225']);
  });

  it('knows printed values: signs, decimals, stars, "ung", parentheses', () => {
    for (const v of ['- 6 279', '-1947', '0,800', '-400*', 'ung 116 000', '(4.7)', '85 %']) expect(isValueText(v), v).toBe(true);
    for (const t of ['Stängt', 'Bokslut 2025', '(95% CI)', 'Ej aktuellt']) expect(isValueText(t), t).toBe(false);
  });
});

describe('text cut at value columns (Bokslut_2025 p36)', () => {
  it('splits "Bokslut Bokslut" where the values below part, not a label', () => {
    const header = makeLine([run('Statistik', 73.8, 113.1, true), run('Bokslut', 378.8, 415.0, true), run('Bokslut', 420.8, 457.0, true)]);
    const data = makeLine([run('Ungdomens hus', 73.8, 145.1), run('10 398', 384.8, 415.2), run('13 818', 420.8, 451.2)]);
    const bands = valueBands(valueAtoms(data));
    expect(bands).toHaveLength(2);
    expect(texts(splitAtBands(valueAtoms(header), bands))).toEqual(['Statistik', 'Bokslut', 'Bokslut']);
    const label = makeLine([run('Ny teknik', 73.8, 120), run('bowlinghall', 122.5, 172.9)]);
    expect(texts(splitAtBands(valueAtoms(label), bands))).toEqual(['Ny teknik bowlinghall']);
  });
});

describe('row gaps', () => {
  it('tells wraps from rows in a padded table (6 pt between rows, under 1 pt inside a cell)', () => {
    const limit = gapLimit([0.4, 6.2, 0.4, 6.1, 0.5, 6.1, 6.2, 0.4, 6.1], 11);
    expect(limit.padded).toBe(true);
    expect(limit.wrap).toBeGreaterThan(0.5);
    expect(limit.wrap).toBeLessThan(6.1);
  });
  it('does not call a table padded when its rows sit as close as wrapped lines', () => {
    expect(gapLimit([1.2, 1.2, 1.3, 1.2, 14], 8).padded).toBe(false);
    expect(gapLimit([1.2, 1.2, 1.3, 1.2], 8)).toEqual({ wrap: 0.6 * 8, padded: false });
  });
});

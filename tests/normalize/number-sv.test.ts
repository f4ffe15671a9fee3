import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isNoValueText, isNumericCell, parseNumberSv } from '../../src/normalize/number-sv.js';

const v = (text: string) => parseNumberSv(text).value;

describe('parseNumberSv: cells as printed in the seed reports', () => {
  it('reads space-grouped thousands with any kind of space', () => {
    expect(v('17 872')).toBe(17872); // Hjo line 376
    expect(v('3 870\u00a0731')).toBe(3870731);
    expect(v('244\u202f537')).toBe(244537);
    expect(v('11\u2009463')).toBe(11463);
    expect(v('3870731')).toBe(3870731); // Hjo line 333, no separator
    expect(v('1310')).toBe(1310);
  });

  it('reads decimal commas', () => {
    expect(v('124,8')).toBe(124.8); // Mölndal line 167
    expect(v('702,50')).toBe(702.5); // Ale line 649
    expect(v('235,8')).toBe(235.8);
  });

  it('reads every minus form, with or without a space after it', () => {
    expect(v('-28 603')).toBe(-28603); // Hjo line 352
    expect(v('−1 881')).toBe(-1881);
    expect(v('–882')).toBe(-882);
    expect(v('- 6 279')).toBe(-6279);
    expect(v('- 4')).toBe(-4); // Alingsås line 618
    expect(v('-1947')).toBe(-1947);
    expect(v('-0,2')).toBe(-0.2); // Mölndal line 194
  });

  it('reads an explicit plus', () => {
    expect(v('+ 1 060')).toBe(1060); // Hjo line 379
    expect(v('+1 060')).toBe(1060); // Hjo line 355
    expect(v('+ 5')).toBe(5);
  });

  it('reads units printed in the cell', () => {
    expect(parseNumberSv('4,0 %')).toMatchObject({ value: 4, unit: '%' }); // Hjo line 69
    expect(parseNumberSv('40,4%')).toMatchObject({ value: 40.4, unit: '%' }); // Mölndal 455
    expect(parseNumberSv('85,00%')).toMatchObject({ value: 85, unit: '%' }); // Alingsås 266
    expect(parseNumberSv('816 kr')).toMatchObject({ value: 816, unit: 'kr' }); // Mölndal 445
    expect(parseNumberSv('0,2Mkr')).toMatchObject({ value: 0.2, unit: 'mnkr' });
    expect(parseNumberSv('0,2 Mkr')).toMatchObject({ value: 0.2, unit: 'mnkr' });
    expect(parseNumberSv('1,5 mnkr')).toMatchObject({ value: 1.5, unit: 'mnkr' });
    expect(parseNumberSv('35 600, tkr')).toMatchObject({ value: 35600, unit: 'tkr' });
    expect(parseNumberSv('12 miljoner kronor')).toMatchObject({ value: 12, unit: 'mnkr' });
  });

  it('moves footnote markers to footnotes', () => {
    expect(parseNumberSv('192 *')).toMatchObject({ value: 192, footnotes: ['*'] }); // Hjo 335
    expect(parseNumberSv('-400*')).toMatchObject({ value: -400, footnotes: ['*'] });
    expect(parseNumberSv('10 <sup>1</sup>')).toMatchObject({ value: 10, footnotes: ['1'] });
    expect(parseNumberSv('1 563²')).toMatchObject({ value: 1563, footnotes: ['2'] });
    expect(parseNumberSv('<b>138,5</b>')).toMatchObject({ value: 138.5, footnotes: [] });
  });

  it('treats a lone dash or nothing as empty', () => {
    for (const t of ['-', '–', '−', '', '  ', '--']) {
      expect(parseNumberSv(t)).toMatchObject({ value: null, empty: true, note: null });
    }
    // Mölndal line 281: only a footnote where the value should be
    expect(parseNumberSv('<sup>2</sup>')).toMatchObject({ value: null, empty: true, footnotes: ['2'] });
  });

  it('keeps "no value" phrases as a note', () => {
    for (const t of ['Ingen mätning gjordes', 'Inga uppg.', 'Ej klart', 'Stängt', 'Ej aktuellt', 'Uppgift saknas', 'Se kommentar']) {
      expect(parseNumberSv(t)).toEqual({ value: null, unit: null, note: t, reference: null, footnotes: [], empty: false });
    }
  });

  it('reads "56 (medel 58)" as a value with a reference (Hjo line 122)', () => {
    expect(parseNumberSv('56 (medel 58)')).toMatchObject({ value: 56, reference: 58, note: null });
  });

  it('keeps a remark after the number as note', () => {
    expect(parseNumberSv('9 totalt (6 till arbete, 3 studier)')).toMatchObject({
      value: 9, note: 'totalt (6 till arbete, 3 studier)', reference: null,
    }); // Hjo line 332
    expect(parseNumberSv('85 % (totalt)')).toMatchObject({ value: 85, unit: '%', note: '(totalt)' }); // Hjo 226
    expect(parseNumberSv('3 372 tkr Minskning med 27 tkr')).toMatchObject({
      value: 3372, unit: 'tkr', note: 'Minskning med 27 tkr',
    }); // Alingsås line 229
  });

  it('keeps qualifiers as note', () => {
    expect(parseNumberSv('ung 116 000')).toMatchObject({ value: 116000, note: 'ung' });
    expect(parseNumberSv('ca 5')).toMatchObject({ value: 5, note: 'ca' });
    expect(parseNumberSv('cirka 1,2 mnkr')).toMatchObject({ value: 1.2, unit: 'mnkr', note: 'cirka' });
  });

  it('does not read text, dates or ranges as numbers', () => {
    for (const t of [
      '2016-12-31', '2016-06-30 2016-12-31', 'Pågår', 'Flyktingstatus 3', '10-12 mån', '2010-2013',
      '1-14 dagar', '> 60 dagar', '<29 år', 'T2 2016', '31/12 2017', 'Minskat med 0,2', '70 83', '1.500',
      'SAN, Personalomsättning, %',
    ]) {
      expect(isNumericCell(t), t).toBe(false);
    }
  });
});

/** Format a number the way the reports do, choosing separators and minus forms at random. */
function formatSv(n: number, decimals: number, sep: string, minus: string, spaceAfterMinus: boolean): string {
  const abs = Math.abs(n).toFixed(decimals);
  const [int, frac] = abs.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const body = frac ? `${grouped},${frac}` : grouped;
  if (n >= 0 || Number(abs) === 0) return body;
  return `${minus}${spaceAfterMinus ? ' ' : ''}${body}`;
}

describe('parseNumberSv: property', () => {
  it('parses back any Swedish-formatted number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999_999, max: 999_999_999 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(' ', '\u00a0', '\u202f', '\u2009', ''),
        fc.constantFrom('-', '−', '–'),
        fc.boolean(),
        fc.constantFrom('', ' %', '%', ' tkr', ' kr', ' mnkr', ' *'),
        (scaled, decimals, sep, minus, spaceAfter, suffix) => {
          const n = scaled / 10 ** decimals;
          const text = formatSv(n, decimals, sep, minus, spaceAfter) + suffix;
          const parsed = parseNumberSv(text);
          expect(parsed.value).toBeCloseTo(n, 6);
          expect(parsed.empty).toBe(false);
        },
      ),
    );
  });

  it('never throws and never reads an ISO date as a number', () => {
    fc.assert(fc.property(fc.string(), (s) => { parseNumberSv(s); }));
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), (d) => {
        expect(isNumericCell(d.toISOString().slice(0, 10))).toBe(false);
      }),
    );
  });
});

describe('isNoValueText', () => {
  it('knows the words printed instead of a number', () => {
    for (const t of ['Ej aktuellt', 'ej aktuell', 'Stängt', 'Saknas', 'Inga uppgifter', 'Ej tillämpligt']) expect(isNoValueText(t), t).toBe(true);
    for (const t of ['Ingen mätning gjordes', 'Pågår', '12', '', 'Stängt under renovering']) expect(isNoValueText(t), t).toBe(false);
  });
});

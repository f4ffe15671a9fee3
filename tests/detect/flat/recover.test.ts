import { describe, expect, it } from 'vitest';
import { recoverFlatTable } from '../../../src/detect/flat/recover.js';

const cells = (t: ReturnType<typeof recoverFlatTable>) => t.rows.map((r) => r.cells?.map((c) => c.text) ?? null);

describe('recoverFlatTable', () => {
  it('should split a leading Not column off as a small note number', () => {
    const t = recoverFlatTable(['Not', '2017', '2016'], ['Verksamhetens intäkter 3 245,1 230,4', 'Verksamhetens kostnader 4 -1 102,9 -1 050,0']);
    expect(cells(t)).toEqual([['3', '245,1', '230,4'], ['4', '-1 102,9', '-1 050,0']]);
    // "3 245,1" could also be 3 245,1 with no note: the empty Not cell is possible, so inferred.
    expect(t.rows.map((r) => r.certainty)).toEqual(['inferred', 'certain']);
    expect(t.rows[0].evidence).toMatch(/^2 readings fit; chose "3 \| 245,1 \| 230,4" over "∅ \| 3 245,1 \| 230,4"/);
  });

  it('should choose the split where Avvikelse is the difference of two columns', () => {
    const t = recoverFlatTable(['Budget', 'Prognos', 'Avvikelse'], ['Hemtjänst 124 200 124 310 110']);
    expect(cells(t)).toEqual([['124 200', '124 310', '110']]);
    // Readings with an empty cell cannot be checked, so they stay: inferred, not certain.
    expect(t.rows[0].certainty).toBe('inferred');
    expect(t.rows[0].evidence).toMatch(/column 3 is the difference of two others: \d+ of \d+ readings fail it/);
  });

  it('should use a Summa row to decide the rows above it', () => {
    const t = recoverFlatTable(['Budget', 'Utfall'], ['Skola 1 200 1 100', 'Vård 800 850', 'Summa 2 000 1 950']);
    expect(cells(t)).toEqual([['1 200', '1 100'], ['800', '850'], ['2 000', '1 950']]);
  });

  it('should place a short row by evidence and say so', () => {
    const t = recoverFlatTable(
      ['Budget 2019', 'Utfall 2019', 'Avvikelse prognos/budget 2019'],
      ['Investering -1 450 -199 1 251', 'Reinvestering 0'],
    );
    expect(cells(t)[1]).toEqual(['', '', '0']);
    expect(t.rows[1].certainty).toBe('inferred');
    expect(t.rows[1].evidence).toMatch(/empty cells/);
  });

  it('should leave a row unresolved, with its text, when nothing decides', () => {
    const t = recoverFlatTable(['Utfall 2015', 'Utfall 2016', 'Budget 2016'], ['Resultat -124']);
    expect(t.rows[0].certainty).toBe('unresolved');
    expect(t.rows[0].cells!.map((c) => c.text)).toEqual(['', '', '']);
    expect(t.rows[0].raw).toBe('Resultat -124');
  });

  it('should keep a label without values as a group row', () => {
    const t = recoverFlatTable(['Intäkt', 'Kostnad'], ['Kommunbidragsområde', 'Arbetsmarknadsåtgärder 4,4 -14,6']);
    expect(cells(t)).toEqual([null, ['4,4', '-14,6']]);
  });
});

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

  it('should let a column sum decide a split, and say so', () => {
    // "1 200 300" is 1 200 | 300 or 1 | 200 300: only the first adds up to the Summa row.
    const t = recoverFlatTable(['Budget', 'Utfall'], ['Skola 1 200 300', 'Vård 500 700', 'Summa 1 700 1 000']);
    expect(cells(t)[0]).toEqual(['1 200', '300']);
    expect(t.rows[0].certainty).toBe('certain');
    expect(t.rows[0].evidence).toMatch(/column sums against "Summa"/);
  });

  it('should sum subtotals under a grand total and leave out a column that does not add up (Bokslut p21)', () => {
    const t = recoverFlatTable(
      ['Total projektbudget', 'Ack. Utfall', 'Avvikelse', 'Budget 2025', 'Utfall 2025', 'Budgetavvikelse'],
      [
        'Färdigställda projekt', 'Inventarier, löpande 0,800 0,617 0,183', 'Konstinköp, löpande (6011) 0,125 0,125', 'Summa färdigställda 0,925 0,742 0,183',
        'Pågående projekt', 'Ny inredning, biblioteket 4,827 4,812 0,015 0,709 0,694 0,015', 'Ombyggnad Garvaren (6013) 2,575 2,340 0,235 0,388 0,153 0,235',
        'Summa pågående projekt 20,068 15,127 4,941 9,600 4,659 4,941', 'Summa investeringsprojekt 20,068 15,130 4,938 10,525 5,401 5,124',
      ],
    );
    // Gold p21: the completed projects have this year's columns only; Konstinköp has no Budgetavvikelse.
    expect(cells(t).slice(1, 4)).toEqual([
      ['', '', '', '0,800', '0,617', '0,183'], ['', '', '', '0,125', '0,125', ''], ['', '', '', '0,925', '0,742', '0,183'],
    ]);
    // Ack. Utfall sums to 15,127 against a printed 15,130 (notes.md): that column decides nothing.
    expect(t.rows[3].evidence).toMatch(/column sums against "Summa investeringsprojekt".*left out/);
  });

  it('should learn which columns a deviation subtracts, an empty cell counting as 0 (Bokslut p33)', () => {
    const t = recoverFlatTable(['Utfall 2025', 'Budget 2025', 'Återstår'], [
      'Nämnd- och styrelseverksamhet -698 -679 -19', 'Fysisk och teknisk planering -602 -373 -229', 'Turistverksamhet 2 802 2 803 -1',
      'Alkoholtillstånd 1 1', 'Allmän fritidsverksamhet - 6 279 -6 827 548',
    ]);
    // Gold: Alkoholtillstånd Utfall 1, Återstår 1, Budget blank; "- 6 279" is one value.
    expect(cells(t).slice(3)).toEqual([['1', '', '1'], ['- 6 279', '-6 827', '548']]);
    expect(t.rows[3].certainty).toBe('inferred');
    expect(t.rows[3].evidence).toMatch(/column 3 = column 1 − column 2, as in the rows already settled/);
  });

  it('should end a value at a footnote star (Bokslut p33 "-400*")', () => {
    const t = recoverFlatTable(['Bokslut 2023', 'Bokslut 2024', 'Bokslut 2025', 'Budget 2025'], ['Studieförbundsbidrag -400 -391 -397 -400*']);
    expect(cells(t)).toEqual([['-400', '-391', '-397', '-400*']]);
  });

  it('should read a leading year into the label only when nothing else fits, and not as certain (Bokslut p36)', () => {
    const t = recoverFlatTable(['2025'], ['Överskott överfört från 2025 226']);
    expect(t.rows[0]).toMatchObject({ label: 'Överskott överfört från 2025', certainty: 'inferred' });
    expect(cells(t)).toEqual([['226']]);
    expect(t.rows[0].evidence).toMatch(/2025 is read as the end of the label/);
  });

  it('should not let a sum that adds up by chance settle glued counts (Bokslut p34 glued)', () => {
    const t = recoverFlatTable(
      ['Bokslut 2023', 'Bokslut 2024', 'Budget 2025', 'Bokslut 2025', 'Antal 2023', 'Antal 2024', 'Antal 2025'],
      ['Lokalt aktivitetsstöd-602-598-600-599343434', 'Driftbidrag-563-926-925-925283641', 'Utvecklingsbidrag-342-297-342-19891111',
        'Totalt-1 732-2 046-2 092-1947768992'],
      'glued',
    );
    // "-1947" is printed without its thousands space, so no reading of the Totalt row is right;
    // no row may come out certain.
    expect(t.rows.map((r) => r.certainty)).not.toContain('certain');
  });

  it('should put the Kön word of a flattened row under Kön and no number there (Mölndal, report.txt line 300)', () => {
    const t = recoverFlatTable(
      ['Kön', 'Utfall 2014', 'Utfall 2015', 'Utfall 2016', 'Nivå 2017', 'Nivå 2018', 'Nivå 2019', 'Utfall 2017'],
      ['SAN, Den som ansöker om stadigvarande serveringstillstånd Alla 78 % 100 % 57 % 100 % 100 % 100 % 100 %'],
    );
    expect(t.rows[0].label).toBe('SAN, Den som ansöker om stadigvarande serveringstillstånd');
    expect(cells(t)).toEqual([['Alla', '78 %', '100 %', '57 %', '100 %', '100 %', '100 %', '100 %']]);
    expect(t.rows[0].certainty).toBe('certain');
  });
});

/**
 * Flat tables found in plain text as it comes out of a PDF (lines copied from
 * fixtures/flat/real/Bokslut_2025-flat.txt and fixtures/flat/alingsas-2019-varbokslut/pdf-glued.txt);
 * the expected cells are the gold values of those tables.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/readers/text/read-text.js';
import { findFlatTables } from '../../../src/detect/flat/index.js';

const find = (text: string) => {
  const src = readText(new TextEncoder().encode(text)).value;
  return findFlatTables(src.blocks, new Set());
};

describe('findFlatTables', () => {
  const bidrag = [
    'Allmän kulturverksamhet',
    'Bidrag, tkr Bokslut Bokslut Bokslut Budget Antal Antal Antal',
    '2023 2024 2025 2025 2023 2024 2025',
    'Arrangörsbidrag för -718 -718 -718 -718 23 23 27',
    'kulturföreningar',
    'Verksamhetsstöd för -450 -450 -450 -450 5 5 4',
    'kulturverksamheter',
    'Studieförbundsbidrag -400 -391 -397 -400* 11 10 9',
    'Kultur- och Ej aktuellt Ej aktuellt Ej aktuellt Ej Ej Ej Ej',
    'arrangörsbidrag aktuellt aktuellt aktuellt aktuellt',
    'Totalt -1 568 -1 559 -1 565 -1 568 39 38 40',
    'Samtliga arrangörsbidrag och verksamhetsbidrag 2025 har utbetalats. Av studieförbundsbidragen har',
  ].join('\n');

  it('should read a two-line header, wrapped labels and go on past a row of words (Bokslut p33)', () => {
    const { tables } = find(bidrag);
    expect(tables).toHaveLength(1);
    const { table, flat } = tables[0];
    expect(table.rows[table.headerRows - 1]).toEqual(['Bidrag, tkr', 'Bokslut 2023', 'Bokslut 2024', 'Bokslut 2025', 'Budget 2025', 'Antal 2023', 'Antal 2024', 'Antal 2025']);
    const body = table.rows.slice(table.headerRows);
    expect(body.map((r) => r[0])).toEqual([
      'Arrangörsbidrag för kulturföreningar', 'Verksamhetsstöd för kulturverksamheter', 'Studieförbundsbidrag',
      'Kultur- och Ej aktuellt Ej aktuellt Ej aktuellt Ej Ej Ej Ej', 'Totalt',
    ]);
    expect(body[4]).toEqual(['Totalt', '-1 568', '-1 559', '-1 565', '-1 568', '39', '38', '40']);
    // The wrapped lines belong to the table, the prose under it does not.
    expect(table.rowLines).toEqual([1, 2, 4, 6, 8, 9, 11]);
    expect(table.blockIndices).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(flat.rows[3]).toMatchObject({ certainty: 'unresolved', raw: 'Kultur- och Ej aktuellt Ej aktuellt Ej aktuellt Ej Ej Ej Ej arrangörsbidrag aktuellt aktuellt aktuellt aktuellt' });
  });

  it('should keep the row of words as a warning with its printed text', () => {
    const { diagnostics } = find(bidrag);
    expect(diagnostics.filter((d) => d.code === 'flat:unresolved')).toEqual([expect.objectContaining({
      line: 9, message: expect.stringMatching(/printed "Kultur- och Ej aktuellt .* arrangörsbidrag aktuellt .*": words stand where the numbers go/),
    })]);
  });

  it('should make no value certain under a header stacked in glued text, and say why (Alingsås pdf-glued)', () => {
    const { tables, diagnostics } = find([
      'Drift',
      'Avvikelse',
      'BudgetVårbokslutPrognosprognos/budgetVårbokslutDifferens',
      'Belopp i tkr20192019helår201920182018/2019',
      'Verksamhetens intäkter43 34417 29040 026-3 31815 3301 960',
      'Personalkostnader-147 433-52 455-149 314-1 881-53 7921 337',
    ].join('\n'));
    const { table, flat } = tables[0];
    expect(table.rows.slice(table.headerRows)).toEqual([
      ['Verksamhetens intäkter', '43 344', '17 290', '40 026', '-3 318', '15 330', '1 960'],
      ['Personalkostnader', '-147 433', '-52 455', '-149 314', '-1 881', '-53 792', '1 337'],
    ]);
    expect(flat.rows.flatMap((r) => r.cells!.map((c) => c.certainty))).not.toContain('certain');
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^flattened row "Verksamhetens intäkter" split by inference \(inferred: all cells\): column names read from 3 stacked header lines of glued text/),
      expect.stringMatching(/^flattened row "Personalkostnader" split by inference \(inferred: all cells\): column names read from 3 stacked header lines/),
    ]);
  });
});

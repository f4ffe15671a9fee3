/**
 * Mixed money and count columns (Simrishamn Bokslut 2025 p33, "Bidrag, tkr"): the tkr
 * columns are budget records, the "Antal" columns indicators. Rows as printed in the PDF.
 */
import { describe, expect, it } from 'vitest';
import { checkArithmetic, classifyTableKind, detectUnit, extractBudget, extractCountIndicators } from '../../src/classify/index.js';
import type { Table } from '../../src/model/index.js';

const rows = [
  ['Bidrag, tkr', 'Bokslut 2023', 'Bokslut 2024', 'Bokslut 2025', 'Budget 2025', 'Antal 2023', 'Antal 2024', 'Antal 2025'],
  ['Arrangörsbidrag för kulturföreningar', '-718', '-718', '-718', '-718', '23', '23', '27'],
  ['Verksamhetsstöd för kulturverksamheter', '-450', '-450', '-450', '-450', '5', '5', '4'],
  ['Studieförbundsbidrag', '-400', '-391', '-397', '-400*', '11', '10', '9'],
  ['Kultur- och arrangörsbidrag', 'Ej aktuellt', 'Ej aktuellt', 'Ej aktuellt', 'Ej aktuellt', 'Ej aktuellt', 'Ej aktuellt', 'Ej aktuellt'],
  ['Totalt', '-1 568', '-1 559', '-1 565', '-1 568', '39', '38', '40'],
];
const unit = detectUnit(null, rows[0]!);
const table: Table = {
  id: '#/tables/4', sectionId: null, kind: 'budget', caption: 'Allmän kulturverksamhet', unit, page: 33, pageEnd: 33,
  line: null, headerRows: 1, rows, rowLines: rows.map(() => null),
};

describe('a budget table with Antal columns', () => {
  it('is a tkr budget table', () => {
    expect(unit).toBe('tkr');
    expect(classifyTableKind({ caption: table.caption, rows, headerRows: 1, unit, sectionTitles: ['Bidrag'] })).toBe('budget');
  });

  it('gives budget records for the money columns only', () => {
    const { value, diagnostics } = extractBudget(table);
    expect(diagnostics).toEqual([]);
    expect(new Set(value.map((b) => b.column))).toEqual(new Set(['Bokslut 2023', 'Bokslut 2024', 'Bokslut 2025', 'Budget 2025']));
    expect(value.find((b) => b.label === 'Studieförbundsbidrag' && b.column === 'Budget 2025'))
      .toMatchObject({ text: '-400*', value: -400, valueTkr: -400, measure: 'budget', period: '2025' });
    expect(value.find((b) => b.label === 'Kultur- och arrangörsbidrag' && b.column === 'Bokslut 2023'))
      .toMatchObject({ text: 'Ej aktuellt', value: null, valueTkr: null });
  });

  it('checks the Totalt row without tripping over "Ej aktuellt"', () => {
    expect(checkArithmetic(table, extractBudget(table).value)).toEqual([]);
  });

  it('gives indicators with one outcome per Antal column', () => {
    const { value, diagnostics } = extractCountIndicators(table);
    expect(diagnostics).toEqual([]);
    expect(value.map((i) => i.name)).toEqual(rows.slice(1).map((r) => r[0]));
    expect(value[0]!.values).toEqual([
      { period: '2023', kind: 'outcome', column: 'Antal 2023', text: '23', value: 23, unit: 'antal', note: null },
      { period: '2024', kind: 'outcome', column: 'Antal 2024', text: '23', value: 23, unit: 'antal', note: null },
      { period: '2025', kind: 'outcome', column: 'Antal 2025', text: '27', value: 27, unit: 'antal', note: null },
    ]);
    expect(value[3]!.values[0]).toMatchObject({ text: 'Ej aktuellt', value: null });
    expect(value.every((i) => i.tableId === '#/tables/4' && i.page === 33)).toBe(true);
  });

  it('gives no indicators for a table without count columns', () => {
    const money = { ...table, rows: rows.map((r) => r.slice(0, 5)) };
    expect(extractCountIndicators(money).value).toEqual([]);
  });
});

describe('statistics tables', () => {
  it('are volume tables, though "Budget 2025" and "Bokslut" are budget words', () => {
    const stats = [
      ['Statistik', 'Bokslut 2023', 'Bokslut 2024', 'Bokslut 2025', 'Budget 2025'],
      ['Antal besökare', '', '', '', ''],
      ['Korsavads simhall', 'Stängt', 'Stängt', 'Stängt', 'Stängt'],
      ['Tobisviksbadet', 'Stängt', '22 898', '23 902', '22 000'],
      ['Hammenhögsbadet', '6 842', '7 519', '8 035', '7 000'],
    ];
    expect(classifyTableKind({ caption: null, rows: stats, headerRows: 1, unit: null, sectionTitles: ['Anläggningar'] })).toBe('volume');
  });
});

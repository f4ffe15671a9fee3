import { describe, expect, it } from 'vitest';
import { checkArithmetic } from '../../src/classify/arithmetic.js';
import { extractBudget } from '../../src/classify/budget.js';
import type { BudgetValue, Table } from '../../src/model/index.js';
import { SEED, seedTable } from './seed-table.js';

function extract(table: Table) {
  const { value, diagnostics } = extractBudget(table);
  return { records: value, diagnostics, arithmetic: checkArithmetic(table, value) };
}

const find = (records: BudgetValue[], label: string, column: string) =>
  records.find((r) => r.label === label && r.column === column);

describe('extractBudget: Hjo (tkr, income printed negative)', () => {
  const table = seedTable(SEED.hjo, 351, 355, { unit: 'tkr', caption: 'Arbete och socialtjänst' });

  it('reads every filled cell with measure and period from its column', () => {
    const { records, diagnostics } = extract(table);
    expect(diagnostics).toEqual([]);
    expect(records).toHaveLength(3 * 5 + 2);
    expect(find(records, 'Intäkter', 'Utfall 2016')).toMatchObject({
      value: -63742, valueTkr: -63742, measure: 'outcome', period: '2016', unit: 'tkr', text: '-63 742', line: 352,
    });
    expect(find(records, 'Kostnader', 'Budget 2016')).toMatchObject({ value: 60541, measure: 'budget', period: '2016' });
    expect(find(records, 'Nettokostnader', 'Prognos per 2016-08-31')).toMatchObject({
      value: 22053, measure: 'forecast', period: '2016',
    });
    expect(find(records, 'Resultat', 'Avvikelse mot budget')).toMatchObject({ value: 1060, measure: 'deviation', text: '+1 060' });
  });

  it('finds Avvikelse = Budget − Utfall 2016 within rounding (21 930 − 20 869 = 1 061 ≈ 1 060)', () => {
    expect(extract(table).arithmetic).toEqual([]);
  });

  it('checks the Summa row of the second table against its parts (lines 375-379)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.hjo, 375, 379, { unit: 'tkr' }));
    expect(find(records, 'Arbetsmarknadsenheten', 'Avvikelse mot budget')?.value).toBe(-882);
    expect(find(records, 'Summa', 'Avvikelse mot budget')).toMatchObject({ value: 1060, path: ['Summa'] });
    expect(arithmetic).toEqual([]);
  });

  it('warns when a Summa row does not add up', () => {
    const broken = seedTable(SEED.hjo, 375, 379, { unit: 'tkr' });
    broken.rows[4][3] = '23 930'; // Summa Budget 2016 printed 21 930
    const codes = extract(broken).arithmetic.map((d) => d.code);
    expect(codes).toContain('budget:sum-mismatch');
  });
});

describe('extractBudget: Tyresö (Intäkt | Kostnad | Resultat | Prognos)', () => {
  it('reads revenue, cost, result and forecast and checks them', () => {
    const { records, diagnostics, arithmetic } = extract(seedTable(SEED.tyreso, 354, 365, { unit: 'tkr' }));
    expect(diagnostics).toEqual([]);
    expect(find(records, 'Familjehem barn & ungdom', 'Intäkt')).toMatchObject({ value: 14544, measure: 'revenue' });
    expect(find(records, 'Familjehem barn & ungdom', 'Kostnad')).toMatchObject({ value: -14097, measure: 'cost' });
    expect(find(records, 'Familjehem barn & ungdom', 'Resultat')).toMatchObject({ value: 447, measure: 'result' });
    expect(find(records, 'Familjehem barn & ungdom', 'Prognos')).toMatchObject({ value: 1700, measure: 'forecast', period: null });
    // Intäkt + Kostnad = Resultat on every row within rounding; Totalt = sum of the ten rows
    // (113 205 vs 113 206 printed, −132 154 vs −132 152 printed: rounding).
    expect(arithmetic).toEqual([]);
  });

  it('reads Kommunbidrag with an empty Kostnad cell (lines 409-412)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.tyreso, 409, 412, { unit: 'tkr' }));
    expect(records.filter((r) => r.label === 'Kommunbidrag').map((r) => [r.column, r.value])).toEqual([
      ['Intäkt', -10664], ['Resultat', -10664],
    ]);
    expect(arithmetic).toEqual([]);
  });
});

describe('extractBudget: Mölndal (mnkr, <b> markup)', () => {
  it('reads RESULTATRÄKNING with bold sums and a Varav row (lines 165-179)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.molndal, 165, 179, { unit: 'mnkr', caption: 'RESULTATRÄKNING' }));
    expect(find(records, 'Bidrag', '2017')).toMatchObject({ value: 124.8, valueTkr: 124800, measure: 'outcome', period: '2017' });
    expect(find(records, 'Summa intäkter', '2016')).toMatchObject({ value: 203.1, text: '<b>203,1</b>' });
    const varav = records.filter((r) => r.label.startsWith('Varav beviljat'));
    expect(varav).toHaveLength(1); // the 2016 and 2015 cells are "-"
    expect(varav[0]).toMatchObject({ value: -9.6, path: ['Årets resultat', 'Varav beviljat nyttjande eget kapital/särskilt godkännande'] });
    // 4,6 + 124,8 + 9,1 = 138,5 and −2,6 − 171,9 − 29,1 − 0,9 − 217,0 = −421,5
    expect(arithmetic).toEqual([]);
  });

  it('reads DRIFTREDOVISNING with a group row and a varav row (lines 181-189)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.molndal, 181, 189, { unit: 'mnkr' }));
    expect(find(records, 'varav temporära boenden', 'Kostnad')).toMatchObject({
      value: -12.1, path: ['Kommunbidragsområde', 'Flyktingmottagande', 'varav temporära boenden'],
    });
    expect(find(records, 'Ekonomiskt bistånd', 'Kommunbidrag')).toMatchObject({ value: 84.8, measure: 'grant' });
    expect(find(records, 'Summa', 'Resultat')).toMatchObject({ value: 2.9, path: ['Kommunbidragsområde', 'Summa'] });
    // Summa excludes the varav row: 4,4 + 140,8 + 12,2 + 10,2 + 3,9 = 171,5
    expect(arithmetic).toEqual([]);
  });
});

describe('extractBudget: Alingsås (Belopp i tkr, costs negative)', () => {
  it('reads Drift with deviation and Differens columns (lines 488-497)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.alingsas, 488, 497, { unit: 'tkr' }));
    expect(records).toHaveLength(9 * 6);
    expect(find(records, 'Personalkostnader', 'Avvikelse prognos/budget 2019')).toMatchObject({
      value: -1881, measure: 'deviation', period: '2019',
    });
    expect(find(records, 'Kommunbidrag', 'Differens 2018/2019')).toMatchObject({ value: -6102, measure: 'deviation', period: '2018-2019' });
    expect(find(records, 'Årets resultat', 'Vårbokslut 2019')).toMatchObject({ value: -6358, measure: 'outcome', period: '2019' });
    expect(find(records, 'Lokalhyror', 'Prognos helår')).toMatchObject({ value: -15243, measure: 'forecast', period: 'helår' });
    // e.g. Intäkter: Prognos − Budget = 40 026 − 43 344 = −3 318; Vårbokslut 2019 − 2018 = 1 960
    expect(arithmetic).toEqual([]);
  });

  it('puts "-varav exploatering" under its investment (lines 557-568)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.alingsas, 557, 568, { unit: 'tkr' }));
    expect(records.find((r) => r.label === 'varav exploatering')).toMatchObject({
      path: ['Investering X', 'varav exploatering'], value: 0,
    });
    expect(find(records, 'Totalt utgifter', 'Budget 2019')?.value).toBe(-1450);
    expect(arithmetic).toEqual([]);
  });
});

describe('extractBudget: Ale', () => {
  it('keeps percent cells and non-money rows out of tkr (lines 555-563)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.ale, 555, 563, { unit: 'tkr' }));
    expect(find(records, 'Intäkter', 'Utfall i % av budget jan-aug 2016')).toMatchObject({
      value: 102.7, unit: '%', valueTkr: null, measure: 'other', period: 'jan-aug 2016',
    });
    expect(find(records, 'Arbetad tid (årsarbetare)', 'Budget helår 2016')).toMatchObject({ value: 750, unit: null, valueTkr: null });
    expect(find(records, 'Kostnader', 'Avvikelse prognos budget helår')).toMatchObject({ value: -3349, measure: 'deviation' });
    expect(find(records, 'Resultat', 'Bokslut 2015')).toMatchObject({ value: 471843, measure: 'outcome', period: '2015' });
    expect(arithmetic).toEqual([]);
  });

  it('joins a three-level header after filling spans from the left (lines 569-578)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.ale, 569, 578, { headerRows: 3, unit: 'tkr' }));
    expect(find(records, 'Nämnd och administration', 'Innevarande år / Perioden / Utfall')).toMatchObject({
      value: 50378, measure: 'outcome', period: 'perioden', path: ['Besluts-/verksamhets områden', 'Nämnd och administration'],
    });
    expect(find(records, 'Äldreomsorg', 'Innevarande år / Helåret / Avvikelse')).toMatchObject({ value: -10600, measure: 'deviation', period: 'helår' });
    expect(find(records, 'Summa', 'Föregående år / Helåret / Utfall')).toMatchObject({
      value: 471843, period: 'föregående år, helår',
    });
    // Summa Perioden Utfall: 50 378 + 16 016 + 91 927 + 95 121 + 65 214 = 318 656 ≈ 318 657
    expect(arithmetic).toEqual([]);
  });

  it('reads investments with "Totalt:" (lines 610-614)', () => {
    const { records, arithmetic } = extract(seedTable(SEED.ale, 610, 614, { unit: 'tkr' }));
    expect(find(records, 'E-hälsa', 'Avvikelse prognos budget helår')?.value).toBe(1500);
    expect(find(records, 'Totalt:', 'Budget helår')?.value).toBe(6281);
    expect(arithmetic).toEqual([]);
  });
});

describe('extractBudget: text in numeric cells', () => {
  it('warns budget:unparsed-cell and makes no record', () => {
    const table = seedTable(SEED.hjo, 375, 377, { unit: 'tkr', id: '#/tables/4' });
    table.rows[2][2] = 'Ej klart';
    const { value: records, diagnostics } = extractBudget(table);
    expect(records.some((r) => r.row === 2 && r.column === 'Utfall 2016')).toBe(false);
    expect(diagnostics).toEqual([{
      code: 'budget:unparsed-cell',
      message: 'Cell "Ej klart" in table #/tables/4, row 2, column "Utfall 2016" is not a number',
      severity: 'warning', page: null, line: 377,
    }]);
  });
});

describe('checkArithmetic: mismatches', () => {
  it('warns budget:deviation-mismatch when Avvikelse is no difference of the row', () => {
    const table = seedTable(SEED.alingsas, 488, 490, { unit: 'tkr' });
    table.rows[2][4] = '-1 991'; // Personalkostnader Avvikelse printed -1 881
    const { value } = extractBudget(table);
    expect(checkArithmetic(table, value).map((d) => [d.code, d.line])).toEqual([['budget:deviation-mismatch', 490]]);
  });

  it('warns budget:result-mismatch when Intäkt + Kostnad is not Resultat', () => {
    const table = seedTable(SEED.tyreso, 398, 400, { unit: 'tkr' });
    table.rows[1][3] = '1 196'; // Öppna insatser barn & ungdom Resultat printed 1 096
    const { value } = extractBudget(table);
    expect(checkArithmetic(table, value).map((d) => [d.code, d.line])).toEqual([['budget:result-mismatch', 399]]);
  });

  it('reads Hjo with its title row as an extra header row (lines 350-355)', () => {
    const table = seedTable(SEED.hjo, 350, 355, { unit: 'tkr', headerRows: 2 });
    const { value, diagnostics } = extractBudget(table);
    expect(diagnostics).toEqual([]);
    expect(find(value, 'Kostnader', 'Utfall 2015')).toMatchObject({ value: 49174, row: 3, line: 353 });
    expect(checkArithmetic(table, value)).toEqual([]);
  });
});

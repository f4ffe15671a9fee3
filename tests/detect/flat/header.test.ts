import { describe, expect, it } from 'vitest';
import { columnRole, parseFlatHeader, splitWords } from '../../../src/detect/flat/header.js';

describe('parseFlatHeader', () => {
  it('should cut a flattened header where capitalised measure words start', () => {
    expect(parseFlatHeader('tkr Utfall 2015 Utfall 2016 Budget 2016 Prognos per 2016-08-31 Avvikelse mot budget')).toEqual({
      corner: 'tkr',
      columns: ['Utfall 2015', 'Utfall 2016', 'Budget 2016', 'Prognos per 2016-08-31', 'Avvikelse mot budget'],
    });
  });

  it('should keep lower-case measure words inside a column name', () => {
    expect(parseFlatHeader('Belopp i tkr Budget 2019 Vårbokslut 2019 Prognos helår Avvikelse prognos/budget 2019')?.columns)
      .toEqual(['Budget 2019', 'Vårbokslut 2019', 'Prognos helår', 'Avvikelse prognos/budget 2019']);
  });

  it('should read each year as a column after the corner', () => {
    expect(parseFlatHeader('mnkr 2017 2016 2015')).toEqual({ corner: 'mnkr', columns: ['2017', '2016', '2015'] });
  });

  it('should cut glued headers at the same places', () => {
    expect(parseFlatHeader('IFO Myndighet TkrIntäktKostnadResultatPrognos'))
      .toEqual({ corner: 'IFO Myndighet Tkr', columns: ['Intäkt', 'Kostnad', 'Resultat', 'Prognos'] });
    expect(parseFlatHeader('mnkr201720162015')).toEqual({ corner: 'mnkr', columns: ['2017', '2016', '2015'] });
    expect(parseFlatHeader('TkrUtfall jan-aug 2016Budget jan-aug 2016Utfall i % av budget jan-aug 2016')?.columns)
      .toEqual(['Utfall jan-aug 2016', 'Budget jan-aug 2016', 'Utfall i % av budget jan-aug 2016']);
  });

  it('should not read data rows or sentences as headers', () => {
    expect(parseFlatHeader('Budgetavvikelse 209 0 0 0 0 -11 924 -4 119')).toBeNull();
    expect(parseFlatHeader('Utfall för perioden. Budget och prognos följer.')).toBeNull();
    expect(parseFlatHeader('Resultat')).toBeNull();
  });
});

describe('columnRole', () => {
  it('should tell computed columns from amounts', () => {
    expect(['Not', 'Utfall i % av budget', 'Avvikelse mot budget', 'Intäkt', 'Kostnad', 'Kommunbidrag', 'Resultat', 'Budget 2016'].map(columnRole))
      .toEqual(['note', 'percent', 'deviation', 'revenue', 'cost', 'grant', 'result', 'money']);
  });
});

describe('splitWords in glued text', () => {
  it('should cut where a column word starts after a lower-case word, a unit or itself, not inside a compound', () => {
    expect(splitWords('BudgetVårbokslutPrognosprognos/budgetVårbokslutDifferens', true))
      .toEqual(['Budget', 'Vårbokslut', 'Prognos', 'prognos/budget', 'Vårbokslut', 'Differens']);
    expect(splitWords('jan-augjan-augjan-aughelårhelårbudgetjan-augBokslut', true))
      .toEqual(['jan-aug', 'jan-aug', 'jan-aug', 'helår', 'helår', 'budget', 'jan-aug', 'Bokslut']);
    expect(splitWords('Investeringar, belopp i TkrperiodenBudget helår', true)).toEqual(['Investeringar,', 'belopp', 'i', 'Tkr', 'perioden', 'Budget', 'helår']);
    expect(splitWords('Budgetavvikelse', true)).toEqual(['Budgetavvikelse']);
  });

  it('should cut years, dates and brackets apart', () => {
    expect(splitWords('Belopp i tkr20192019helår201920182018/2019', true)).toEqual(['Belopp', 'i', 'tkr', '2019', '2019', 'helår', '2019', '2018', '2018/2019']);
    expect(splitWords('Tkr2016201620162016(aktuell)helår20152015', true)).toEqual(['Tkr', '2016', '2016', '2016', '2016', '(aktuell)', 'helår', '2015', '2015']);
    expect(splitWords('Prognos per 2016-Avvikelse mot', true)).toEqual(['Prognos', 'per', '2016-', 'Avvikelse', 'mot']);
    expect(splitWords('tkrUtfall 2015Utfall 2016Budget 201608-31budget', true)).toEqual(['tkr', 'Utfall', '2015', 'Utfall', '2016', 'Budget', '2016', '08-31', 'budget']);
  });
});

describe('columnRole of counts', () => {
  it('should tell an "Antal" column from the amounts beside it', () => {
    expect(['Antal 2023', 'Bokslut 2023'].map(columnRole)).toEqual(['count', 'money']);
  });
});

/**
 * Header cells that wrap over several lines, as the fixture PDFs print them (lines from
 * fixtures/flat/<name>/pdf-flat.txt). The expected names are the headers of the tab-separated
 * report.txt of the same report, or the columns of the real PDFs' gold files.
 */
import { describe, expect, it } from 'vitest';
import { stackedHeaders } from '../../../src/detect/flat/stack.js';

const best = (lines: string[], glued = false) => stackedHeaders(lines, glued)[0];

describe('stackedHeaders', () => {
  it('should put bottom-aligned pieces under the columns they continue (Alingsås, report.txt line 488)', () => {
    const h = best(['Drift', 'Avvikelse', 'Budget Vårbokslut Prognos prognos/budget Vårbokslut Differens', 'Belopp i tkr 2019 2019 helår 2019 2018 2018/2019']);
    expect(h.columns).toEqual(['Budget 2019', 'Vårbokslut 2019', 'Prognos helår', 'Avvikelse prognos/budget 2019', 'Vårbokslut 2018', 'Differens 2018/2019']);
    expect(h.corner).toBe('Belopp i tkr');
    // "Drift" is the caption above, not part of any name.
    expect([h.first, h.last]).toEqual([1, 3]);
  });

  it('should join a date broken at its hyphen (Hjo, report.txt line 351)', () => {
    const h = best(['Arbete och socialtjänst', 'Prognos per 2016- Avvikelse mot', 'tkr Utfall 2015 Utfall 2016 Budget 2016 08-31 budget']);
    expect(h.columns).toEqual(['Utfall 2015', 'Utfall 2016', 'Budget 2016', 'Prognos per 2016-08-31', 'Avvikelse mot budget']);
  });

  it('should read a five-line header of eight columns (Ale, report.txt line 555)', () => {
    const h = best([
      'Utfall i %', 'av Avvikelse', 'Utfall Budget budget Budget Prognos prognos Utfall',
      'jan-aug jan-aug jan-aug helår helår budget jan-aug Bokslut', 'Tkr 2016 2016 2016 2016 (aktuell) helår 2015 2015',
    ]);
    expect(h.columns).toEqual([
      'Utfall jan-aug 2016', 'Budget jan-aug 2016', 'Utfall i % av budget jan-aug 2016', 'Budget helår 2016',
      'Prognos helår (aktuell)', 'Avvikelse prognos budget helår', 'Utfall jan-aug 2015', 'Bokslut 2015',
    ]);
  });

  it('should give a lower-case tail the head above it, not the column beside it (Ale, report.txt line 610)', () => {
    expect(best(['Avvikelse', 'Utfall/redovisat prognos budget', 'Investeringar, belopp i Tkr perioden Budget helår Prognos helår helår']))
      .toMatchObject({ corner: 'Investeringar, belopp i Tkr', columns: ['Utfall/redovisat perioden', 'Budget helår', 'Prognos helår', 'Avvikelse prognos budget helår'] });
  });

  it('should read top-aligned headers and join "Budget-" with "avvikelse" (Bokslut p21, gold columns)', () => {
    const h = best([
      'Investeringsredovisning Utgifter sedan Varav årets', '(mnkr) projektets investeringar', 'start',
      'Kultur och fritidsnämnden Total Ack. Avvikelse Budget 2025 Utfall Budget-', 'projektbudget Utfall 2025 avvikelse', 'Färdigställda projekt',
    ]);
    expect(h.columns).toEqual(['Total projektbudget', 'Ack. Utfall', 'Avvikelse', 'Budget 2025', 'Utfall 2025', 'Budgetavvikelse']);
    // The spanning group header above and the group row below are left out of the names.
    expect([h.first, h.last]).toEqual([3, 4]);
  });

  it('should pair a line of years with the measure words above them (Bokslut p33)', () => {
    expect(best(['Bidrag, tkr Bokslut Bokslut Bokslut Budget Antal Antal Antal', '2023 2024 2025 2025 2023 2024 2025']).columns)
      .toEqual(['Bokslut 2023', 'Bokslut 2024', 'Bokslut 2025', 'Budget 2025', 'Antal 2023', 'Antal 2024', 'Antal 2025']);
  });

  it('should keep a spanning group header out of the names (Ale, report.txt lines 569–571)', () => {
    const h = best(['Innevarande år Föregående år', 'Perioden Helåret Period Helåret', 'Utfall Budget Avvikelse Prognos Budget Avvikelse Utfall Utfall']);
    expect(h.columns).toEqual(['Utfall', 'Budget', 'Avvikelse', 'Prognos', 'Budget', 'Avvikelse', 'Utfall', 'Utfall']);
    expect(h.first).toBe(2);
  });

  it('should read glued stacked headers with the cuts a vocabulary shows (Alingsås pdf-glued)', () => {
    expect(best(['Avvikelse', 'BudgetVårbokslutPrognosprognos/budgetVårbokslutDifferens', 'Belopp i tkr20192019helår201920182018/2019'], true).columns)
      .toEqual(['Budget 2019', 'Vårbokslut 2019', 'Prognos helår', 'Avvikelse prognos/budget 2019', 'Vårbokslut 2018', 'Differens 2018/2019']);
  });

  it('should take one column only beside a corner naming the unit (Bokslut p36)', () => {
    expect(best(['Projekt, tkr 2025'])).toMatchObject({ corner: 'Projekt, tkr', columns: ['2025'] });
    expect(stackedHeaders(['Kommunfullmäktige'])).toEqual([]);
  });

  it('should find no header in prose or in names it cannot tell apart', () => {
    expect(stackedHeaders(['Stadsrevisionens årsredogörelse och', 'revisorskollegiets årsrapport för'])).toEqual([]);
    // Alingsås's Personalsammansättning: "Medelålder Månadsavlönad" would merge two columns.
    expect(stackedHeaders(['Antal personer Antal anställningar Antal årsarbetare Medelålder Månadsavlönad']).every(
      (h) => h.columns.every((c) => !/Medelålder.*Månadsavlönad/.test(c)),
    )).toBe(true);
  });
});

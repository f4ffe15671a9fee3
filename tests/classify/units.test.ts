import { describe, expect, it } from 'vitest';
import { detectUnit, toTkr } from '../../src/classify/units.js';

describe('detectUnit', () => {
  it('reads the corner cell (seed headers)', () => {
    expect(detectUnit(null, ['tkr', 'Utfall 2015', 'Utfall 2016'])).toBe('tkr'); // Hjo 351
    expect(detectUnit(null, ['Tkr', 'Budget 2019'])).toBe('tkr'); // Alingsås 557
    expect(detectUnit(null, ['Belopp i tkr', 'Budget 2019'])).toBe('tkr'); // Alingsås 488
    expect(detectUnit(null, ['IFO Myndighet Tkr', 'Intäkt', 'Kostnad'])).toBe('tkr'); // Tyresö 354
    expect(detectUnit(null, ['mnkr', '2017', '2016'])).toBe('mnkr'); // Mölndal 165
    expect(detectUnit(null, ['<b>Mkr</b>', '2017'])).toBe('mnkr');
    expect(detectUnit(null, ['Investeringar, belopp i Tkr', 'Budget helår'])).toBe('tkr'); // Ale 610
    expect(detectUnit(null, ['Sjukfrånvaro i procent', '2016-06-30'])).toBe('%'); // Ale 661
  });
  it('reads the caption', () => {
    expect(detectUnit('Driftredovisning (tkr)', ['', '2017'])).toBe('tkr');
    expect(detectUnit('Belopp i miljoner kronor', ['', '2017'])).toBe('mnkr');
    expect(detectUnit('Kostnad per invånare, kr', ['', '2017'])).toBe('kr');
  });
  it('lets a column-only "%" not decide the table (Ale 555)', () => {
    expect(detectUnit(null, ['Tkr', 'Utfall jan-aug 2016', 'Utfall i % av budget jan-aug 2016'])).toBe('tkr');
    expect(detectUnit(null, ['', 'Utfall i % av budget'])).toBeNull();
  });
  it('does not give a caption unit to counting columns', () => {
    expect(detectUnit('Personal (tkr)', ['', 'Antal personer', 'Antal anställningar'])).toBeNull();
  });
  it('finds nothing in plain year headers', () => {
    expect(detectUnit(null, ['', '2017', 'Budget 2017', '2016'])).toBeNull(); // Mölndal 198
    expect(detectUnit('VOLYMMÅTT', ['Titel', 'Kön', 'Utfall 2014'])).toBeNull();
  });
});

describe('toTkr', () => {
  it('scales money units to thousands of kronor', () => {
    expect(toTkr(124.8, 'mnkr')).toBe(124800);
    expect(toTkr(-0.2, 'mnkr')).toBe(-200);
    expect(toTkr(816, 'kr')).toBe(0.816);
    expect(toTkr(-63742, 'tkr')).toBe(-63742);
  });
  it('is null for percent, no unit or no value', () => {
    expect(toTkr(4, '%')).toBeNull();
    expect(toTkr(4, null)).toBeNull();
    expect(toTkr(null, 'tkr')).toBeNull();
  });
});

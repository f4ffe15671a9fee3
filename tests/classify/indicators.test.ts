import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/classify/indicators.js';
import type { Indicator } from '../../src/model/index.js';
import { SEED, seedTable } from './seed-table.js';

const byName = (list: Indicator[], name: string) => list.filter((i) => i.name === name);
const pairs = (i: Indicator) => i.values.map((v) => [v.period, v.kind, v.value]);

describe('extractIndicators: Hjo "Indikator:" tables', () => {
  it('takes the source from the corner and one outcome per year (lines 68-69)', () => {
    const { value, diagnostics } = extractIndicators(seedTable(SEED.hjo, 68, 69));
    expect(diagnostics).toEqual([]);
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      name: 'Andel av befolkningen i Hjo som får försörjningsstöd', source: 'SKLs öppna jämförelser',
      gender: null, path: [], row: 1, line: 69,
    });
    expect(pairs(value[0])).toEqual([
      ['2012', 'outcome', 3.5], ['2013', 'outcome', 3], ['2014', 'outcome', 3.3], ['2015', 'outcome', 3.6], ['2016', 'outcome', 4],
    ]);
    expect(value[0].values[4]).toEqual({ period: '2016', kind: 'outcome', column: '2016', text: '4,0 %', value: 4, unit: '%', note: null });
  });

  it('keeps "Ingen mätning gjordes" as a null value with note, and the 2010-2013 period (lines 100-101)', () => {
    const [ind] = extractIndicators(seedTable(SEED.hjo, 100, 101)).value;
    expect(ind.values[1]).toEqual({
      period: '2010-2013', kind: 'outcome', column: '2010-2013', text: 'Ingen mätning gjordes',
      value: null, unit: null, note: 'Ingen mätning gjordes',
    });
    expect(ind.values[0]).toMatchObject({ period: '2009', value: 66.2, unit: '%' });
  });

  it('splits "56 (medel 58)" into an outcome and a reference of the same period (lines 121-122)', () => {
    const [ind] = extractIndicators(seedTable(SEED.hjo, 121, 122)).value;
    expect(ind.source).toBe('SCB:s medborgarundersökning');
    expect(ind.values.filter((v) => v.period === '2012')).toEqual([
      { period: '2012', kind: 'outcome', column: '2012', text: '56 (medel 58)', value: 56, unit: null, note: null },
      { period: '2012', kind: 'reference', column: '2012', text: '56 (medel 58)', value: 58, unit: null, note: null },
    ]);
    expect(pairs(ind).filter(([p]) => p === '2016')).toEqual([['2016', 'outcome', 59], ['2016', 'reference', 57]]);
  });

  it('reads the source from the row under a bare "Indikator:" (lines 137-139)', () => {
    const { value } = extractIndicators(seedTable(SEED.hjo, 137, 139));
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ name: 'Sammanfattande nöjd inflytande index.', source: 'SCB:s medborgarundersökning', path: [] });
    expect(pairs(value[0]).filter(([, k]) => k === 'outcome').map(([, , v]) => v)).toEqual([38, null, 44, null, 43]);
  });

  it('reads the "KB = kommunens boenden" legend row as its own indicator under the row above (lines 225-227)', () => {
    const { value } = extractIndicators(seedTable(SEED.hjo, 225, 227));
    expect(value).toHaveLength(2);
    const [all, kb] = value;
    expect(all.values.filter((v) => v.period === '2016').map((v) => [v.value, v.note])).toEqual([[61, '(totalt)']]);
    expect(all.values[0]).toMatchObject({ period: '2012', value: null, note: 'Inga uppg.', unit: null });
    expect(all.values[2]).toMatchObject({ period: '2014', value: 85, unit: '%' });
    expect(kb.name).toBe('KB = kommunens boenden');
    expect(kb.path).toEqual([all.name]);
    expect(kb.values.map((v) => [v.period, v.value, v.note])).toEqual([['2015', 50, '(KB)'], ['2016', 63, '(KB)']]);
  });

  it('reads the Verksamhetsvolymen table with a blank corner (lines 330-340)', () => {
    const { value } = extractIndicators(seedTable(SEED.hjo, 330, 340));
    expect(value).toHaveLength(10);
    expect(pairs(byName(value, 'Antal inskrivna AME')[0])).toEqual([
      ['2016', 'outcome', 70], ['2015', 'outcome', 83], ['2014', 'outcome', 91], ['2013', 'outcome', 64], ['2011', 'outcome', 46],
    ]);
    expect(byName(value, 'Antal som gått vidare till arbete/studier')[0].values[0]).toMatchObject({
      value: 9, note: 'totalt (6 till arbete, 3 studier)',
    });
    expect(byName(value, 'Inledda utredningar VoB')[0].values[0]).toMatchObject({ value: 192, text: '192 *' });
    expect(byName(value, 'Utbetalt ek. bistånd')[0].values[0].value).toBe(3870731);
  });
});

describe('extractIndicators: Mölndal Titel | Kön | Utfall … | Nivå …', () => {
  it('maps Utfall to outcome and Nivå to target, by gender (lines 542-547)', () => {
    const { value } = extractIndicators(seedTable(SEED.molndal, 542, 547));
    const sick = byName(value, 'SAN, sjukfrånvaro i procent av total arbetstid nämnden');
    expect(sick.map((i) => i.gender)).toEqual(['all', 'women', 'men']);
    expect(pairs(sick[1])).toEqual([
      ['2014', 'outcome', 7.9], ['2015', 'outcome', 6.5], ['2016', 'outcome', 6.7],
      ['2017', 'target', 6], ['2018', 'target', 5.5], ['2019', 'target', 5.2], ['2017', 'outcome', 7.1],
    ]);
    expect(sick[0].values[0].unit).toBe('%'); // "i procent" in the name
    expect(byName(value, 'SAN, Personalomsättning, %')[0].values[0]).toMatchObject({ value: 13, unit: '%', column: 'Utfall 2014' });
  });

  it('warns about a row of values without a name (line 337)', () => {
    const { value, diagnostics } = extractIndicators(seedTable(SEED.molndal, 333, 344));
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['indicator:orphan-values', 337]]);
    expect(byName(value, 'SAN, Köpt öppenvård gällande barn och familjer ska minska. (mnkr)')[0].values[0]).toMatchObject({
      value: 3.4, unit: 'mnkr',
    });
    expect(pairs(byName(value, 'SAN, Inga familjer med barn ska vråkas')[0])).toEqual([
      ['2016', 'outcome', 100], ['2017', 'target', 100], ['2018', 'target', 100], ['2019', 'target', 100],
    ]);
  });

  it('reads kr per invånare (line 445)', () => {
    const { value } = extractIndicators(seedTable(SEED.molndal, 443, 445));
    expect(value[1].values[0]).toMatchObject({ value: 816, unit: 'kr', period: '2014' });
  });
});

describe('extractIndicators: Mölndal VOLYMMÅTT (groups, varav, därav)', () => {
  const { value } = extractIndicators(seedTable(SEED.molndal, 198, 220));

  it('nests varav and därav rows under the row above them', () => {
    const ebo = value.filter((i) => i.name === 'därav EBO');
    expect(ebo.map((i) => i.path)).toEqual([
      ['FLYKTINGMOTTAGANDE', 'Flyktingverksamhet, antal', 'Mottagna flyktingar, totalt', 'varav vuxna'],
      ['FLYKTINGMOTTAGANDE', 'Flyktingverksamhet, antal', 'Mottagna flyktingar, totalt', 'varav barn'],
    ]);
    expect(byName(value, 'varav flyktingstatus')[0].path).toEqual(['EKONOMISKT BISTAND', 'Totalt antal bidragshushåll']);
  });

  it('maps 2017 | Budget 2017 | 2016 and skips "-" cells', () => {
    expect(pairs(byName(value, 'Mottagna flyktingar, totalt')[0])).toEqual([
      ['2017', 'outcome', 317], ['2017', 'target', 600], ['2016', 'outcome', 278],
    ]);
    expect(pairs(byName(value, 'varav flyktingstatus')[1])).toEqual([['2017', 'outcome', 712]]);
  });

  it('strips <sup> footnotes from names', () => {
    expect(value.some((i) => i.name === 'varav anvisade')).toBe(true);
    expect(value).toHaveLength(19); // lines 200-203 and 206-220
  });

  it('takes the unit from a group heading (lines 273-281)', () => {
    const { value: money } = extractIndicators(seedTable(SEED.molndal, 273, 281));
    expect(money[0]).toMatchObject({ name: 'Möndal', path: ['EKONOMISKT BISTAND', 'Försörjningsstöd totalt, bruttokostnad, mnkr'] });
    expect(money[0].values[0]).toMatchObject({ value: 56.1, unit: 'mnkr' });
    const household = money.at(-1)!;
    expect(household.path.at(-1)).toBe('Hushåll med försörjningsstöd, genomsnittlig bruttokostnad, tkr');
    expect(pairs(household)).toEqual([['2016', 'outcome', 56.1], ['2015', 'outcome', 52.5]]);
  });
});

describe('extractIndicators: Alingsås NYCKELTAL and Ale Mått', () => {
  it('skips Bedömning and "-" cells (Alingsås lines 119-120)', () => {
    const [ind] = extractIndicators(seedTable(SEED.alingsas, 119, 120)).value;
    expect(ind.values.map((v) => [v.column, v.period, v.kind, v.value])).toEqual([
      ['Utfall', null, 'outcome', 0], ['Mål 2019', '2019', 'target', 1],
    ]);
  });

  it('skips plain-text rule rows (Alingsås lines 293-297)', () => {
    const { value } = extractIndicators(seedTable(SEED.alingsas, 293, 297));
    expect(value.map((i) => i.name)).toEqual(['Antal genomförda centrala brukarråd']);
  });

  it('reads a value with a remark and skips the Kommentar row (Alingsås lines 228-230)', () => {
    const { value } = extractIndicators(seedTable(SEED.alingsas, 228, 230));
    expect(value).toHaveLength(1);
    expect(value[0].values).toEqual([
      { period: null, kind: 'outcome', column: 'Utfall', text: '3 372 tkr Minskning med 27 tkr', value: 3372, unit: 'tkr', note: 'Minskning med 27 tkr' },
      { period: '2019', kind: 'target', column: 'Mål 2019', text: 'Se kommentar', value: null, unit: null, note: 'Se kommentar' },
      { period: 'jan-april 2018', kind: 'outcome', column: '2018 jan -april', text: '3 399 kr', value: 3399, unit: 'kr', note: null },
    ]);
  });

  it('reads Ale Mått with T2 periods and skips Måluppfyllelse (lines 156-158)', () => {
    const { value } = extractIndicators(seedTable(SEED.ale, 156, 158));
    expect(pairs(value[0])).toEqual([['T2 2016', 'outcome', 133], ['T2 2016', 'target', 100], ['2016', 'target', 100]]);
    expect(pairs(value[1])).toEqual([['T2 2016', 'outcome', 536], ['T2 2016', 'target', 500], ['2016', 'target', 500]]);
  });

  it('reads Ale Verksamhetsmått with the Verksamhet column as group (lines 433-458)', () => {
    const { value } = extractIndicators(seedTable(SEED.ale, 433, 458));
    const trygg = byName(value, 'Antal personer med trygghetslarm')[0];
    expect(trygg.path).toEqual([]);
    expect(pairs(trygg)).toEqual([['2016', 'target', 540], ['jan-aug 2016', 'outcome', 588]]);
    const lss = byName(value, 'Antal boende enligt LSS')[0];
    expect(lss.path).toEqual(['Funktionshinder']);
    const perm = byName(value, 'varav permanent platser')[0];
    expect(perm.path).toEqual(['Särskilt boende och hemsjukvård', 'Särskilt boende antal årsplatser']);
    expect(byName(value, 'Nya beslut tillfällig vistelse (Tertial)')[0].values.at(-1)).toMatchObject({
      kind: 'forecast', period: '2016', value: 222, column: 'Årsprognos jan -aug 2016',
    });
  });
});

describe('extractIndicators: Ale personal table', () => {
  it('nests dash-led rows under the row above and reads dated columns (lines 644-651)', () => {
    const { value } = extractIndicators(seedTable(SEED.ale, 644, 651));
    expect(byName(value, 'månadsavlönade')[0]).toMatchObject({ path: ['Arbetad tid omräknat till årsarbetare'] });
    expect(pairs(byName(value, 'timavlönade')[0])).toEqual([['2016-06-30', 'outcome', 106.1], ['2015-06-30', 'outcome', 60.5]]);
    expect(byName(value, 'Antal tillsvidareanställda')[0].path).toEqual([]);
  });
});

/**
 * Spot checks (issue 2, acceptance 4): values read by a person from the seed text, line by
 * line, compared with the typed records. Each expectation names the source line it came from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.js';
import type { CanonicalDocument } from '../../src/model/document.js';
import { inputPath } from '../helpers/fixtures.js';

type Doc = CanonicalDocument;
const docs = new Map<string, Doc>();
const load = async (name: string) => {
  if (!docs.has(name)) docs.set(name, (await extractFile(inputPath(name, 'txt'))).value);
  return docs.get(name)!;
};

const norm = (s: string) => s.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

function budget(doc: Doc, line: number, column: string) {
  const hits = doc.budget.filter((b) => b.line === line && norm(b.column).startsWith(norm(column)));
  expect(hits, `budget at line ${line}, column starting "${column}"`).toHaveLength(1);
  return hits[0];
}

function indicatorValue(doc: Doc, line: number, period: string, kind = 'outcome') {
  const ind = doc.indicators.find((i) => i.line === line);
  expect(ind, `indicator at line ${line}`).toBeDefined();
  const v = ind!.values.filter((x) => x.period === period && x.kind === kind);
  expect(v, `indicator line ${line} ${period} ${kind}`).toHaveLength(1);
  return v[0];
}

function goal(doc: Doc, textStart: string) {
  const g = doc.goals.filter((x) => norm(x.text).startsWith(norm(textStart)));
  expect(g, `goal "${textStart}"`).toHaveLength(1);
  return g[0];
}

describe('Hjo 2016 (hjo-2016-verksamhetsuppfoljning)', () => {
  let d: Doc;
  beforeAll(async () => { d = await load('hjo-2016-verksamhetsuppfoljning'); });
  it('reads the resultaträkning (lines 351–355) with signs as printed', () => {
    expect(budget(d, 352, 'Utfall 2015')).toMatchObject({ label: 'Intäkter', value: -28603, valueTkr: -28603, measure: 'outcome', period: '2015' });
    expect(budget(d, 353, 'Budget 2016')).toMatchObject({ label: 'Kostnader', value: 60541, measure: 'budget' });
    expect(budget(d, 354, 'Prognos')).toMatchObject({ label: 'Nettokostnader', value: 22053, measure: 'forecast' });
    expect(budget(d, 355, 'Avvikelse')).toMatchObject({ label: 'Resultat', text: '+1 060', value: 1060, measure: 'deviation' });
    expect(budget(d, 355, 'Prognos')).toMatchObject({ value: -124 });
  });
  it('reads the verksamhet table (lines 376–379)', () => {
    expect(budget(d, 376, 'Avvikelse')).toMatchObject({ label: 'Individ och familjeomsorg', value: 1942 });
    expect(budget(d, 377, 'Avvikelse')).toMatchObject({ label: 'Arbetsmarknadsenheten', value: -882 });
    expect(budget(d, 379, 'Avvikelse')).toMatchObject({ label: 'Summa', text: '+ 1 060', value: 1060 });
    expect(budget(d, 378, 'Utfall 2015')).toMatchObject({ label: 'Integration', value: 399 });
  });
  it('reads indicators: percentages, "56 (medel 58)", footnoted and prose values', () => {
    expect(indicatorValue(d, 69, '2016')).toMatchObject({ text: '4,0 %', value: 4, unit: '%' });
    expect(indicatorValue(d, 69, '2012')).toMatchObject({ value: 3.5 });
    expect(indicatorValue(d, 122, '2012')).toMatchObject({ value: 56 });
    expect(indicatorValue(d, 122, '2012', 'reference')).toMatchObject({ value: 58 });
    expect(indicatorValue(d, 122, '2013')).toMatchObject({ value: null, note: 'Ingen mätning gjordes' });
    expect(indicatorValue(d, 333, '2016')).toMatchObject({ value: 3870731 });
    expect(indicatorValue(d, 334, '2016')).toMatchObject({ value: 180 });
    expect(indicatorValue(d, 335, '2016')).toMatchObject({ value: 192 });
    expect(indicatorValue(d, 332, '2016')).toMatchObject({ value: 9 });
  });
  it('reads aktivitetsplaner (lines 58–65, 92–93, 119)', () => {
    const fia = d.activities.find((a) => a.line === 59)!;
    expect(fia).toMatchObject({ activity: 'FIA', due: ['2016-06-30'], responsible: 'Gruppledare', statusText: 'Avslutat', status: 'done' });
    const sjutjugo = d.activities.find((a) => a.line === 92)!;
    expect(sjutjugo).toMatchObject({ activity: '7tjugo', statusText: 'Ej klart', status: 'not_done' });
    expect(sjutjugo.description).toContain('ungdomars och vuxnas personliga utveckling');
    expect(d.activities.find((a) => a.line === 119)).toMatchObject({ activity: 'Vision- och värdegrund', due: ['2016-06-30', '2016-12-31'] });
    expect(d.activities.find((a) => a.line === 65)).toMatchObject({ activity: 'Arena 9.0', due: ['2019'], status: 'ongoing' });
  });
  it('reads goal assessments (lines 29–33, 229–233)', () => {
    expect(goal(d, 'Hjjoborna ska ha ett lågt behov')).toMatchObject({ assessmentText: 'Uppfyllt', assessment: 'met' });
    expect(goal(d, 'Ungdomar ges aktivt stöd')).toMatchObject({ assessmentText: 'Ej uppfyllt', assessment: 'not_met' });
  });
});

describe('Tyresö 2017 (tyreso-2017-delarsrapport-augusti)', () => {
  let d: Doc;
  beforeAll(async () => { d = await load('tyreso-2017-delarsrapport-augusti'); });
  it('reads IFO Myndighet Tkr (lines 354–365)', () => {
    expect(budget(d, 355, 'Intäkt')).toMatchObject({ label: 'Gemensamt/Administration', value: 38603, measure: 'revenue', unit: 'tkr' });
    expect(budget(d, 355, 'Kostnad')).toMatchObject({ value: -42899, measure: 'cost' });
    expect(budget(d, 355, 'Prognos')).toMatchObject({ value: -4800, measure: 'forecast' });
    expect(budget(d, 365, 'Resultat')).toMatchObject({ label: 'Totalt IFO myndighet', value: -18946, measure: 'result' });
    expect(budget(d, 358, 'Prognos')).toMatchObject({ label: 'Familjehem vuxna', value: 0 });
  });
  it('reads the flykting tables (lines 410–412, 436)', () => {
    expect(budget(d, 411, 'Intäkt')).toMatchObject({ label: 'Kommunbidrag', value: -10664 });
    expect(budget(d, 412, 'Prognos')).toMatchObject({ label: 'Nettoreultat', value: -13500 });
    expect(budget(d, 436, 'Kostnad')).toMatchObject({ value: -5409 });
  });
  it('reads Bedömning blocks and uppdrag status', () => {
    expect(goal(d, 'Tyresöborna är nöjda')).toMatchObject({ level: 'Strategiskt mål', assessmentText: 'Delvis uppfyllt', assessment: 'partly_met' });
    expect(goal(d, 'Ekonomiskt bistånd är en kortvarig')).toMatchObject({ level: 'Nämndmål', assessment: 'largely_met' });
    expect(goal(d, 'Medarbetarnas sjukfrånvaro är lägre')).toMatchObject({ assessment: 'not_met' });
    expect(goal(d, 'Konkurrensutsättning')).toMatchObject({ level: 'Uppdrag', assessmentText: 'Påbörjad' });
    expect(goal(d, 'Genomlysna behovet av boendeplatser')).toMatchObject({ assessmentText: 'Färdig', assessment: 'met' });
  });
});

describe('Mölndal 2017 (molndal-2017-verksamhetsberattelse)', () => {
  let d: Doc;
  beforeAll(async () => { d = await load('molndal-2017-verksamhetsberattelse'); });
  it('reads RESULTATRÄKNING in mnkr with valueTkr (lines 165–179)', () => {
    expect(budget(d, 166, '2017')).toMatchObject({ label: 'Avgifter', value: 4.6, unit: 'mnkr', valueTkr: 4600 });
    expect(budget(d, 175, '2016')).toMatchObject({ label: 'Summa kostnader', value: -449.8, valueTkr: -449800 });
    expect(budget(d, 178, '2015')).toMatchObject({ label: 'Årets resultat', value: -5.3 });
  });
  it('reads DRIFTREDOVISNING with varav rows under their parent (lines 182–189)', () => {
    expect(budget(d, 184, 'Resultat')).toMatchObject({ label: 'Flyktingmottagande', value: -11.4 });
    const varav = budget(d, 185, 'Kostnad');
    expect(varav.value).toBe(-12.1);
    expect(varav.path.slice(-2)).toEqual(['Flyktingmottagande', 'varav temporära boenden']);
    expect(budget(d, 189, 'Kommunbidrag')).toMatchObject({ label: 'Summa', value: 285.9, valueTkr: 285900 });
    expect(budget(d, 194, '2017')).toMatchObject({ label: 'Differens', value: 1.3 });
  });
  it('reads indicator tables (Titel/Kön/Utfall/Nivå, lines 299–300)', () => {
    expect(indicatorValue(d, 300, '2014')).toMatchObject({ text: '78 %', value: 78 });
    expect(indicatorValue(d, 300, '2017', 'target')).toMatchObject({ value: 100 });
    expect(d.indicators.find((i) => i.line === 300)?.gender).toBe('all');
  });
});

describe('Alingsås 2019 (alingsas-2019-varbokslut)', () => {
  let d: Doc;
  beforeAll(async () => { d = await load('alingsas-2019-varbokslut'); });
  it('reads Drift, Belopp i tkr (lines 488–497)', () => {
    expect(budget(d, 489, 'Budget 2019')).toMatchObject({ label: 'Verksamhetens intäkter', value: 43344, measure: 'budget' });
    expect(budget(d, 490, 'Prognos helår')).toMatchObject({ label: 'Personalkostnader', value: -149314, measure: 'forecast' });
    expect(budget(d, 497, 'Avvikelse prognos')).toMatchObject({ label: 'Årets resultat', value: -6902, measure: 'deviation' });
    expect(budget(d, 496, 'Vårbokslut 2019')).toMatchObject({ label: 'Kommunbidrag', value: 67968, measure: 'outcome' });
  });
  it('reads Investeringar (line 565) and Bedömning (lines 103–104)', () => {
    expect(budget(d, 565, 'Vårbokslut 2019')).toMatchObject({ value: -199 });
    expect(goal(d, 'Att vidta förebyggande åtgärder')).toMatchObject({ level: 'Nämndens åtagande', assessmentText: 'I hög grad uppfyllt', assessment: 'largely_met' });
    expect(goal(d, 'Att säkerställa en god skolutveckling')).toMatchObject({ assessment: 'met' });
  });
});

describe('Ale 2016 (ale-2016-uppfoljningsrapport-augusti)', () => {
  let d: Doc;
  beforeAll(async () => { d = await load('ale-2016-uppfoljningsrapport-augusti'); });
  it('reads Tabell nämnd (lines 555–563), keeping % columns out of tkr', () => {
    expect(budget(d, 556, 'Utfall jan-aug 2016')).toMatchObject({ label: 'Intäkter', value: 182149, valueTkr: 182149 });
    expect(budget(d, 557, 'Avvikelse prognos')).toMatchObject({ label: 'Kostnader', value: -3349 });
    const pct = budget(d, 556, 'Utfall i % av budget');
    expect(pct.valueTkr).toBeNull();
    expect(pct.value).toBeCloseTo(102.7);
  });
  it('reads the two-level table (lines 569–580) with its column path', () => {
    const ifo = d.budget.filter((b) => b.label === 'Individ- och familjeomsorg' && b.tableId === d.budget.find((x) => x.column.includes('Innevarande år'))?.tableId);
    expect(ifo.find((b) => b.column.includes('Perioden') && b.column.includes('Avvikelse'))?.value).toBe(3752);
    expect(ifo.find((b) => b.column.includes('Helåret') && b.column.includes('Prognos'))?.value).toBe(102767);
    expect(ifo.find((b) => b.column.includes('Föregående år') && b.column.includes('Helåret'))?.value).toBe(104754);
  });
  it('reads the investment table (lines 610–614) and the uppdrag status table (lines 414–423)', () => {
    expect(budget(d, 614, 'Prognos')).toMatchObject({ label: 'Totalt:', value: 2831 });
    expect(goal(d, 'Våra ungdomar skall erbjudas feriearbete')).toMatchObject({ assessmentText: 'Avslutad', assessment: 'met' });
    expect(goal(d, 'Rätten att själv styra insatserna')).toMatchObject({ assessmentText: 'Ej påbörjad', assessment: 'not_met' });
  });
});

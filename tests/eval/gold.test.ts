import { describe, expect, it } from 'vitest';
import type { BudgetValue, Indicator } from '../../src/model/records.js';
import type { CanonicalDocument } from '../../src/model/document.js';
import {
  scoreActivities, scoreBudget, scoreGoals, scoreGoldHeadings, scoreIndicators, scoreReal,
  type GoldBudget, type GoldFile, type GoldIndicator,
} from '../../src/eval/gold.js';
import { columnsMatch, labelsMatch } from '../../src/eval/text.js';

const bv = (o: Partial<BudgetValue>): BudgetValue => ({
  tableId: '#/tables/0', row: 1, label: 'Intäkter', path: ['Intäkter'], column: '2024', measure: 'outcome',
  period: '2024', text: '10 135', value: 10135, unit: 'tkr', valueTkr: 10135, page: 13, line: null, ...o,
});
const ind = (name: string, values: Array<{ column: string; value: number | null; text: string; period?: string }>, page = 35): Indicator => ({
  tableId: '#/tables/1', row: 1, name, path: [name], source: null, gender: null, page, line: null,
  values: values.map((v) => ({ period: v.period ?? null, kind: 'outcome', column: v.column, text: v.text, value: v.value, unit: null, note: null })),
});
const doc = (o: Partial<CanonicalDocument>) => ({ budget: [], indicators: [], tables: [], sections: [], activities: [], goals: [], ...o });
const gb = (o: Partial<GoldBudget>): GoldBudget => ({ page: 13, table: 'Ekonomi (tkr)', row: 'Intäkter', column: '2024', text: '10 135', value: 10135, unit: 'tkr', ...o });

describe('label and column matching', () => {
  it('is case, whitespace and punctuation insensitive, prefix ok', () => {
    expect(labelsMatch('Konstinköp, löpande (6011)', 'konstinköp löpande 6011')).toBe(true);
    expect(labelsMatch('Studieförbundsbidrag', 'Studieförbundsbidrag*')).toBe(true);
    expect(labelsMatch('Ny teknik bowlinghall Korsavad (6154)', 'Ny teknik bowlinghall')).toBe(true);
    expect(labelsMatch('Budget', 'Budgetavvikelse')).toBe(true); // prefix of 6+ chars
    expect(labelsMatch('Intäkter', 'Kostnader')).toBe(false);
    expect(labelsMatch('Drift', 'Driftbidrag')).toBe(false); // prefix too short
  });
  it('compares the last header level and the group when both give one', () => {
    expect(columnsMatch('Varav årets investeringar / Budget 2025', 'Budget 2025')).toBe(true);
    expect(columnsMatch('Varav årets investeringar / Budget 2025', 'Varav årets investeringar / Budget 2025')).toBe(true);
    expect(columnsMatch('Varav årets investeringar / Budget 2025', 'Utgifter sedan projektets start / Budget 2025')).toBe(false);
    expect(columnsMatch('Bokslut 2023', 'Bokslut / 2023')).toBe(true);
    expect(columnsMatch('Utfall 2024', 'Budget 2024')).toBe(false);
  });
});

describe('budget recall', () => {
  it('recalls an equal value under a matching label and column', () => {
    const s = scoreBudget([gb({})], doc({ budget: [bv({})] }));
    expect(s.recalled).toBe(1);
    expect(s.misses).toEqual([]);
  });
  it('misses a wrong column and says the label was found elsewhere', () => {
    const s = scoreBudget([gb({ column: '2025' })], doc({ budget: [bv({})] }));
    expect(s.recalled).toBe(0);
    expect(s.misses[0].hint).toMatch(/label found in columns/);
    expect(s.misses[0].group).toBe('Ekonomi (tkr)');
  });
  it('misses a wrong value, hint says label and column were found', () => {
    const s = scoreBudget([gb({ value: 10136, text: '10 136' })], doc({ budget: [bv({})] }));
    expect(s.recall).toBe(0);
    expect(s.misses[0].hint).toMatch(/label\+column found, other value/);
  });
  it('compares mnkr gold with tkr records through valueTkr, and rejects a unit mix-up', () => {
    const g = gb({ page: 21, row: 'Inventarier, löpande', column: 'Varav årets investeringar / Budget 2025', text: '0,800', value: 0.8, unit: 'mnkr' });
    const asTkr = bv({ page: 21, label: 'Inventarier, löpande', path: ['Färdigställda projekt', 'Inventarier, löpande'], column: 'Budget 2025', value: 800, valueTkr: 800, unit: 'tkr' });
    expect(scoreBudget([g], doc({ budget: [asTkr] })).recalled).toBe(1);
    const asMnkr = { ...asTkr, value: 0.8, unit: 'mnkr' as const, valueTkr: 800 };
    expect(scoreBudget([g], doc({ budget: [asMnkr] })).recalled).toBe(1);
    const wrongUnit = { ...asTkr, value: 0.8, unit: 'tkr' as const, valueTkr: 0.8 };
    expect(scoreBudget([g], doc({ budget: [wrongUnit] })).recalled).toBe(0);
  });
  it('matches each record once (duplicate labels in two blocks)', () => {
    const gold = [gb({ row: 'Budget', value: -59689, text: '-59 689' }), gb({ row: 'Budget', value: -59689, text: '-59 689', row_group: 'investeringar' })];
    const s = scoreBudget(gold, doc({ budget: [bv({ label: 'Budget', path: ['Budget'], value: -59689, valueTkr: -59689 })] }));
    expect(s.recalled).toBe(1);
  });
  it('a gold cell without a value is recalled by its text', () => {
    const g = gb({ row: 'Kultur- och arrangörsbidrag', column: 'Bokslut 2023', text: 'Ej aktuellt', value: null });
    const b = bv({ label: 'Kultur- och arrangörsbidrag', column: 'Bokslut 2023', text: 'Ej aktuellt', value: null, valueTkr: null });
    expect(scoreBudget([g], doc({ budget: [b] })).recalled).toBe(1);
  });
  it('page must be within one of the gold page', () => {
    expect(scoreBudget([gb({ page: 20 })], doc({ budget: [bv({})] })).recalled).toBe(0);
    expect(scoreBudget([gb({ page: 14 })], doc({ budget: [bv({})] })).recalled).toBe(1);
  });
  it('points at the raw table cell when no record has it', () => {
    const t = { id: '#/tables/3', kind: 'other', page: 13, pageEnd: 13, rows: [['Intäkter', '10 135']] };
    const s = scoreBudget([gb({})], { budget: [], indicators: [], tables: [t] });
    expect(s.misses[0].hint).toMatch(/text in #\/tables\/3 \(other, p13\) row 0 col 1/);
  });
});

describe('indicator recall', () => {
  const g: GoldIndicator = { page: 35, table: 'Statistik', indicator: 'Bibliotekslån', group: 'Antal bibliotekslån', column: 'Bokslut 2023', period: '2023', text: '97 032', value: 97032, unit: 'lån' };
  it('recalls an indicator value', () => {
    const d = doc({ indicators: [ind('Bibliotekslån', [{ column: 'Bokslut 2023', value: 97032, text: '97 032', period: '2023' }])] });
    expect(scoreIndicators([g], d).recalled).toBe(1);
  });
  it('a period that disagrees is a miss', () => {
    const d = doc({ indicators: [ind('Bibliotekslån', [{ column: 'Bokslut 2023', value: 97032, text: '97 032', period: '2024' }])] });
    expect(scoreIndicators([g], d).recalled).toBe(0);
  });
  it('says when the value was extracted as a budget record instead', () => {
    const d = doc({ budget: [bv({ page: 35, label: 'Bibliotekslån', path: ['Bibliotekslån'], column: 'Bokslut 2023', period: '2023', value: 97032, valueTkr: null, unit: null })] });
    const s = scoreIndicators([g], d);
    expect(s.recalled).toBe(0);
    expect(s.misses[0].hint).toMatch(/^extracted as budget/);
  });
  it('an approximate gold value matches the number or the printed text', () => {
    const ga: GoldIndicator = { ...g, indicator: 'Bibliotek och buss', column: 'Bokslut 2024', period: '2024', text: 'ung 116 000', value: null, value_approx: 116000 };
    expect(scoreIndicators([ga], doc({ indicators: [ind('Bibliotek och buss', [{ column: 'Bokslut 2024', value: 116000, text: 'ung 116 000' }])] })).recalled).toBe(1);
    expect(scoreIndicators([ga], doc({ indicators: [ind('Bibliotek och buss', [{ column: 'Bokslut 2024', value: null, text: 'ung 116 000' }])] })).recalled).toBe(1);
  });
});

describe('headings, activities, goals', () => {
  const sec = (title: string, page: number, number: string | null = null) => ({ id: 'x', parentId: null, level: 1, number, title, page, line: null });
  it('heading recall and precision', () => {
    const gold = [{ page: 4, level: 1, number: null, title: 'Verksamhetsberättelse' }, { page: 5, level: 2, number: '1.2', title: 'Årets händelser' }, { page: 6, level: 3, number: null, title: 'Utmärkelser och priser' }];
    const s = scoreGoldHeadings(gold, { sections: [sec('VERKSAMHETSBERÄTTELSE', 4), sec('Årets händelser', 5, '1.2'), sec('Foto: Anna', 6), sec('Kommentar', 7)] });
    expect(s.recalled).toBe(2);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.precision).toBeCloseTo(2 / 4);
    expect(s.misses[0].gold).toMatch(/Utmärkelser/);
    expect(s.misses[0].hint).toMatch(/Foto: Anna/);
  });
  it('activities match by a long enough prefix of the text', () => {
    const act = (activity: string, description: string | null = null) => ({ tableId: 't', row: 1, goal: null, activity, description, due: [], dueText: null, responsible: null, statusText: null, status: 'unknown' as const, page: 26, line: null });
    const gold = [{ page: 26, activity: 'Föreläsningar för medborgare och medarbetare. Använda biblioteket som plattform.' }, { page: 27, activity: 'Lokal litteraturfestival: Undersöka möjligheterna' }];
    const s = scoreActivities(gold, { activities: [act('Föreläsningar för medborgare', 'och medarbetare. Använda biblioteket som plattform.'), act('Lokal')] });
    expect(s.recalled).toBe(1);
    expect(s.misses.map((m) => m.page)).toEqual([27]);
  });
  it('goal found, assessment agrees by enum or by printed word', () => {
    const goal = (text: string, assessment: 'met' | 'partly_met' | 'unknown', assessmentText: string | null) => ({ sectionId: null, level: null, text, assessmentText, assessment, tableId: null, page: 6, line: null });
    const gold = [
      { page: 6, goal: 'Finansiella mål (budget 2024)', assessment: 'x', assessment_norm: 'partly_met' },
      { page: 6, goal: 'Beslut om bojkott av varor från vissa stater', assessment: 'x', assessment_norm: 'anmärkning' },
      { page: 25, goal: 'Kommunen ska skapa förutsättningar för ett rikt utbud', assessment: null, assessment_if_icon_read: 'met' },
    ];
    const { goals, assessments } = scoreGoals(gold, { goals: [
      goal('Finansiella mål (budget 2024)', 'met', null),
      goal('Beslut om bojkott av varor från vissa stater', 'unknown', 'kritik i form av en anmärkning'),
    ] });
    expect(goals.recalled).toBe(2);
    expect(goals.total).toBe(3);
    expect(assessments.total).toBe(2);
    expect(assessments.recalled).toBe(1);
    expect(assessments.misses[0].hint).toMatch(/extracted met/);
  });
  it('scoreReal tolerates empty gold lists', () => {
    const gold: GoldFile = { gold: { headings: [], budget_values: [], indicator_values: [], activities: [], assessments: [] } };
    const s = scoreReal(gold, doc({}) as unknown as CanonicalDocument);
    expect(s.budget.recall).toBeNull();
    expect(s.headings.precision).toBeNull();
  });
});

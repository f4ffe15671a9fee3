import { describe, expect, it } from 'vitest';
import { writeDocument } from '../../src/store/write-document.js';
import { columnsOf, createDb } from './db.js';
import { sampleDocument, SHA_B } from './sample-document.js';

const IDENTITY = ['municipality', 'municipality_code', 'year', 'report_type', 'organ'];

/** The columns CONTRACT.md names for each view, in its order (the "…" being IDENTITY). */
const CONTRACT_VIEWS: Record<string, string[]> = {
  v_budget: ['table_caption', 'label', 'measure', 'period', 'value_text', 'value', 'value_tkr'],
  v_indicators: ['indicator', 'gender', 'period', 'kind', 'value_text', 'value', 'unit'],
  v_activities: ['goal', 'activity', 'responsible', 'due', 'status_text', 'status'],
  v_goals: ['level', 'goal', 'assessment_text', 'assessment'],
};

function seeded() {
  const db = createDb();
  writeDocument(db, sampleDocument(), { parserVersion: 'p1' });
  writeDocument(db, sampleDocument({ sha256: SHA_B, municipality: 'Bjuv' }), { parserVersion: 'p1' });
  return db;
}

const ALE = { municipality: 'Ale', municipality_code: '1440', year: 2016, report_type: 'delårsrapport', organ: 'Socialnämnden' };

describe('views', () => {
  it.each(Object.entries(CONTRACT_VIEWS))('%s has the contract columns, in order', (view, columns) => {
    const db = createDb();
    const actual = columnsOf(db, view);
    for (const c of [...IDENTITY, ...columns, 'document_id']) expect(actual).toContain(c);
    const positions = columns.map((c) => actual.indexOf(c));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(Math.max(...IDENTITY.map((c) => actual.indexOf(c)))).toBeLessThan(positions[0]);
  });

  it('v_budget joins documents and the table caption', () => {
    const db = seeded();
    expect(db.prepare(`SELECT municipality, municipality_code, year, report_type, organ, table_caption, path, label, column_label, measure, period, value_text, value, unit, value_tkr FROM v_budget WHERE municipality = 'Ale' ORDER BY value`).all()).toEqual([
      { ...ALE, table_caption: 'Driftredovisning', path: 'Äldreomsorg', label: 'Äldreomsorg', column_label: 'Prognos 2016', measure: 'forecast', period: '2016', value_text: '-50', value: -50, unit: 'tkr', value_tkr: -50 },
      { ...ALE, table_caption: 'Driftredovisning', path: 'Äldreomsorg > varav hemtjänst', label: 'varav hemtjänst', column_label: 'Budget 2016', measure: 'budget', period: '2016', value_text: '400', value: 400, unit: 'tkr', value_tkr: 400 },
      { ...ALE, table_caption: 'Driftredovisning', path: 'Äldreomsorg', label: 'Äldreomsorg', column_label: 'Budget 2016', measure: 'budget', period: '2016', value_text: '1 200', value: 1200, unit: 'tkr', value_tkr: 1200 },
    ]);
    expect(db.prepare(`SELECT municipality, count(*) AS n FROM v_budget GROUP BY municipality ORDER BY municipality`).all()).toEqual([
      { municipality: 'Ale', n: 3 }, { municipality: 'Bjuv', n: 3 },
    ]);
  });

  it('v_indicators has one row per indicator value', () => {
    const db = seeded();
    expect(db.prepare(`SELECT municipality, municipality_code, year, report_type, organ, table_caption, indicator, gender, period, kind, value_text, value, unit FROM v_indicators WHERE municipality = 'Ale' ORDER BY period`).all()).toEqual([
      { ...ALE, table_caption: 'Nyckeltal', indicator: 'Nöjdhet', gender: 'women', period: '2015', kind: 'outcome', value_text: '85', value: 85, unit: '%' },
      { ...ALE, table_caption: 'Nyckeltal', indicator: 'Nöjdhet', gender: 'women', period: '2016', kind: 'target', value_text: '90', value: 90, unit: '%' },
    ]);
  });

  it('v_activities joins due dates with ", "', () => {
    const db = seeded();
    expect(db.prepare(`SELECT municipality, municipality_code, year, report_type, organ, goal, activity, responsible, due, status_text, status FROM v_activities WHERE municipality = 'Ale'`).all()).toEqual([
      { ...ALE, goal: 'Trygg omsorg', activity: 'Ny rutin', responsible: 'Enhetschef', due: '2016-06-30, 2016-12-31', status_text: 'Pågår', status: 'ongoing' },
    ]);
  });

  it('v_goals names the goal text "goal" and joins the section title', () => {
    const db = seeded();
    expect(db.prepare(`SELECT municipality, municipality_code, year, report_type, organ, section_title, level, goal, assessment_text, assessment FROM v_goals WHERE municipality = 'Ale'`).all()).toEqual([
      { ...ALE, section_title: 'Mål', level: 'Nämndmål', goal: 'Trygg omsorg', assessment_text: 'Delvis uppfyllt', assessment: 'partly_met' },
    ]);
  });
});

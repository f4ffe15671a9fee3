/** Precision with partial gold: only records where the gold looks count; `complete` counts them all. */
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../src/model/document.js';
import type { BudgetValue } from '../../src/model/records.js';
import type { GoldFile } from '../../src/eval/gold.js';
import { scoreDocument, totalScores } from '../../src/eval/score-doc.js';

const bv = (o: Partial<BudgetValue>): BudgetValue => ({
  tableId: '#/tables/0', row: 1, label: 'Intäkter', path: ['Intäkter'], column: '2016', measure: 'outcome',
  period: '2016', text: '10', value: 10, unit: 'tkr', valueTkr: 10, page: null, line: 10, ...o,
});
const table = (id: string, rowLines: number[]) => ({
  id, sectionId: null, kind: 'budget' as const, caption: null, unit: 'tkr' as const, page: null, pageEnd: null,
  line: rowLines[0], headerRows: 1, rows: rowLines.map(() => ['x']), rowLines,
});
const doc = (budget: BudgetValue[]): CanonicalDocument => ({
  schemaVersion: 1, source: { path: 'r.txt', sha256: '0'.repeat(64), format: 'txt', pages: null, ocr: false },
  meta: { municipality: null, municipalityCode: null, organ: null, reportType: null, year: null, periodEnd: null, title: null },
  sections: [], tables: [table('#/tables/0', [9, 10, 11]), table('#/tables/1', [20, 21])],
  activities: [], indicators: [], budget, goals: [], warnings: [],
});
const gold = (complete?: string[]): GoldFile => ({
  complete,
  gold: {
    headings: [], indicator_values: [], activities: [], assessments: [],
    budget_values: [{ line: 10, row: 'Intäkter', column: '2016', text: '10', value: 10, unit: 'tkr' }],
  },
});

describe('scoreDocument', () => {
  const d = doc([
    bv({}),
    bv({ label: 'Kostnader', path: ['Kostnader'], text: '-5', value: -5, valueTkr: -5, line: 11 }), // same table: in scope
    bv({ tableId: '#/tables/1', label: 'Övrigt', path: ['Övrigt'], line: 21 }), // a table the gold never looks at
    bv({ label: 'Tom', path: ['Tom'], text: '', value: null, valueTkr: null, line: 11 }), // no number: never counted
  ]);

  it('counts for precision only records in tables that hold a gold line', () => {
    const s = scoreDocument(gold(), d).budget;
    expect(s).toMatchObject({ gold: 1, recalled: 1, extracted: 2, correct: 1, precision: 0.5, recall: 1 });
    expect(s.extras).toEqual(['Kostnader [2016] = "-5" l11']);
  });

  it('counts every numeric record of a kind the gold lists completely', () => {
    expect(scoreDocument(gold(['budget']), d).budget).toMatchObject({ extracted: 3, correct: 1 });
  });

  it('ignores text lines for PDF sources and pages for text sources', () => {
    const pdf = { ...d, source: { ...d.source, format: 'pdf' as const } };
    // No line to place the gold: the table of the matched record is in scope, so Kostnader still counts.
    expect(scoreDocument(gold(), pdf).budget).toMatchObject({ recalled: 1, extracted: 2, correct: 1 });
  });

  it('sums counts over documents for the total', () => {
    const a = scoreDocument(gold(), d);
    const t = totalScores([a, a]);
    expect(t.budget).toMatchObject({ gold: 2, recalled: 2, extracted: 4, correct: 2, precision: 0.5, recall: 1 });
    expect(t.indicators.precision).toBeNull();
  });
});

/**
 * Simrishamn Bokslut 2025, the shaded Word tables of pp. 13–36, against the hand-made gold
 * (fixtures/real/Bokslut_2025.gold.json): every gold budget cell and every gold indicator cell
 * must be extracted with its row label, column header and printed text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCountIndicators } from '../../../../src/classify/index.js';
import type { CanonicalDocument } from '../../../../src/model/index.js';
import { extractFile } from '../../../../src/pipeline/extract.js';

const REAL = path.resolve(import.meta.dirname, '../../../../fixtures/real');
interface GoldCell { page: number; row?: string; indicator?: string; column: string; text: string }
const gold = JSON.parse(readFileSync(path.join(REAL, 'Bokslut_2025.gold.json'), 'utf8')) as {
  gold: { budget_values: GoldCell[]; indicator_values: GoldCell[] };
};

/** Letters and digits only, lower case: "Budget-avvikelse" and "Budgetavvikelse" are one header. */
const key = (s: string) => s.normalize('NFKC').toLocaleLowerCase('sv').replace(/[^\p{L}\p{N}]+/gu, '');
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
/** The gold's "Varav årets investeringar / Budget 2025" against ours: every level must agree. */
const sameColumn = (goldColumn: string, got: string) => key(goldColumn) === key(got);

let doc: CanonicalDocument;
let indicators: CanonicalDocument['indicators'];

beforeAll(async () => {
  doc = (await extractFile(path.join(REAL, 'Bokslut_2025.pdf'))).value;
  // Count columns of money tables ("Antal 2023") are indicators beside the budget records.
  const counts = doc.tables.filter((t) => t.kind === 'budget').flatMap((t) => extractCountIndicators(t).value);
  indicators = [...doc.indicators, ...counts];
}, 120_000);

describe('Bokslut_2025 budget cells', () => {
  for (const page of [13, 21, 33, 34, 36]) {
    it(`finds every gold budget cell on p${page} with its label, column and text`, () => {
      const cells = gold.gold.budget_values.filter((g) => g.page === page);
      const missing = cells.filter((g) => !doc.budget.some((b) =>
        b.page === page && key(b.label) === key(g.row!) && sameColumn(g.column, b.column) && sameText(b.text, g.text)));
      expect(missing.map((g) => `${g.row} [${g.column}] = ${g.text}`)).toEqual([]);
    });
  }

  it('reads p21 in mnkr with three decimals, the two-level header kept', () => {
    const r = doc.budget.find((b) => b.label === 'Löparbana Korsavad (6151)' && b.column === 'Utgifter sedan projektets start / Ack. Utfall');
    expect(r).toMatchObject({ text: '0,010', value: 0.01, unit: 'mnkr', valueTkr: 10, measure: 'outcome' });
  });

  it('keeps "Ej aktuellt" as a budget cell without a value', () => {
    const r = doc.budget.find((b) => b.label === 'Kultur- och arrangörsbidrag' && b.column === 'Budget 2025');
    expect(r).toMatchObject({ text: 'Ej aktuellt', value: null, valueTkr: null });
  });

  it('does not read the Antal count columns as money', () => {
    expect(doc.budget.filter((b) => /^antal/iu.test(b.column))).toEqual([]);
  });
});

describe('Bokslut_2025 indicator cells', () => {
  const byTable = new Map<string, GoldCell[]>();
  for (const g of gold.gold.indicator_values) {
    const k = `${g.page} ${(g as { table?: string }).table ?? ''}`;
    byTable.set(k, [...(byTable.get(k) ?? []), g]);
  }
  for (const [name, cells] of byTable) {
    it(`finds every gold indicator cell of p${name}`, () => {
      const missing = cells.filter((g) => !indicators.some((i) => i.page === g.page && key(i.name) === key(g.indicator!) &&
        i.values.some((v) => sameColumn(g.column, v.column) && sameText(v.text, g.text))));
      expect(missing.map((g) => `${g.indicator} [${g.column}] = ${g.text}`)).toEqual([]);
    });
  }

  it('reads "Budget 2025" of a statistics table as a target and "ung 116 000" as about 116 000', () => {
    const lib = indicators.find((i) => i.name === 'Bibliotek och buss');
    expect(lib?.values.find((v) => v.column === 'Budget 2025')).toMatchObject({ kind: 'target', value: 110000, period: '2025' });
    expect(lib?.values.find((v) => v.column === 'Bokslut 2024')).toMatchObject({ kind: 'outcome', value: 116000, note: 'ung' });
  });
});

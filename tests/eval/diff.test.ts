/** The record-level diff: pairing by what a record says, field-level changes, repeated keys. */
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../src/model/document.js';
import type { BudgetValue } from '../../src/model/records.js';
import { diffDocuments, renderDocDiff } from '../../src/eval/diff.js';

const bv = (o: Partial<BudgetValue>): BudgetValue => ({
  tableId: '#/tables/0', row: 1, label: 'Summa', path: ['Summa'], column: 'Budget 2016', measure: 'budget',
  period: '2016', text: '1 200', value: 1200, unit: 'tkr', valueTkr: 1200, page: null, line: 10, ...o,
});
const doc = (budget: BudgetValue[], extra: Partial<CanonicalDocument> = {}): CanonicalDocument => ({
  schemaVersion: 1, source: { path: 'r.txt', sha256: '0'.repeat(64), format: 'txt', pages: null, ocr: false },
  meta: { municipality: 'Hjo', municipalityCode: '1685', organ: null, reportType: null, year: 2016, periodEnd: null, title: null },
  sections: [], tables: [], activities: [], indicators: [], budget, goals: [], warnings: [], ...extra,
});

describe('diffDocuments', () => {
  it('reports lost, added and altered records with the fields that changed', () => {
    const a = doc([bv({}), bv({ label: 'Intäkter', path: ['Intäkter'] })]);
    const b = doc([bv({ text: '-1 200', value: -1200, valueTkr: -1200 }), bv({ label: 'Kostnader', path: ['Kostnader'] })]);
    const d = diffDocuments(a, b);
    expect(d.kinds).toHaveLength(1);
    expect(d.kinds[0]).toMatchObject({
      kind: 'budget', old: 2, new: 2,
      lost: ['Intäkter [Budget 2016] = "1 200"'], added: ['Kostnader [Budget 2016] = "1 200"'],
    });
    expect(d.kinds[0].altered[0].changes).toEqual([
      { field: 'text', old: '1 200', new: '-1 200' },
      { field: 'value', old: 1200, new: -1200 },
      { field: 'valueTkr', old: 1200, new: -1200 },
    ]);
    expect(renderDocDiff(d).join('\n')).toContain('    ~ Summa [Budget 2016] = "1 200"\n        text: "1 200" -> "-1 200"');
  });

  it('pairs repeated keys in document order and ignores provenance unless asked', () => {
    const a = doc([bv({ line: 10 }), bv({ line: 20, text: '5', value: 5, valueTkr: 5 })]);
    const b = doc([bv({ line: 11 }), bv({ line: 21, text: '6', value: 6, valueTkr: 6 })]);
    const d = diffDocuments(a, b);
    expect(d.kinds[0].altered.map((x) => x.key)).toEqual(['Summa | Budget 2016 | 2016 #2']);
    expect(diffDocuments(a, b, { provenance: true }).kinds[0].altered).toHaveLength(2);
  });

  it('reports meta changes and a reordering that changes nothing else', () => {
    const a = doc([bv({}), bv({ label: 'A', path: ['A'] })]);
    const b = doc([bv({ label: 'A', path: ['A'] }), bv({})], { meta: { ...a.meta, year: 2017 } });
    const d = diffDocuments(a, b);
    expect(d.meta).toEqual([{ field: 'meta.year', old: 2016, new: 2017 }]);
    expect(d.kinds[0]).toMatchObject({ kind: 'budget', reordered: true, lost: [], added: [], altered: [] });
  });
});

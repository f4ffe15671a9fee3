import { describe, expect, it } from 'vitest';
import { renderMisses, renderTable } from '../../src/eval/report.js';
import { scoreHeadings } from '../../src/eval/truth.js';
import { safeExtract } from '../../src/eval/run.js';
import type { CanonicalDocument } from '../../src/model/document.js';

describe('report rendering', () => {
  it('renders one aligned table and drops columns that are empty everywhere', () => {
    const t = renderTable([{ set: 'real', item: 'a', budget: '1/2 50.0%' }, { set: 'peer', item: 'bb', contF1: '80.0%' }]);
    const lines = t.split('\n');
    expect(lines[0]).toMatch(/^set\s+\| item \| budget\s+\| contF1$/);
    expect(lines).toHaveLength(5); // header, rule, row, set separator, row
    expect(t).not.toMatch(/headP/);
  });
  it('lists a failed extraction in the misses', () => {
    expect(renderMisses([{ name: 'x', status: 'failure', error: 'boom', ms: 1, score: null, headingsScope: null }])).toMatch(/x: extraction FAILED: boom/);
  });
});

describe('truth headings (fixtures)', () => {
  it('precision counts extracted sections that match no truth heading', () => {
    const sections = ['Inledning', 'Ekonomi', 'Innehåll', 'Sidan 3'].map((title, i) => ({ id: `#/sections/${i}`, parentId: null, level: 1, number: null, title, page: 1, line: null }));
    const s = scoreHeadings([{ text: 'Inledning', level: 1, pdf_page: 1 }, { text: 'Ekonomi:', level: 1, pdf_page: 1 }, { text: 'Personal', level: 1, pdf_page: 2 }], { sections } as unknown as CanonicalDocument);
    expect(s.matched).toBe(2);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.missed).toEqual(['Personal']);
  });
});

describe('safeExtract', () => {
  it('turns an unreadable input into a failure row, not a throw', async () => {
    const x = await safeExtract('fixtures/does-not-exist.pdf');
    expect(x.status).toBe('failure');
    expect(x.doc).toBeNull();
    expect(x.error).toMatch(/input:not-found/);
  });
});
